package widgets

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Every citation marker leads to an entry of the sources panel, numbered
// as the marker says, and every entry leads back to each marker citing it.
func TestCitationMarkersAndSourcesPanelLinkBothWays(t *testing.T) {
	c := fixture(t)
	for _, interactive := range []bool{false, true} {
		pages := map[string]*html.Node{
			"journey":   view(t, &Journey{Content: c, Interactive: interactive}),
			"checklist": viewChecklist(t, &Checklist{Content: c, Interactive: interactive}),
			"glossary":  viewGlossary(t, &Glossary{Content: c, Interactive: interactive}),
		}
		for name, doc := range pages {
			where := name
			if interactive {
				where += " (app)"
			}
			id := func(fragment string) string {
				if interactive {
					return "wm-a-" + fragment
				}
				return fragment
			}
			panel := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-sources") })
			if len(panel) != 1 {
				t.Fatalf("%s: %d sources panels, want 1", where, len(panel))
			}
			entries := find(panel[0], func(n *html.Node) bool { return n.Data == "li" })
			if len(entries) == 0 {
				t.Fatalf("%s: the sources panel is empty", where)
			}
			markers := find(doc, func(n *html.Node) bool {
				return n.Data == "a" && n.Parent != nil && hasClass(n.Parent, "wm-refs")
			})
			for _, m := range markers {
				href, _ := getAttr(m, "href")
				entry := byID(doc, id(strings.TrimPrefix(href, "#")))
				if entry == nil {
					t.Errorf("%s: marker %q leads to %s, which is not in the page", where, text(m), href)
					continue
				}
				n, _ := strconv.Atoi(text(m))
				if n < 1 || n > len(entries) || entries[n-1] != entry {
					t.Errorf("%s: marker %q leads to entry %s, not to entry number %s", where, text(m), href, text(m))
				}
				mid, _ := getAttr(m, "id")
				back := find(entry, func(n *html.Node) bool {
					h, _ := getAttr(n, "href")
					return n.Data == "a" && hasClass(n, "wm-back") && id(strings.TrimPrefix(h, "#")) == mid
				})
				if len(back) != 1 {
					t.Errorf("%s: entry %s has %d links back to marker %s, want 1", where, href, len(back), mid)
				}
			}
			for _, e := range entries {
				for _, b := range find(e, func(n *html.Node) bool { return hasClass(n, "wm-back") }) {
					h, _ := getAttr(b, "href")
					if byID(doc, id(strings.TrimPrefix(h, "#"))) == nil {
						t.Errorf("%s: a link back leads to %s, which is not in the page", where, h)
					}
				}
			}
		}
	}
}

// A link back to a marker opens the stage or list that holds it.
func TestBackLinksOpenThePartHoldingTheMarker(t *testing.T) {
	c := fixture(t)
	j := &Journey{Content: c, Interactive: true}
	j.Open(markerID("tags", j.sources().num["fn-1"]))
	if j.Stage() != "after" {
		t.Errorf("journey: back to a marker of the tags technology opens stage %s, want after", j.Stage())
	}
	k := &Checklist{Content: c, Interactive: true}
	k.Open(markerID("org-consent", k.sources().num["fn-1"]))
	if k.List().ID != "organizations" {
		t.Errorf("checklist: back to a marker of org-consent opens list %s, want organizations", k.List().ID)
	}
}
