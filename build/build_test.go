package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	xhtml "golang.org/x/net/html"

	"waymark/data"
	"waymark/precompress"
	"waymark/widgets"
)

const testOrigin = "http://127.0.0.1:8080"

var (
	builtOnce sync.Once
	builtDir  string
	builtRes  *Result
	builtErr  error
)

// built runs the real build once for every test that inspects dist/, at
// the fast compression level (TestTheSiteShipsTheBestCompression checks
// the shipped one), with the ECharts make test installs, or a stand-in
// when a plain go test runs without it: only a browser runs ECharts.
func built(t testing.TB) (string, *Result) {
	t.Helper()
	builtOnce.Do(func() {
		builtDir, builtErr = os.MkdirTemp("", "waymark-dist")
		if builtErr != nil {
			return
		}
		builtRes, builtErr = Build(Options{Out: builtDir, Origin: testOrigin, ECharts: testECharts(), Compression: precompress.Fast})
	})
	if builtErr != nil {
		t.Fatalf("build failed: %v", builtErr)
	}
	return builtDir, builtRes
}

func testECharts() string {
	if p := os.Getenv("WAYMARK_ECHARTS"); p != "" {
		return p
	}
	return "testdata/echarts"
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

func readDist(t testing.TB, dir, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/"))))
	if err != nil {
		t.Fatalf("dist has no %s: %v", p, err)
	}
	return b
}

func parseHTML(t testing.TB, b []byte) *xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attrOf(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

func TestEveryPageIsBuiltWithItsContent(t *testing.T) {
	dir, res := built(t)
	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range widgets.Pages(contents) {
		page := readDist(t, dir, pageFile(p.Path))
		doc := parseHTML(t, page)
		var htmlEl, h1 *xhtml.Node
		var desc string
		walk(doc, func(n *xhtml.Node) {
			switch {
			case n.Type != xhtml.ElementNode:
			case n.Data == "html":
				htmlEl = n
			case n.Data == "h1":
				h1 = n
			case n.Data == "meta":
				if name, _ := attrOf(n, "name"); name == "description" {
					desc, _ = attrOf(n, "content")
				}
			}
		})
		if lang, _ := attrOf(htmlEl, "lang"); lang != p.Lang {
			t.Errorf("%s: <html lang=%q>, want %q", p.Path, lang, p.Lang)
		}
		if d, _ := attrOf(htmlEl, "dir"); d != p.Dir {
			t.Errorf("%s: <html dir=%q>, want %q", p.Path, d, p.Dir)
		}
		if desc != p.Description {
			t.Errorf("%s: meta description %q, want %q", p.Path, desc, p.Description)
		}
		// go-app's server renderer writes the value "true" as a bare
		// attribute, which ARIA reads as no value: a prerendered ARIA state
		// would be announced wrong.
		walk(doc, func(n *xhtml.Node) {
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "aria-") && a.Val == "" {
					t.Errorf("%s: <%s %s> has no value", p.Path, n.Data, a.Key)
				}
			}
		})
		if !p.Widget() {
			continue
		}
		c := contents[p.Lang]
		if h1 == nil || textOf(h1) != p.Kind.Title(c) {
			t.Errorf("%s: the page's heading is not the widget's title %q", p.Path, p.Kind.Title(c))
		}
		// The page holds every word the component prerenders: the build
		// loses nothing between the component and the file. Spaces are
		// left out of the comparison because minifying collapses them.
		component := parseHTML(t, []byte(app.HTMLString(p.Kind.New(c, false))))
		if got, want := noSpace(textOf(mainOf(doc))), noSpace(textOf(mainOf(component))); got != want || len(want) < 200 {
			t.Errorf("%s: the built page's text (%d characters) is not the component's (%d)", p.Path, len(got), len(want))
		}
	}
	if len(res.Pages) != len(widgets.Pages(contents)) {
		t.Errorf("build.json lists %d pages, want %d", len(res.Pages), len(widgets.Pages(contents)))
	}
}

func mainOf(doc *xhtml.Node) *xhtml.Node {
	var m *xhtml.Node
	walk(doc, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "main" && m == nil {
			m = n
		}
	})
	if m == nil {
		return &xhtml.Node{}
	}
	return m
}

