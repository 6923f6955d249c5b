package widgets

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func viewPresentation(t *testing.T, p *Presentation) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(p)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func slideTitles(doc *html.Node, shownOnly bool) []string {
	var out []string
	for _, n := range find(doc, func(n *html.Node) bool { return hasClass(n, "wm-slide") }) {
		if _, hidden := getAttr(n, "hidden"); hidden && shownOnly {
			continue
		}
		h := find(n, func(n *html.Node) bool { return hasClass(n, "wm-slide-title") })
		if len(h) > 0 {
			out = append(out, text(h[0]))
		}
	}
	return out
}

// The slides run in the journey's order: the title, then each stage's
// opener followed by its technologies.
func TestPresentationSlidesFollowTheJourney(t *testing.T) {
	c := fixture(t)
	want := []string{c.Journey.Title}
	for _, s := range c.Journey.Stages {
		want = append(want, s.Title)
		for _, tech := range s.Technologies {
			want = append(want, tech.Name)
		}
	}
	// Without the app every slide is on the page, in order, each with an
	// address of its own.
	doc := viewPresentation(t, &Presentation{Kind: KindNamed(JourneyName), Content: c})
	if got := slideTitles(doc, true); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("prerendered slides %q, want %q", got, want)
	}
	for i := range want {
		id := "slide-" + strconv.Itoa(i+1)
		if len(find(doc, func(n *html.Node) bool { v, _ := getAttr(n, "id"); return v == id })) != 1 {
			t.Errorf("no slide with id %s for a link to open", id)
		}
	}
	if len(find(doc, func(n *html.Node) bool { return hasClass(n, "wm-present-bar") })) != 0 {
		t.Error("the prerendered page has slide controls that need the app")
	}
	// In the app one slide shows, and the controls say where the room is.
	p := &Presentation{Kind: KindNamed(JourneyName), Content: c, Interactive: true}
	p.Go(2)
	doc = viewPresentation(t, p)
	if got := slideTitles(doc, true); len(got) != 1 || got[0] != want[2] {
		t.Errorf("the app shows %q, want only %q", got, want[2])
	}
	where := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-present-where") })
	if len(where) != 1 || !strings.Contains(text(where[0]), "Slide 3 of "+strconv.Itoa(len(want))) {
		t.Errorf("the controls do not say slide 3 of %d", len(want))
	}
	if p.status != "Slide 3 of "+strconv.Itoa(len(want))+": "+want[2] {
		t.Errorf("the live region says %q", p.status)
	}
	p.Go(-4)
	if p.Slide() != 0 {
		t.Errorf("going before the first slide shows slide %d", p.Slide()+1)
	}
	p.Go(99)
	if p.Slide() != len(want)-1 {
		t.Errorf("going past the last slide shows slide %d", p.Slide()+1)
	}
}

// The figures come as slides too: the title, then one figure a slide,
// its number as large as the room needs and where the report gives it.
func TestPresentationOfTheFigures(t *testing.T) {
	c := fixture(t)
	doc := viewPresentation(t, &Presentation{Kind: KindNamed(FiguresName), Content: c})
	slides := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-slide") })
	if len(slides) != 1+len(c.Figures.Figures) {
		t.Fatalf("%d slides for %d figures, want a title slide and one a figure", len(slides), len(c.Figures.Figures))
	}
	for i, f := range c.Figures.Figures {
		sl := slides[i+1]
		big := find(sl, func(n *html.Node) bool { return hasClass(n, "wm-slide-big") })
		if want := figureValue(c.UI, f); len(big) != 1 || !strings.Contains(text(big[0]), want) {
			t.Errorf("figure %s: its slide does not show %s large", f.ID, want)
		}
		if h := find(sl, func(n *html.Node) bool { return n.Data == "h2" }); len(h) != 1 || !strings.Contains(text(h[0]), f.Label) {
			t.Errorf("figure %s: its slide's heading is not its label %q", f.ID, f.Label)
		}
		if from := find(sl, func(n *html.Node) bool { return hasClass(n, "wm-slide-from") }); len(from) != 1 {
			t.Errorf("figure %s: its slide does not say where the report gives it", f.ID)
		}
	}
}

// What a clicker, a keyboard and a right-to-left page do.
func TestPresentationKeys(t *testing.T) {
	p := &Presentation{Kind: KindNamed(JourneyName), Content: fixture(t)}
	last := len(p.Slides()) - 1
	for _, k := range []struct {
		key       string
		rtl       bool
		delta, to int
		handled   bool
	}{
		{"ArrowRight", false, 1, 0, true},
		{"ArrowLeft", false, -1, 0, true},
		{"ArrowLeft", true, 1, 0, true}, // right to left, the next slide is to the left
		{"ArrowRight", true, -1, 0, true},
		{"PageDown", false, 1, 0, true}, // a clicker
		{"PageUp", false, -1, 0, true},
		{" ", false, 1, 0, true},
		{"Home", false, 0, 0, true},
		{"End", false, 0, last, true},
		{"Tab", false, 0, 0, false},
		{"Enter", false, 0, 0, false},
	} {
		delta, to, ok := p.key(k.key, k.rtl)
		if ok != k.handled || delta != k.delta || to != k.to {
			t.Errorf("key %q (rtl %v): %d, %d, %v; want %d, %d, %v", k.key, k.rtl, delta, to, ok, k.delta, k.to, k.handled)
		}
	}
	for f, want := range map[string]int{"slide-3": 2, "slide-1": 0, "slide-0": 0, "slide-x": 0, "before": 0, "": 0} {
		if got := slideFromFragment(f); got != want {
			t.Errorf("fragment %q opens slide %d, want %d", f, got+1, want+1)
		}
	}
	if got := clock(75 * time.Second); got != "1:15" {
		t.Errorf("75 s reads %q", got)
	}
}
