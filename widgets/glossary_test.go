package widgets

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func viewGlossary(t *testing.T, g *Glossary) *html.Node {
	t.Helper()
	fresh := &Glossary{Content: g.Content, Interactive: g.Interactive, query: g.query, target: g.target}
	doc, err := html.Parse(strings.NewReader(app.HTMLString(fresh)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func shownEntries(doc *html.Node) []string {
	var ids []string
	for _, n := range find(doc, func(n *html.Node) bool { return hasClass(n, "wm-entry") }) {
		if _, hidden := getAttr(n, "hidden"); !hidden {
			id, _ := getAttr(n, "id")
			ids = append(ids, strings.TrimPrefix(strings.TrimPrefix(id, "wm-a-"), "term-"))
		}
	}
	return ids
}

func TestGlossaryFilterIgnoresCaseAndAccents(t *testing.T) {
	g := &Glossary{Content: fixture(t), Interactive: true}
	e := app.NewTestEngine()
	if err := e.Load(g); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	tests := []struct{ q, want, status string }{
		{"", "database,tower,fingerprint,tag", ""}, // by the alphabet, not the file
		{"ECROU", "tower", "1 of 4 terms"},
		{"écrou", "tower", "1 of 4 terms"},
		{"  Finger", "fingerprint", "1 of 4 terms"},
		{"databases", "database", "1 of 4 terms"}, // a form, not the heading
		{"zzz", "", "0 of 4 terms"},
	}
	for _, tt := range tests {
		g.Filter(tt.q)
		if got := strings.Join(g.Shown(), ","); got != tt.want {
			t.Errorf("filter %q shows %q, want %q", tt.q, got, tt.want)
		}
		doc := viewGlossary(t, g)
		if got := strings.Join(shownEntries(doc), ","); got != tt.want {
			t.Errorf("filter %q renders %q, want %q", tt.q, got, tt.want)
		}
		status := find(doc, func(n *html.Node) bool { r, _ := getAttr(n, "role"); return r == "status" })
		if len(status) != 1 || text(status[0]) != tt.status {
			t.Errorf("filter %q: status %v, want %q", tt.q, status, tt.status)
		}
		notice := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-notice") })
		if (tt.want == "") != (len(notice) == 1) {
			t.Errorf("filter %q: %d no-match notices", tt.q, len(notice))
		}
	}
}

func TestPrerenderedGlossaryLinksEveryTerm(t *testing.T) {
	c := fixture(t)
	doc := viewGlossary(t, &Glossary{Content: c})
	if got := strings.Join(shownEntries(doc), ","); got != "database,tower,fingerprint,tag" {
		t.Errorf("prerendered glossary shows %q, want every term in alphabetical order (Écrou under E)", got)
	}
	if len(find(doc, func(n *html.Node) bool { return n.Data == "input" })) != 0 {
		t.Error("the prerendered glossary has a filter box that cannot work without script")
	}
	// Letter index: D, E, F, T (Écrou files under E), each to its first term.
	var letters []string
	for _, a := range find(doc, func(n *html.Node) bool {
		return n.Data == "a" && n.Parent != nil && n.Parent.Parent != nil && hasClass(n.Parent.Parent.Parent, "wm-letters")
	}) {
		h, _ := getAttr(a, "href")
		letters = append(letters, text(a)+h)
	}
	if got := strings.Join(letters, " "); got != "D#term-database E#term-tower F#term-fingerprint T#term-tag" {
		t.Errorf("letter index %q", got)
	}
	// Related terms are links to entries in the page.
	for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "a" && n.Parent != nil && hasClass(n.Parent, "wm-related") }) {
		h, _ := getAttr(a, "href")
		if byID(doc, strings.TrimPrefix(h, "#")) == nil {
			t.Errorf("related term %q links to %s, which is not in the page", text(a), h)
		}
	}
	if byID(doc, "term-fingerprint") == nil {
		t.Error("no stable #term-fingerprint entry")
	}
}
