package widgets

import (
	"os"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"waymark/data"
)

// fixture is the small test content in data/testdata/fixture: three stages
// (before: forecasting, towers; at: biometrics; after: tags).
func fixture(t testing.TB) *data.Content {
	t.Helper()
	contents, err := data.Load(os.DirFS("../data/testdata/fixture"), "data")
	if err != nil {
		t.Fatal(err)
	}
	return contents["en"]
}

// mount loads a journey into go-app's test engine, as the browser would.
func mount(t *testing.T, j *Journey) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(j); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

// view renders the journey's current state and parses it: go-app writes
// attributes in random order, so pages are compared as trees, not strings.
func view(t *testing.T, j *Journey) *html.Node {
	t.Helper()
	fresh := &Journey{Content: j.Content, Interactive: j.Interactive, stage: j.stage, right: j.right}
	doc, err := html.Parse(strings.NewReader(app.HTMLString(fresh)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func getAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := getAttr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func byID(doc *html.Node, id string) *html.Node {
	found := find(doc, func(n *html.Node) bool { v, _ := getAttr(n, "id"); return v == id })
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// visiblePanels are the tab panels a reader can see in the app.
func visiblePanels(doc *html.Node) []string {
	var ids []string
	for _, n := range find(doc, func(n *html.Node) bool { r, _ := getAttr(n, "role"); return r == "tabpanel" }) {
		if _, hidden := getAttr(n, "hidden"); !hidden {
			id, _ := getAttr(n, "id")
			ids = append(ids, strings.TrimPrefix(id, "wm-a-"))
		}
	}
	return ids
}

// ariaTrue reads an ARIA state from go-app's server encoding, which writes
// the value "true" as a bare attribute (aria-selected rather than
// aria-selected="true"); in the browser go-app sets "true" itself. The
// prerendered pages never carry such states (the build tests check).
func hasAttrValue(n *html.Node, key, want string) bool {
	v, ok := getAttr(n, key)
	return ok && v == want
}

func ariaTrue(n *html.Node, key string) bool {
	v, ok := getAttr(n, key)
	return ok && (v == "true" || v == "")
}

// selectedTabs lists the stages whose tab is selected, and fails the test
// if a tab controls no panel or the tab order holds any tab but the
// selected one.
func selectedTabs(t *testing.T, doc *html.Node) []string {
	t.Helper()
	var ids []string
	for _, n := range find(doc, func(n *html.Node) bool { r, _ := getAttr(n, "role"); return r == "tab" }) {
		sel := ariaTrue(n, "aria-selected")
		if sel {
			ctl, _ := getAttr(n, "aria-controls")
			if byID(doc, ctl) == nil {
				t.Errorf("tab %q controls %s, which is not in the page", text(n), ctl)
			}
			ids = append(ids, strings.TrimPrefix(ctl, "wm-a-"))
		}
		ti, _ := getAttr(n, "tabindex")
		if sel != (ti == "0") {
			t.Errorf("tab %q: only the selected tab may be in the tab order (tabindex %q)", text(n), ti)
		}
	}
	return ids
}

func TestJourneyMountsInTestEngine(t *testing.T) {
	c := fixture(t)
	j := &Journey{Content: c, Interactive: true}
	mount(t, j)
	// Before the title, the link a keyboard reaches first, to the open
	// stage.
	if err := app.Match(app.A().Class("wm-skip").Href("#wm-h-before").Text(c.UI.SkipToContent), j, 0, 0); err != nil {
		t.Errorf("mounted journey does not start with its skip link to the open stage: %v", err)
	}
	if err := app.Match(app.H1().ID("wm-title").Text(c.Journey.Title), j, 0, 1, 0); err != nil {
		t.Errorf("mounted journey does not start with its title, after the skip link: %v", err)
	}
	if got := j.Stage(); got != "before" {
		t.Errorf("first stage open = %q, want before", got)
	}
}

func TestJourneyOpensOneStageAtATime(t *testing.T) {
	j := &Journey{Content: fixture(t), Interactive: true}
	mount(t, j)
	doc := view(t, j)
	if got := strings.Join(visiblePanels(doc), ","); got != "before" {
		t.Errorf("visible panels = %s, want before", got)
	}
	if got := strings.Join(selectedTabs(t, doc), ","); got != "before" {
		t.Errorf("selected tabs = %s, want before", got)
	}

	j.Open("after")
	doc = view(t, j)
	if got := strings.Join(visiblePanels(doc), ","); got != "after" {
		t.Errorf("after Open(after): visible panels = %s", got)
	}
	if got := strings.Join(selectedTabs(t, doc), ","); got != "after" {
		t.Errorf("after Open(after): selected tabs = %s", got)
	}
	panel := byID(doc, "wm-a-after")
	if lbl, _ := getAttr(panel, "aria-labelledby"); byID(doc, lbl) == nil || text(byID(doc, lbl)) != "After the border" {
		t.Errorf("panel after is labelled by %q, which is not its heading", lbl)
	}
}

func TestJourneyFragmentOpensStageOrTechnology(t *testing.T) {
	tests := []struct{ fragment, want string }{
		{"at", "at"},
		{"after", "after"},
		{"biometrics", "at"}, // a technology opens the stage that holds it
		{"towers", "before"},
		{"no-such-stage", "before"},        // unknown: stays where it was
		{`"><script>x</script>`, "before"}, // anyone can write a URL
		{"", "before"},
	}
	for _, tt := range tests {
		j := &Journey{Content: fixture(t), Interactive: true}
		mount(t, j)
		j.Open(tt.fragment)
		if got := j.Stage(); got != tt.want {
			t.Errorf("Open(%q): stage %q, want %q", tt.fragment, got, tt.want)
		}
		if got := strings.Join(visiblePanels(view(t, j)), ","); got != tt.want {
			t.Errorf("Open(%q): visible panels %s, want %s", tt.fragment, got, tt.want)
		}
	}
}

func TestJourneyStepsAndKeysStopAtTheEnds(t *testing.T) {
	j := &Journey{Content: fixture(t), Interactive: true}
	mount(t, j)
	if got := j.Step(-1); got != "before" {
		t.Errorf("previous from the first stage: %s", got)
	}
	if got := j.Step(1); got != "at" {
		t.Errorf("next from before: %s", got)
	}
	if got := j.Step(5); got != "after" {
		t.Errorf("next past the end: %s", got)
	}
	doc := view(t, j)
	panel := byID(doc, "wm-a-after")
	if len(find(panel, func(n *html.Node) bool { return hasClass(n, "wm-next") })) != 0 {
		t.Error("the last stage offers a next button")
	}
	if prev := find(panel, func(n *html.Node) bool { return hasClass(n, "wm-prev") }); len(prev) != 1 || !strings.Contains(text(prev[0]), "At the border") {
		t.Error("the last stage's previous button does not name the stage before it")
	}

	keys := []struct{ key, want string }{
		{"ArrowRight", "before"}, // wraps, as the APG tabs pattern does
		{"ArrowLeft", "at"},
		{"Home", "before"},
		{"End", "after"},
	}
	for _, k := range keys {
		got, ok := j.tabKeyTarget(k.key)
		if !ok || got != k.want {
			t.Errorf("%s from after: %q %v, want %q", k.key, got, ok, k.want)
		}
	}
	if _, ok := j.tabKeyTarget("Tab"); ok {
		t.Error("Tab is taken by the tab list; it must move focus out")
	}

	rtl := *j.Content
	rtl.UI.Dir = "rtl"
	jr := &Journey{Content: &rtl, Interactive: true, stage: "at"}
	if got, _ := jr.tabKeyTarget("ArrowLeft"); got != "after" {
		t.Errorf("right to left: ArrowLeft from at goes to %q, want after (the next stage is on the left)", got)
	}
}

func TestJourneyHighlightsTechnologiesByRight(t *testing.T) {
	j := &Journey{Content: fixture(t), Interactive: true}
	mount(t, j)
	j.Highlight("asylum")
	doc := view(t, j)
	var marked []string
	for _, n := range find(doc, func(n *html.Node) bool { return hasClass(n, "wm-match") }) {
		id, _ := getAttr(n, "id")
		marked = append(marked, strings.TrimPrefix(id, "wm-a-"))
	}
	if got := strings.Join(marked, ","); got != "towers" {
		t.Errorf("highlighted for asylum: %s, want towers", got)
	}
	// The count stands next to the control, and the control describes
	// itself with it.
	matches := byID(doc, "wm-matches")
	if matches == nil || text(matches) != "1 of 2 technologies at this stage threaten this right." {
		t.Errorf("count for the reader is missing or wrong: %v", matches)
	}
	if sel := byID(doc, "wm-right"); sel == nil || !hasAttrValue(sel, "aria-describedby", "wm-matches") {
		t.Error("the right filter is not described by its count")
	}
	selected := find(doc, func(n *html.Node) bool { _, ok := getAttr(n, "selected"); return n.Data == "option" && ok })
	if len(selected) != 1 {
		t.Fatalf("%d options selected, want 1", len(selected))
	}
	if v, _ := getAttr(selected[0], "value"); v != "asylum" {
		t.Errorf("selected right = %q, want asylum", v)
	}

	j.Open("after")
	j.Highlight("asylum")
	doc = view(t, j)
	if m := byID(doc, "wm-matches"); m == nil || !strings.Contains(text(m), "no technology") {
		t.Error("a stage with no match does not say so")
	}

	j.Highlight("made-up")
	doc = view(t, j)
	if n := len(find(doc, func(n *html.Node) bool { return hasClass(n, "wm-match") })); n != 0 {
		t.Errorf("an unknown right highlights %d technologies", n)
	}
}

func TestJourneyFilterOffersOnlyRightsInUse(t *testing.T) {
	c := fixture(t)
	c.Rights = append(c.Rights, data.Right{ID: "unused", Name: "Unused right"})
	j := &Journey{Content: c}
	var values []string
	for _, n := range find(byID(view(t, j), "wm-right"), func(n *html.Node) bool { return n.Data == "option" }) {
		v, _ := getAttr(n, "value")
		values = append(values, v)
	}
	if got := strings.Join(values, ","); got != ",privacy,asylum,liberty" {
		t.Errorf("filter choices = %q, want none then the rights in use", got)
	}
}

func TestPrerenderedJourneyWorksWithoutScript(t *testing.T) {
	c := fixture(t)
	doc := view(t, &Journey{Content: c})
	if n := len(find(doc, func(n *html.Node) bool {
		r, ok := getAttr(n, "role")
		return ok && n.Data != "div" && r != "presentation"
	})); n != 0 {
		t.Errorf("prerendered page claims %d ARIA widget roles that only work with the app", n)
	}
	if n := len(find(doc, func(n *html.Node) bool { _, ok := getAttr(n, "hidden"); return ok })); n != 0 {
		t.Errorf("prerendered page hides %d elements; without the app they could never be shown", n)
	}
	for _, s := range c.Journey.Stages {
		links := find(doc, func(n *html.Node) bool { h, _ := getAttr(n, "href"); return n.Data == "a" && h == "#"+s.ID })
		if len(links) == 0 {
			t.Errorf("no link reaches stage %s", s.ID)
		}
		if byID(doc, s.ID) == nil {
			t.Errorf("no element with id %s for links to land on", s.ID)
		}
	}
	// The one button is the introduction's, which options.js works where
	// scripts run and the stylesheet hides where they do not.
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "button" && !hasClass(n, "wm-intro-more") })); n != 0 {
		t.Errorf("prerendered page has %d buttons that do nothing without the app", n)
	}
	if css := JourneyCSS(c); !strings.Contains(css, "#wm-right option[value=privacy]:checked") || !strings.Contains(css, "#at:target") {
		t.Errorf("no-script rules do not cover the content's rights and stages:\n%s", css)
	}
}

func TestOutLinksSayTheyLeave(t *testing.T) {
	doc := view(t, &Journey{Content: fixture(t)})
	outs := find(doc, func(n *html.Node) bool {
		h, _ := getAttr(n, "href")
		return n.Data == "a" && strings.HasPrefix(h, "http")
	})
	if len(outs) == 0 {
		t.Fatal("no link out to a source")
	}
	for _, a := range outs {
		rel, _ := getAttr(a, "rel")
		if !strings.Contains(rel, "noopener") || !strings.Contains(rel, "noreferrer") {
			t.Errorf("link %s has rel %q", text(a), rel)
		}
		if !strings.Contains(text(a), "(leaves this widget)") {
			t.Errorf("link %q does not say it leaves the widget", text(a))
		}
	}
}

func TestCreditNamesSourceAndLicence(t *testing.T) {
	doc := view(t, &Journey{Content: fixture(t)})
	credit := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-credit") })
	if len(credit) != 1 {
		t.Fatal("no credit line")
	}
	got := text(credit[0])
	for _, want := range []string{`A "fixture" <document>`, "CC BY-NC-ND 4.0", "Publisher's name"} {
		if !strings.Contains(got, want) {
			t.Errorf("credit %q lacks %q", got, want)
		}
	}
}

// TestRouteMirrorsRightToLeft: the route's line leaves the first stage
// towards the later ones, to the right in English and to the left in
// Arabic, where the first stage stands on the right.
func TestRouteMirrorsRightToLeft(t *testing.T) {
	for _, tt := range []struct {
		i    int
		rtl  bool
		want string
	}{
		{0, false, "50%-100%"},
		{1, false, "0-50% 50%-100%"},
		{2, false, "0-50%"},
		{0, true, "0-50%"},
		{1, true, "0-50% 50%-100%"},
		{2, true, "50%-100%"},
	} {
		doc, err := html.Parse(strings.NewReader(app.HTMLString(station(tt.i, 3, tt.rtl))))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range find(doc, func(n *html.Node) bool { return hasClass(n, "wm-route-line") }) {
			x1, _ := getAttr(l, "x1")
			x2, _ := getAttr(l, "x2")
			lines = append(lines, x1+"-"+x2)
		}
		if got := strings.Join(lines, " "); got != tt.want {
			t.Errorf("stage %d of 3, rtl %v: the route's lines span %q, want %q", tt.i+1, tt.rtl, got, tt.want)
		}
	}
}

// A technology's details the reader opened before the app are open in the
// app's first render, and no others: in either mode, a closed one carries
// no open attribute, which the browser would take as open whatever its
// value.
func TestJourneyKeepsOpenOnlyTheDetailsTheReaderOpened(t *testing.T) {
	c := fixture(t)
	tech := c.Journey.Stages[0].Technologies[0].ID
	for _, interactive := range []bool{false, true} {
		j := &Journey{Content: c, Interactive: interactive, stage: c.Journey.Stages[0].ID, opened: map[string]bool{tech: true}}
		doc, err := html.Parse(strings.NewReader(app.HTMLString(j)))
		if err != nil {
			t.Fatal(err)
		}
		open := find(doc, func(n *html.Node) bool { _, ok := getAttr(n, "open"); return n.Data == "details" && ok })
		if len(open) != 1 {
			t.Fatalf("interactive %v: %d details open, want only %s's", interactive, len(open), tech)
		}
		li := open[0]
		for li != nil && !hasClass(li, "wm-tech") {
			li = li.Parent
		}
		if id, _ := getAttr(li, "id"); li == nil || id != anchorID(interactive, tech) {
			t.Errorf("interactive %v: the open details are in %q, want %s's", interactive, id, tech)
		}
	}
}
