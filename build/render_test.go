package build

import (
	"os"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"waymark/data"
	"waymark/widgets"
)

const hostile = `Say "hi" & <b>bold</b> it's <script>alert(1)</script>`

// fixturePage prerenders the journey (or its sources page) from the
// fixture content, whose texts hold quotes and angle brackets, with a
// hostile string in the places that end up in attributes.
func fixturePage(t *testing.T, sources bool) (*xhtml.Node, *data.Content) {
	t.Helper()
	contents, err := data.Load(os.DirFS("../data/testdata/fixture"), "data")
	if err != nil {
		t.Fatal(err)
	}
	c := contents["en"]
	c.UI.StagesLabel = hostile
	c.UI.OpensElsewhere = hostile
	var page widgets.Page
	for _, p := range widgets.Pages(contents) {
		if p.Kind != nil && p.Kind.Name == widgets.JourneyName && p.Sources == sources && !p.Present {
			page = p
		}
	}
	page.Description = hostile
	r := renderer{
		page:    page,
		version: "test",
		assets:  map[string]string{"waymark.css": "/web/w.css", "height.js": "/web/h.js", "icon.svg": "/web/i.svg", "app.wasm": "/web/a.wasm"},
	}
	b, err := r.render()
	if err != nil {
		t.Fatal(err)
	}
	return parseHTML(t, b), c
}

func TestContentCannotBreakOutOfPrerenderedHTML(t *testing.T) {
	doc, c := fixturePage(t, false)
	// Citation addresses are on the sources page.
	sources, _ := fixturePage(t, true)

	var h1, nav *xhtml.Node
	for _, page := range []*xhtml.Node{doc, sources} {
		elements := map[string]int{}
		walk(page, func(n *xhtml.Node) {
			if n.Type != xhtml.ElementNode {
				return
			}
			elements[n.Data]++
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "hi" || a.Key == "it's" || strings.ContainsAny(a.Key, `"'<>&`) {
					t.Errorf("<%s> grew attribute %q=%q from content", n.Data, a.Key, a.Val)
				}
			}
			switch {
			case n.Data == "h1" && page == doc:
				h1 = n
			case n.Data == "nav" && page == doc:
				nav = n
			}
			if n.Data == "script" {
				if src, _ := attrOf(n, "src"); src == "" {
					t.Errorf("an inline <script> appeared: %q", textOf(n))
				}
			}
		})
		if elements["b"] != 0 || elements["i"] != 0 {
			t.Errorf("markup in content became elements: %d <b>, %d <i>", elements["b"], elements["i"])
		}
	}
	if h1 == nil || textOf(h1) != c.Journey.Title {
		t.Errorf("h1 text is not the title as written: got %q, want %q", textOf(h1), c.Journey.Title)
	}
	if nav == nil {
		t.Fatal("no stage navigation")
	}
	if label, _ := attrOf(nav, "aria-label"); label != hostile {
		t.Errorf("aria-label = %q, want the text as written: %q", label, hostile)
	}
	var desc, title string
	walk(doc, func(n *xhtml.Node) {
		if name, _ := attrOf(n, "name"); n.Data == "meta" && name == "description" {
			desc, _ = attrOf(n, "content")
		}
		if n.Data == "title" {
			title = textOf(n)
		}
	})
	if desc != hostile {
		t.Errorf("meta description = %q, want %q", desc, hostile)
	}
	if title != c.Journey.Title {
		t.Errorf("<title> = %q, want %q", title, c.Journey.Title)
	}

	var hrefs []string
	walk(sources, func(n *xhtml.Node) {
		if n.Data == "a" {
			if href, ok := attrOf(n, "href"); ok {
				hrefs = append(hrefs, href)
			}
		}
	})
	if !slices.Contains(hrefs, "https://example.org/one?a=1&b=2") {
		t.Errorf("citation address did not survive as written; links: %q", hrefs)
	}
	body := textOf(doc)
	for _, want := range []string{`Forecasting "tools" <b>x</b> it's`, `Intro <script>alert("x")</script> of the first stage.`, `Right to "privacy" <p>`} {
		if !strings.Contains(body, want) {
			t.Errorf("page text lacks %q as written", want)
		}
	}
}
