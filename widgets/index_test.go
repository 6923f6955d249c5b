package widgets

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"waymark/data"
)

// The index a workshop's participants open first lists, for each
// language, in a section marked with that language and its direction,
// every widget, every set of slides and the facilitator's comparison of
// the groups' checklists.
func TestIndexListsEveryWidgetAndSlidesByLanguage(t *testing.T) {
	contents := data.Embedded()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(&Index{Contents: contents})))
	if err != nil {
		t.Fatal(err)
	}
	sections := find(doc, func(n *html.Node) bool { return n.Data == "section" })
	if len(sections) != len(contents) {
		t.Fatalf("%d sections for %d languages", len(sections), len(contents))
	}
	for _, sec := range sections {
		lang, _ := getAttr(sec, "lang")
		c := contents[lang]
		if c == nil {
			t.Fatalf("a section in %q, a language the site does not have", lang)
		}
		if dir, _ := getAttr(sec, "dir"); dir != c.UI.Dir {
			t.Errorf("%s: the section reads %q, want %q", lang, dir, c.UI.Dir)
		}
		var hrefs []string
		for _, a := range find(sec, func(n *html.Node) bool { return n.Data == "a" }) {
			h, _ := getAttr(a, "href")
			hrefs = append(hrefs, h)
		}
		var want []string
		for _, k := range Kinds {
			want = append(want, Path(k.Name, c))
		}
		for _, name := range Presentable {
			want = append(want, PresentPath(name, c))
		}
		want = append(want, ComparePath(c))
		if strings.Join(hrefs, " ") != strings.Join(want, " ") {
			t.Errorf("%s: the index links %v, want %v", lang, hrefs, want)
		}
	}
}
