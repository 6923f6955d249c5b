package build

import (
	"bytes"
	"cmp"
	stdjson "encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
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
	style   string   // the page's stylesheet, as served (see styleName)
	head    []string // more of <head>, as HTML (see embedHead)
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
		Styles: r.styles(),
		// options.js runs as the head is read, before the first paint, so an
		// embedded widget never flashes in the wrong scheme.
		Scripts:    []string{r.assets["options.js"], r.assets["height.js"] + " defer", r.assets["offline.js"] + " defer", r.assets["start.js"] + " defer"},
		Resources:  fingerprinted{wasm: r.assets["app.wasm"]},
		Version:    r.version,
		RawHeaders: r.head,
		HTML:       func() app.HTMLHtml { return app.Html().Dir(dir) },
	}
}

// styles is the page's stylesheet, if it has one: the renderer that only
// fetches go-app's scripts renders no page.
func (r renderer) styles() []string {
	if r.style == "" {
		return nil
	}
	return []string{r.style}
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
	if p == "/app.js" {
		var err error
		if b, err = plainWasmFetch(b, r.assets["app.wasm"]); err != nil {
			return nil, err
		}
	}
	min, err := minifyAs(p, b)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", p, err)
	}
	return min, nil
}

// plainWasmFetch hands the wasm response to instantiateStreaming as fetch
// returns it. go-app copies it through a stream of its own to count
// progress for a label Waymark never shows (its page is readable while the
// app loads): a main-thread task, and a label change the height reporter
// lays out for, on every chunk of a 9 MB download.
func plainWasmFetch(appJS []byte, wasm string) ([]byte, error) {
	progress := fmt.Sprintf("fetchWithProgress(%q, showProgress)", wasm)
	if n := bytes.Count(appJS, []byte(progress)); n != 1 {
		return nil, fmt.Errorf("go-app's app.js calls %s %d times, where Waymark expects it once to replace it with a plain fetch: go-app has changed how it loads the wasm", progress, n)
	}
	return bytes.Replace(appJS, []byte(progress), []byte(fmt.Sprintf("fetch(%q)", wasm)), 1), nil
}

func (r renderer) render() ([]byte, error) {
	return r.fetch(r.page.Path)
}

// tidy repairs what go-app writes into every page: it removes the Open
// Graph and Twitter address tags that go-app builds as "https://" + Domain
// (a widget in an iframe has no canonical domain, and an empty one yields
// "https:///"), and it decodes the <title> text, which go-app fills from the
// same attribute-escaped title as og:title. It parses and re-serialises the
// page, which also normalises go-app's attribute quoting, and writes each
// element's attributes in one order (see below). It also drops the link to
// go-app's app.css and its script tags (see below).
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
		// go-app's scripts start the app: web/start.js loads them once the
		// page has loaded and the browser is idle, so that the page's own
		// load never waits on them, nor on the wasm they fetch.
		if n.Type == xhtml.ElementNode && n.Data == "script" {
			if src, _ := attrValue(n, "src"); src == "/app.js" || src == "/wasm_exec.js" {
				drop = append(drop, n)
			}
		}
		// go-app's own address tags have no host (see above); the page's
		// real ones come from embedHead, with the origin.
		if content, _ := attrValue(n, "content"); n.Type == xhtml.ElementNode && n.Data == "meta" &&
			(content == "https://" || strings.HasPrefix(content, "https:///")) {
			drop = append(drop, n)
		}
		if n.Type == xhtml.ElementNode && n.Data == "bdi" {
			hugText(n)
		}
		// go-app writes attributes in map order, a new one at each build:
		// the same markup repeated (a citation marker, a card) then reads
		// differently each time, which brotli sends as new text, and two
		// builds of the same content were never the same bytes.
		if n.Type == xhtml.ElementNode {
			slices.SortStableFunc(n.Attr, func(a, b xhtml.Attribute) int {
				return cmp.Or(strings.Compare(a.Namespace, b.Namespace), strings.Compare(a.Key, b.Key))
			})
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

// hugText removes the line break and indentation go-app's server renderer
// puts before and after an element, around n: a <bdi> holds a Latin name
// inside an Arabic sentence (widgets.latinRuns), where the text around it
// carries its own spaces, and a break there shows as a space before the
// comma that follows the name. The browser app, which builds the page from
// the same components, has none.
func hugText(n *xhtml.Node) {
	p, x := n.PrevSibling, n.NextSibling
	if p == nil || p.Type != xhtml.TextNode {
		return
	}
	// The renderer starts each child on a new line, indented to its depth:
	// what follows the last line break before n is that indentation, and
	// the text after n starts with the same break and indentation before
	// its own first character, which may be a space the sentence needs.
	i := strings.LastIndexByte(p.Data, '\n')
	if i < 0 || strings.Trim(p.Data[i:], "\n ") != "" {
		return
	}
	brk := p.Data[i:]
	p.Data = p.Data[:i]
	if x != nil && x.Type == xhtml.TextNode {
		x.Data = strings.TrimPrefix(x.Data, brk)
	}
}

// plainManifest undoes the HTML escaping go-app applies to the names and
// description it writes into the web manifest, which is JSON: a reader
// installing a widget would see "&#39;" where the text has an apostrophe.
func plainManifest(b []byte) ([]byte, error) {
	var m map[string]any
	if err := stdjson.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("reading go-app's web manifest: %w", err)
	}
	for k, v := range m {
		if s, ok := v.(string); ok {
			m[k] = xhtml.UnescapeString(s)
		}
	}
	return stdjson.Marshal(m)
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
