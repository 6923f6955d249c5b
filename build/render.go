package build

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	xhtml "golang.org/x/net/html"

	"waymark/widgets"
)

// renderer prerenders one page through go-app's own Handler, so the HTML is
// exactly what go-app would serve, then tidies and minifies it.
type renderer struct {
	page    widgets.Page
	version string
	assets  map[string]string
}

// fingerprinted maps go-app's fixed wasm address to the fingerprinted one.
type fingerprinted struct{ wasm string }

func (f fingerprinted) Resolve(location string) string {
	if location == "/web/app.wasm" {
		return f.wasm
	}
	return location
}

func (r renderer) handler() *app.Handler {
	dir := r.page.Dir
	return &app.Handler{
		Name:      "Waymark",
		ShortName: "Waymark",
		// go-app writes these into attributes (meta content) with Go
		// quoting; see widgets.EscapeAttr. tidy undoes it in <title>.
		Title:           widgets.EscapeAttr(r.page.Title),
		Description:     widgets.EscapeAttr(r.page.Description),
		Lang:            r.page.Lang,
		Author:          "Waymark",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1d3557",
		LoadingLabel:    " ",
		// Every icon go-app would otherwise take from its own GitHub
		// repository is served from the widget's origin.
		Icon: app.Icon{
			Default:  r.assets["icon.svg"],
			Large:    r.assets["icon.svg"],
			SVG:      r.assets["icon.svg"],
			Maskable: r.assets["icon.svg"],
		},
		Styles:    []string{r.assets["waymark.css"]},
		Scripts:   []string{r.assets["height.js"] + " defer"},
		Resources: fingerprinted{wasm: r.assets["app.wasm"]},
		Version:   r.version,
		HTML:      func() app.HTMLHtml { return app.Html().Dir(dir) },
	}
}

// fetch asks go-app's handler for one address.
func (r renderer) fetch(p string) ([]byte, error) {
	// go-app's router is global; registering the page right before asking
	// for it makes sure this page's content is what renders.
	app.Route(r.page.Path, r.page.New)
	rec := httptest.NewRecorder()
	r.handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("prerendering %s: go-app answered %d", p, rec.Code)
	}
	b := rec.Body.Bytes()
	if FormatOf(p).Type == "text/html" {
		var err error
		if b, err = tidy(b); err != nil {
			return nil, fmt.Errorf("prerendering %s: %w", p, err)
		}
	}
	min, err := minifyAs(p, b)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", p, err)
	}
	return min, nil
}

func (r renderer) render() ([]byte, error) {
	return r.fetch(r.page.Path)
}

// tidy repairs what go-app writes into every page: it removes the Open
// Graph and Twitter address tags that go-app builds as "https://" + Domain
// (a widget in an iframe has no canonical domain, and an empty one yields
// "https:///"), and it decodes the <title> text, which go-app fills from the
// same attribute-escaped title as og:title. It parses and re-serialises the
// page, which also normalises go-app's attribute quoting. It also drops the
// link to go-app's app.css (see below).
func tidy(page []byte) ([]byte, error) {
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	var drop []*xhtml.Node
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "title" && n.FirstChild != nil && n.FirstChild.Type == xhtml.TextNode {
			n.FirstChild.Data = xhtml.UnescapeString(n.FirstChild.Data)
		}
		// go-app's own stylesheet only styles its loader, which waymark.css
		// hides; linking it would cost a render-blocking request.
		if n.Type == xhtml.ElementNode && n.Data == "link" {
			if href, _ := attrValue(n, "href"); href == "/app.css" {
				drop = append(drop, n)
			}
		}
		if n.Type == xhtml.ElementNode && n.Data == "meta" {
			for _, a := range n.Attr {
				if (a.Key == "property" && (a.Val == "og:url" || a.Val == "og:image")) ||
					(a.Key == "name" && a.Val == "twitter:image") {
					drop = append(drop, n)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	var b bytes.Buffer
	if err := xhtml.Render(&b, doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func attrValue(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/manifest+json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}()

// minifyAs minifies b as the format of the file name.
func minifyAs(name string, b []byte) ([]byte, error) {
	return minifier.Bytes(FormatOf(name).Type, b)
}

// compileWasm builds ./app for the browser. Symbols and DWARF are stripped:
// readers download every byte, and no one debugs from a reader's browser.
func compileWasm() ([]byte, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "waymark-wasm")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./app")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compiling ./app for wasm: %v\n%s", err, stderr.String())
	}
	return os.ReadFile(out)
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module root: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("finding the module root: not inside the waymark module")
	}
	return filepath.Dir(gomod), nil
}
