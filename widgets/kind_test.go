package widgets

import (
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"waymark/data"
)

// Every kind has every part, and each part does what the build, the demo
// and the route table rely on: a kind that leaves one out fails here, by
// name, rather than rendering nothing somewhere.
func TestEveryKindIsComplete(t *testing.T) {
	c := fixture(t)
	seen := map[string]bool{}
	for _, k := range Kinds {
		v := reflect.ValueOf(k)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).IsZero() {
				t.Errorf("kind %q has no %s", k.Name, v.Type().Field(i).Name)
			}
		}
		if k.Name == "" || k.Title == nil || k.Description == nil || k.New == nil || k.CSS == nil {
			continue
		}
		if seen[k.Name] {
			t.Errorf("two kinds are named %q", k.Name)
		}
		seen[k.Name] = true
		if p := Path(k.Name, c); p != "/w/"+k.Name+"/"+c.UI.Lang+"/" {
			t.Errorf("kind %s lives at %s", k.Name, p)
		}
		if k.Title(c) == "" || k.Description(c) == "" {
			t.Errorf("kind %s: empty title or description for the fixture", k.Name)
		}
		for _, interactive := range []bool{false, true} {
			doc, err := html.Parse(strings.NewReader(app.HTMLString(k.New(c, interactive))))
			if err != nil {
				t.Fatal(err)
			}
			mains := find(doc, func(n *html.Node) bool { return n.Data == "main" })
			if len(mains) != 1 || !hasClass(mains[0], "wm-"+k.Name) || hasClass(mains[0], "wm-app") != interactive {
				t.Errorf("kind %s (interactive %v): want one main element of class wm-%s, wm-app only in the app", k.Name, interactive, k.Name)
				continue
			}
			if h1 := byID(doc, "wm-title"); h1 == nil || text(h1) != k.Title(c) {
				t.Errorf("kind %s (interactive %v): the heading is not the kind's title %q", k.Name, interactive, k.Title(c))
			}
			if len(find(doc, func(n *html.Node) bool { return hasClass(n, "wm-credit") })) != 1 {
				t.Errorf("kind %s (interactive %v): no credit line", k.Name, interactive)
			}
			if len(find(doc, func(n *html.Node) bool { r, _ := getAttr(n, "role"); return r == "status" })) != 1 {
				t.Errorf("kind %s (interactive %v): no live region", k.Name, interactive)
			}
		}
	}
}

// The route table holds every kind in every language, and the index.
func TestPagesCrossEveryKindWithEveryLanguage(t *testing.T) {
	c := fixture(t)
	pages := Pages(map[string]*data.Content{"en": c})
	if len(pages) != 2*len(Kinds)+len(Presentable)+3 {
		t.Fatalf("%d pages, want one per kind, one per kind's sources, the slides of each presentable kind, the checklist's comparison, the builder and the index", len(pages))
	}
	for i, k := range Kinds {
		p := pages[i]
		if p.Kind == nil || p.Sources || p.Kind.Name != k.Name || p.Path != Path(k.Name, c) || p.Title != k.Title(c) || p.Description != k.Description(c) || p.Dir != c.UI.Dir {
			t.Errorf("page %d is %+v, want kind %s in en", i, p, k.Name)
		}
		p = pages[len(Kinds)+i]
		if p.Kind == nil || !p.Sources || p.Kind.Name != k.Name || p.Path != Path(k.Name, c)+"sources/" || !strings.Contains(p.Title, k.Title(c)) {
			t.Errorf("page %d is %+v, want the sources of kind %s in en", len(Kinds)+i, p, k.Name)
		}
	}
	for i, name := range Presentable {
		if p := pages[2*len(Kinds)+i]; !p.Present || p.Widget() || p.Kind.Name != name || p.Path != PresentPath(name, c) {
			t.Errorf("page %d is %+v, want the slides of %s in en", 2*len(Kinds)+i, p, name)
		}
	}
	if n := 2*len(Kinds) + len(Presentable); !pages[n].Compare || pages[n].Widget() || pages[n].Path != ComparePath(c) {
		t.Errorf("page %d is %+v, want the checklist's comparison of groups in en", n, pages[n])
	}
	if last := pages[len(pages)-1]; last.Path != "/" || last.Kind != nil {
		t.Errorf("the last page is %s, want the index at /", last.Path)
	}
}