func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// The build the site ships (make build, make run) compresses at the best
// levels; the tests' builds use fast ones.
func TestTheSiteShipsTheBestCompression(t *testing.T) {
	var shipped Options // the command sets no level
	body := []byte(readWeb("waymark.css"))
	s := site{"/web/waymark.css": body}
	if err := s.precompress(shipped.Compression); err != nil {
		t.Fatal(err)
	}
	best, err := precompress.Brotli(body, precompress.Best)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := precompress.Brotli(body, precompress.Fast)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(s["/web/waymark.css.br"], best) {
		t.Errorf("the shipped build's brotli is %d B, not the best level's %d B", len(s["/web/waymark.css.br"]), len(best))
	}
	if len(best) >= len(fast) {
		t.Errorf("best brotli %d B is no smaller than fast %d B; the levels do not differ", len(best), len(fast))
	}
}

// loads lists every address a page makes the browser fetch on its own:
// scripts, stylesheets, icons, manifest, images, frames.
func loads(doc *xhtml.Node) []string {
	var out []string
	walk(doc, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		switch n.Data {
		case "script", "img", "iframe", "source", "audio", "video", "embed":
			if v, ok := attrOf(n, "src"); ok {
				out = append(out, v)
			}
		case "link":
			// A canonical address and an oEmbed discovery link name the
			// page for others; the browser fetches neither.
			if rel, _ := attrOf(n, "rel"); rel == "canonical" || rel == "alternate" {
				return
			}
			if v, ok := attrOf(n, "href"); ok {
				out = append(out, v)
			}
		case "object":
			if v, ok := attrOf(n, "data"); ok {
				out = append(out, v)
			}
		}
	})
	return out
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)`)

func sameOrigin(t *testing.T, where, ref string, allowed ...string) {
	t.Helper()
	u, err := url.Parse(ref)
	if err != nil {
		t.Errorf("%s: unparsable address %q", where, ref)
		return
	}
	if u.Scheme == "data" {
		return
	}
	if u.Host == "" && u.Scheme == "" && !strings.HasPrefix(ref, "//") {
		return
	}
	origin := u.Scheme + "://" + u.Host
	for _, a := range allowed {
		if origin == a {
			return
		}
	}
	t.Errorf("%s loads %s from another host", where, ref)
}

func TestNoPageLoadsAnythingFromAnotherHost(t *testing.T) {
	dir, _ := built(t)
	err := filepath.Walk(dir, func(file string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel := "/" + filepath.ToSlash(strings.TrimPrefix(file, dir+string(filepath.Separator)))
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		switch filepath.Ext(file) {
		case ".html":
			allowed := []string{}
			if strings.HasPrefix(rel, "/demo/") {
				allowed = append(allowed, testOrigin) // the demo embeds the widget origin
			}
			refs := loads(parseHTML(t, b))
			if len(refs) == 0 {
				t.Errorf("%s: found no loads at all; the check would prove nothing", rel)
			}
			for _, ref := range refs {
				sameOrigin(t, rel, ref, allowed...)
			}
		case ".css":
			for _, m := range cssURL.FindAllStringSubmatch(string(b), -1) {
				sameOrigin(t, rel, m[1]+m[2])
			}
		case ".webmanifest":
			var man struct {
				Icons []struct{ Src string } `json:"icons"`
			}
			if err := json.Unmarshal(b, &man); err != nil {
				t.Errorf("%s: %v", rel, err)
			}
			for _, ic := range man.Icons {
				sameOrigin(t, rel, ic.Src)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The service worker fetches its whole list on install.
	worker := string(readDist(t, dir, "/app-worker.js"))
	m := regexp.MustCompile(`precache\s*=\s*(\[[^\]]*\])`).FindStringSubmatch(worker)
	if m == nil {
		t.Fatal("app-worker.js: no precache list")
	}
	var cached []string
	if err := json.Unmarshal([]byte(m[1]), &cached); err != nil {
		t.Fatalf("app-worker.js precache: %v", err)
	}
	if len(cached) < 5 {
		t.Errorf("app-worker.js precaches only %q", cached)
	}
	for _, c := range cached {
		sameOrigin(t, "app-worker.js", c)
	}
}

func TestAssetsAreFingerprintedAndVersioned(t *testing.T) {
	dir, res := built(t)
	// app.js names the wasm: were its own address fixed, a cache could
	// pair a new page with an old app, which would put old text back.
	for _, name := range append([]string{"height.js", "icon.svg", "app.wasm", "app.js", "wasm_exec.js", "start.js"}, styleNames()...) {
		p := res.Assets[name]
		if !fingerprintedName.MatchString(p) {
			t.Errorf("%s is served as %q, which has no content hash", name, p)
		}
		readDist(t, dir, p)
	}
	for _, fixed := range []string{"/app.js", "/wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(dir, fixed)); err == nil {
			t.Errorf("dist still has %s under a fixed name", fixed)
		}
	}
	appJS := string(readDist(t, dir, res.Assets["app.js"]))
	if !strings.Contains(appJS, res.Assets["app.wasm"]) {
		t.Errorf("app.js does not load the fingerprinted wasm %s", res.Assets["app.wasm"])
	}
	if !strings.Contains(appJS, res.Version) {
		t.Errorf("app.js does not carry version %s", res.Version)
	}
	if worker := string(readDist(t, dir, "/app-worker.js")); !strings.Contains(worker, res.Version) {
		t.Errorf("app-worker.js does not name its cache after version %s", res.Version)
	}
	page := string(readDist(t, dir, "/w/journey/en/index.html"))
	for _, name := range []string{"waymark-journey.css", "height.js", "start.js"} {
		if !strings.Contains(page, res.Assets[name]) {
			t.Errorf("journey page does not link %s as %s", name, res.Assets[name])
		}
	}
	starter := string(readDist(t, dir, res.Assets["start.js"]))
	for _, name := range []string{"wasm_exec.js", "app.js"} {
		if !strings.Contains(starter, res.Assets[name]) {
			t.Errorf("start.js does not start %s as %s", name, res.Assets[name])
		}
	}
}

// The page's own load waits for nothing of the app: go-app's scripts,
// which register the service worker and fetch the wasm, are started by
// start.js once the page has loaded, so no page names them itself.
func TestPagesLeaveTheAppToTheStarter(t *testing.T) {
	dir, res := built(t)
	for _, p := range res.Pages {
		page := string(readDist(t, dir, pageFile(p)))
		for _, name := range []string{"app.js", "wasm_exec.js"} {
			if strings.Contains(page, res.Assets[name]) || strings.Contains(page, `src="/`+name+`"`) {
				t.Errorf("%s loads %s itself, which puts the app back on its critical path", p, name)
			}
		}
		if !strings.Contains(page, `src="`+res.Assets["start.js"]+`"`) {
			t.Errorf("%s does not load start.js (%s): the app would never start", p, res.Assets["start.js"])
		}
	}
}

func TestEveryTextAssetIsPrecompressed(t *testing.T) {
	dir, res := built(t)
	files := []string{"/w/journey/en/index.html", res.Assets["app.js"], res.Assets["wasm_exec.js"], "/embed.js", "/app-worker.js", "/404.html", res.Assets["app.wasm"], res.Assets["waymark.css"]}
	for _, p := range files {
		raw := readDist(t, dir, p)
		br, err := io.ReadAll(brotli.NewReader(bytes.NewReader(readDist(t, dir, p+".br"))))
		if err != nil || !bytes.Equal(br, raw) {
			t.Errorf("%s.br does not decompress to %s (err %v)", p, p, err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(readDist(t, dir, p+".gz")))
		if err != nil {
			t.Fatalf("%s.gz: %v", p, err)
		}
		gz, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(gz, raw) {
			t.Errorf("%s.gz does not decompress to %s (err %v)", p, p, err)
		}
	}
}

func TestSchemasAndDemoAreShipped(t *testing.T) {
	dir, _ := built(t)
	for name := range data.Schemas() {
		p := "/schema/" + strings.TrimSuffix(name, ".json") + ".schema.json"
		var s map[string]any
		if err := json.Unmarshal(readDist(t, dir, p), &s); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	demo := parseHTML(t, readDist(t, dir, "/demo/index.html"))
	var loader bool
	embedded := map[string]bool{}
	walk(demo, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if src, _ := attrOf(n, "src"); n.Data == "script" && src == testOrigin+"/embed.js" {
			loader = true
		}
		if w := embeddedKind(n); w != "" {
			if title, _ := attrOf(n, "title"); title == "" {
				t.Errorf("demo embed of %s has no iframe title", w)
			}
			embedded[w] = true
		}
	})
	if !loader {
		t.Error("demo page: no loader script from the widget origin")
	}
	text := textOf(demo)
	for _, k := range widgets.Kinds {
		alone := parseHTML(t, readDist(t, dir, "/demo/"+k.Name+".html"))
		var kinds []string
		walk(alone, func(n *xhtml.Node) {
			if w := embeddedKind(n); w != "" {
				kinds = append(kinds, w)
			}
		})
		if len(kinds) != 1 || kinds[0] != k.Name {
			t.Errorf("/demo/%s.html embeds %v, want the %s widget alone", k.Name, kinds, k.Name)
		}
		if !embedded[k.Name] {
			t.Errorf("demo page: the %s widget is not embedded", k.Name)
		}
		if !strings.Contains(text, k.DemoLead) {
			t.Errorf("demo page: no lead sentence before the %s widget", k.Name)
		}
	}
}

// embeddedKind is the kind of widget an iframe of the demo shows, "" if
// the node is no such iframe.
func embeddedKind(n *xhtml.Node) string {
	src, _ := attrOf(n, "src")
	rest, ok := strings.CutPrefix(src, testOrigin+"/w/")
	if n.Type != xhtml.ElementNode || n.Data != "iframe" || !ok {
		return ""
	}
	kind, _, _ := strings.Cut(rest, "/")
	return kind
}

// go-echarts writes pages that load ECharts from its own asset host, and
// chart libraries are usually taken from a CDN; none of those hosts may
// appear anywhere in dist/, ECharts itself included.
func TestNoCDNHostAnywhere(t *testing.T) {
	dir, res := built(t)
	if res.Assets["echarts.js"] == "" {
		t.Fatal("no ECharts in dist/: the check would prove nothing")
	}
	t.Logf("ECharts scanned: %s", testECharts())
	hosts := []string{"go-echarts.github.io", "cdn.jsdelivr.net", "fastly.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "cdn.bootcdn.net", "registry.npmmirror.com"}
	err := filepath.Walk(dir, func(file string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || strings.HasSuffix(file, ".br") || strings.HasSuffix(file, ".gz") || strings.HasSuffix(file, ".wasm") {
			return err
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		for _, h := range hosts {
			if strings.Contains(string(b), h) {
				t.Errorf("%s names the CDN host %s", strings.TrimPrefix(file, dir), h)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestManifestTextIsPlain(t *testing.T) {
	dir, _ := built(t)
	b := readDist(t, dir, "/manifest.webmanifest")
	var man map[string]any
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	texts := 0
	for k, v := range man {
		if s, ok := v.(string); ok {
			texts++
			if strings.Contains(s, "&#") || strings.Contains(s, "&amp;") || strings.Contains(s, "&quot;") {
				t.Errorf("manifest %s shows HTML escapes to a reader: %q", k, s)
			}
		}
	}
	if desc, _ := man["description"].(string); !strings.ContainsAny(desc, "'&") {
		// The check above proves something only if the text has what
		// go-app escapes.
		t.Errorf("manifest description %q has no apostrophe or ampersand to check", desc)
	}
}

// TestLatinNamesInArabicPagesAreEnglishAndHugTheirPunctuation: in the
// prerendered Arabic journey a system's name is an English island
// (<bdi lang="en" dir="ltr">) with the Arabic comma right after it, as
// the app draws it, not a space away.
func TestLatinNamesInArabicPagesAreEnglishAndHugTheirPunctuation(t *testing.T) {
	dir, _ := built(t)
	b, err := os.ReadFile(filepath.Join(dir, "w", "journey", "ar", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	// Attributes come in no fixed order, quoted or not.
	isolated := regexp.MustCompile(`<bdi (lang="?en"? dir="?ltr"?|dir="?ltr"? lang="?en"?)>EURODAC</bdi>،`)
	if !isolated.MatchString(page) {
		i := strings.Index(page, "EURODAC")
		t.Errorf("the Arabic journey does not isolate EURODAC against its comma; it has %q", page[max(0, i-80):min(len(page), i+80)])
	}
	if n := strings.Count(page, "</bdi> ،"); n != 0 {
		t.Errorf("%d Latin names stand a space before the Arabic comma that follows them", n)
	}
}
