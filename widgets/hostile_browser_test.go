//go:build browser

package widgets_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"waymark/build"
	"waymark/data"
	"waymark/precompress"
	"waymark/widgets"
)

// hostileText breaks out of an attribute, a title, a textarea and a
// style, then tries an element, a script and a handler. Every element it
// would make carries data-wm-hostile, so any that reaches a page is
// found.
const hostileText = `"'></textarea></title></style><img src=x data-wm-hostile onerror=alert(1)><script data-wm-hostile>alert(2)</script><svg data-wm-hostile onload=alert(3)>&amp; `

// notText are the fields whose values are ids, references, addresses or
// one of a few words: the content check refuses anything else there.
var notText = map[string]bool{}

func init() {
	for _, k := range strings.Fields("id cite url licenceUrl lang dir use rights type stages technologies technology related document shareOrder answer figures stage") {
		notText[k] = true
	}
}

// withHostileText puts hostileText before every text of v (before, so a
// lead stays the start of its summary); n counts the texts.
func withHostileText(v any, key string, n *int) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = withHostileText(e, k, n)
		}
	case []any:
		for i, e := range x {
			x[i] = withHostileText(e, key, n)
		}
	case string:
		if !notText[key] {
			*n++
			return hostileText + x
		}
	}
	return v
}

// TestHostileContentStaysText builds the site with every text of the
// English content opening with markup, as a compromised or careless
// content edit would, and opens every English page, prerendered and in
// the app with every part, disclosure and marker's sources open: the
// markup shows as text, and not one element, script, handler or
// violation of the page's policy comes of it.
func TestHostileContentStaysText(t *testing.T) {
	s := served(t)
	t.Parallel()

	hostile := fstest.MapFS{}
	entries, err := os.ReadDir(filepath.Join("..", "data", "en"))
	if err != nil {
		t.Fatal(err)
	}
	texts := 0
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("..", "data", "en", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		out, err := json.MarshalIndent(withHostileText(v, "", &texts), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		hostile["en/"+e.Name()] = &fstest.MapFile{Data: out}
	}
	t.Logf("%d texts open with markup", texts)

	dist := t.TempDir()
	srv := httptest.NewUnstartedServer(nil)
	origin := "http://" + srv.Listener.Addr().String()
	if _, err := build.Build(build.Options{Out: dist, Origin: origin, ECharts: os.Getenv("WAYMARK_ECHARTS"),
		Compression: precompress.Fast, Data: hostile}); err != nil {
		t.Fatalf("building the site with hostile text: %v", err)
	}
	h, err := build.SiteHandler(dist)
	if err != nil {
		t.Fatal(err)
	}
	srv.Config = build.NewServer(h)
	srv.Start()
	t.Cleanup(srv.Close)

	const injected = `document.querySelectorAll("[data-wm-hostile]").length`
	const shown = `document.body.textContent.split('<img src=x data-wm-hostile').length - 1`
	const closed = `'button.wm-ref[aria-expanded="false"], .wm-intro-more[aria-expanded="false"]'`
	pages := 0
	for _, p := range widgets.Pages(s.contents) {
		if p.Lang != data.Base || p.Kind == nil {
			continue
		}
		pages++
		u := origin + p.Path

		// Prerendered, as a reader without the app gets it.
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := xhtml.Parse(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		var made []string
		var visit func(*xhtml.Node)
		visit = func(n *xhtml.Node) {
			if n.Type == xhtml.ElementNode {
				for _, a := range n.Attr {
					if a.Key == "data-wm-hostile" {
						made = append(made, n.Data)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
		visit(doc)
		if len(made) > 0 {
			t.Errorf("%s prerendered: the content's markup made elements %v", u, made)
		}

		// In the app, with everything open.
		tb, violations := openWatchingCSP(t, u)
		waitApp(tb)
		parts := max(1, eval[int](tb, `document.querySelectorAll(".wm-tab").length`))
		for i := 0; i < parts; i++ {
			eval[bool](tb, `(() => { const tab = document.querySelectorAll(".wm-tab")[`+strconv.Itoa(i)+`]; if (tab) tab.click(); return true; })()`)
			settle(tb)
			eval[bool](tb, `(() => {
				document.querySelectorAll("details").forEach(d => d.open = true);
				document.querySelectorAll(`+closed+`).forEach(b => b.click());
				return true;
			})()`)
			waitFor(tb, "every marker's sources to open", `!document.querySelector(`+closed+`)`)
			settle(tb)
			if n := eval[int](tb, injected); n > 0 {
				t.Errorf("%s, part %d in the app: the content's markup made %d elements", u, i+1, n)
			}
		}
		if n := eval[int](tb, shown); n == 0 {
			t.Errorf("%s: the app shows none of the content's markup as text; the check proves nothing", u)
		}
		for _, v := range violations() {
			t.Errorf("%s: %s", u, v)
		}
		noConsoleErrors(tb, u)
	}
	t.Logf("%d pages checked, prerendered and in the app", pages)
}
