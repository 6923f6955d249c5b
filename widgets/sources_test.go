package widgets

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func parsed(t *testing.T, ui app.UI) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(ui)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Without the app, every citation marker leads to its entry on the
// widget's sources page, in a new tab, numbered as the marker says, and
// every entry leads back to each marker citing it.
func TestMarkersLeadToTheSourcesPageAndBack(t *testing.T) {
	c := fixture(t)
	for i := range Kinds {
		k := &Kinds[i]
		widget := parsed(t, k.New(c, false))
		page := parsed(t, &SourcesPage{Kind: k, Content: c})
		entries := find(page, func(n *html.Node) bool {
			return n.Data == "li" && n.Parent != nil && hasClass(n.Parent, "wm-source-list")
		})
		if len(entries) == 0 {
			t.Fatalf("%s: the sources page lists nothing", k.Name)
		}
		if n := len(find(widget, func(n *html.Node) bool { return hasClass(n, "wm-source-list") })); n != 0 {
			t.Errorf("%s: the prerendered widget holds the full list of sources itself", k.Name)
		}
		sourcesPage := Path(k.Name, c) + "sources/"
		markers := find(widget, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "wm-ref") })
		if len(markers) == 0 {
			t.Fatalf("%s: no citation marker", k.Name)
		}
		for _, m := range markers {
			href, _ := getAttr(m, "href")
			target, _ := getAttr(m, "target")
			to, fragment, _ := strings.Cut(href, "#")
			if to != sourcesPage || target != "_blank" {
				t.Errorf("%s: marker %q leads to %s (target %q), want an entry of %s in a new tab", k.Name, text(m), href, target, sourcesPage)
			}
			n, _ := strconv.Atoi(text(m))
			entry := byID(page, fragment)
			if entry == nil || n < 1 || n > len(entries) || entries[n-1] != entry {
				t.Errorf("%s: marker %q leads to %s, not to entry number %s", k.Name, text(m), fragment, text(m))
				continue
			}
			mid, _ := getAttr(m, "id")
			back := find(entry, func(n *html.Node) bool {
				h, _ := getAttr(n, "href")
				return hasClass(n, "wm-back") && h == Path(k.Name, c)+"#"+mid
			})
			if len(back) != 1 {
				t.Errorf("%s: entry %s has %d links back to marker %s, want 1", k.Name, fragment, len(back), mid)
			}
		}
		for _, b := range find(page, func(n *html.Node) bool { return hasClass(n, "wm-back") }) {
			h, _ := getAttr(b, "href")
			_, id, _ := strings.Cut(h, "#")
			if byID(widget, id) == nil {
				t.Errorf("%s: a link back leads to %s, which is not in the widget", k.Name, h)
			}
		}
	}
}

// In the app, a claim has one marker that opens its sources under the
// text: a button that says whether it is open, which box it controls, and
// the numbers it opens, the box listing those very entries and the way
// to the full list.
func TestMarkersOpenTheirSourcesInPlaceInTheApp(t *testing.T) {
	c := fixture(t)
	for i := range Kinds {
		k := &Kinds[i]
		widget := parsed(t, k.New(c, true))
		page := parsed(t, &SourcesPage{Kind: k, Content: c})
		entries := find(page, func(n *html.Node) bool {
			return n.Data == "li" && n.Parent != nil && hasClass(n.Parent, "wm-source-list")
		})
		markers := find(widget, func(n *html.Node) bool { return hasClass(n, "wm-ref") })
		if len(markers) == 0 {
			t.Fatalf("%s: no citation marker in the app", k.Name)
		}
		for _, m := range markers {
			if m.Data != "button" || !hasAttrValue(m, "aria-expanded", "false") {
				t.Errorf("%s: marker %q is a <%s> (aria-expanded %v), want a closed disclosure button", k.Name, text(m), m.Data, ariaTrue(m, "aria-expanded"))
				continue
			}
			boxID, _ := getAttr(m, "aria-controls")
			box := byID(widget, boxID)
			if box == nil {
				t.Errorf("%s: marker %q controls %q, which is not in the page", k.Name, text(m), boxID)
				continue
			}
			if _, hidden := getAttr(box, "hidden"); !hidden {
				t.Errorf("%s: the sources of marker %q show before the reader asked", k.Name, text(m))
			}
			label, _ := getAttr(m, "aria-label")
			var nums []string
			for _, e := range find(box, func(n *html.Node) bool { return hasClass(n, "wm-cite-n") }) {
				nums = append(nums, strings.TrimSuffix(text(e), "."))
			}
			if got := strings.Join(nums, ", "); got != text(m) || !strings.HasSuffix(label, got) {
				t.Errorf("%s: marker %q (%q) opens sources %q", k.Name, text(m), label, got)
			}
			for _, n := range nums {
				i, _ := strconv.Atoi(n)
				where := find(entries[i-1], func(n *html.Node) bool { return hasClass(n, "wm-cite-where") })
				if len(where) == 0 || !strings.Contains(text(box), text(where[0])) {
					t.Errorf("%s: marker %q does not show where source %s is", k.Name, text(m), n)
				}
			}
			all := find(box, func(n *html.Node) bool { return hasClass(n, "wm-cite-all") })
			if len(all) != 1 || !hasAttrValue(all[0], "href", Path(k.Name, c)+"sources/") || !hasAttrValue(all[0], "target", "_blank") {
				t.Errorf("%s: marker %q gives no way to the full list in a new tab", k.Name, text(m))
			}
		}
		// Paper has no second tab: the app prints every entry after the
		// widget, and hides them on screen.
		notes := find(widget, func(n *html.Node) bool {
			return n.Data == "li" && n.Parent != nil && hasClass(n.Parent, "wm-source-list")
		})
		if len(notes) != len(entries) {
			t.Errorf("%s: the app's endnotes hold %d entries, the sources page %d", k.Name, len(notes), len(entries))
		}
	}
}

// A link back to a marker opens the stage or list that holds it, and in
// the app finds the claim's one marker.
func TestBackLinksOpenThePartHoldingTheMarker(t *testing.T) {
	c := fixture(t)
	j := &Journey{Content: c, Interactive: true}
	m := markerID("tags", j.sources().num["fn-1"])
	j.Open(m)
	if j.Stage() != "after" {
		t.Errorf("journey: back to a marker of the tags technology opens stage %s, want after", j.Stage())
	}
	doc := view(t, j)
	if el := j.sources().markerElement(m); byID(doc, el) == nil || !hasClass(byID(doc, el), "wm-ref") {
		t.Errorf("journey: back to %s finds element %q, not the claim's marker", m, el)
	}
	k := &Checklist{Content: c, Interactive: true}
	k.Open(markerID("org-consent", k.sources().num["fn-1"]))
	if k.List().ID != "organizations" {
		t.Errorf("checklist: back to a marker of org-consent opens list %s, want organizations", k.List().ID)
	}
	if el := k.sources().markerElement("ref-nothing-1"); el != "" {
		t.Errorf("a link back to a marker that does not exist finds %q", el)
	}
}

// The sources page numbers as the widget does, whatever the mode the
// widget is in.
func TestSourcesPageNumbersAsTheWidget(t *testing.T) {
	c := fixture(t)
	for i := range Kinds {
		k := &Kinds[i]
		pre := k.New(c, false).(cites).sources().order
		app := k.New(c, true).(cites).sources().order
		if !slices.Equal(pre, app) {
			t.Errorf("%s: the app numbers its sources %v, the prerendered page %v", k.Name, app, pre)
		}
	}
}
