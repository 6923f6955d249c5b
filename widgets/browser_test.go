//go:build browser

package widgets_test

// The real-browser harness: it builds the site once for this test binary
// (in-process, with fast compression), serves it the way make run does
// (widgets on one loopback origin, the demo page on another) and drives
// Debian's Chromium through the DevTools protocol. The suite every kind of
// widget passes is in kinds_browser_test.go; each widget's own checks are
// in <widget>_browser_test.go. make test installs Chromium, axe-core and
// ECharts, passes the browser build tag, and names axe-core's file in
// WAYMARK_AXE and ECharts' package folder in WAYMARK_ECHARTS.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"waymark/build"
	"waymark/chromium"
	"waymark/data"
	"waymark/precompress"
	"waymark/widgets"
)

// patience bounds every wait for something the page should do. It is a
// backstop, not a measure: on a busy machine a wait takes longer and the
// suite slows down, and only a page that never does it fails, saying what
// it waited for.
const patience = 3 * time.Minute

// site is the built and served site the browser checks run against.
type site struct {
	dist     string
	origin   string // widgets, e.g. http://127.0.0.1:41234
	demo     string // demo page origin
	host     string // the origin of the articles tests write (hostPage)
	contents map[string]*data.Content
	axe      string // axe-core source
	servers  []*httptest.Server
	articles sync.Map // path -> article
}

// article is a host page a test writes: an article with a code pasted in.
type article struct {
	body, csp string
}

// hostPage serves, on the host origin, an article with body pasted in its
// column the way a CMS would, under the Content-Security-Policy csp ("" for
// none), and returns its address.
func (s *site) hostPage(t *testing.T, body, csp string) string {
	t.Helper()
	p := fmt.Sprintf("/%s-%d.html", strings.NewReplacer("/", "-", " ", "-").Replace(t.Name()), time.Now().UnixNano())
	s.articles.Store(p, article{body: body, csp: csp})
	return s.host + p
}

// articleCSS lays a host page out as a campaign site does on a phone and
// a desktop: no margin at the edges, a column of text.
const articleCSS = `body{margin:0;font:1.05rem/1.6 Georgia,serif;color:#1b1c20;background:#fbfaf7}
main{max-width:46rem;margin:0 auto;padding:1rem}
figure{margin:1.5rem 0}`

// serveArticle answers the host origin: its stylesheet and the articles
// tests wrote.
func (s *site) serveArticle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/article.css" {
		w.Header().Set("Content-Type", "text/css")
		w.Write([]byte(articleCSS))
		return
	}
	v, ok := s.articles.Load(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	a := v.(article)
	if a.csp != "" {
		w.Header().Set("Content-Security-Policy", a.csp)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	para := "<p>The report outlines how the use of new technologies by both state and non-state actors in migration systems increases the potential for violations of the human rights of people on the move.</p>\n"
	fmt.Fprintf(w, `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>An article</title><link rel="stylesheet" href="/article.css">
<main><h1>Digital borders</h1>%s<figure>%s</figure>%s</main>`, para, a.body, strings.Repeat(para, 6))
}

var (
	siteOnce sync.Once
	theSite  *site
	siteErr  error

	browserOnce sync.Once
	browserCtx  context.Context
	browserStop context.CancelFunc
	browserErr  error
)

// startSite builds the site for a loopback origin and serves it there.
func startSite() (*site, error) {
	axe, echarts := os.Getenv("WAYMARK_AXE"), os.Getenv("WAYMARK_ECHARTS")
	if axe == "" || echarts == "" {
		return nil, errors.New("WAYMARK_AXE and WAYMARK_ECHARTS are not set: run make test, which installs axe-core and ECharts from npm and sets them")
	}
	s := &site{contents: data.Embedded()}
	b, err := os.ReadFile(axe)
	if err != nil {
		return nil, fmt.Errorf("reading axe-core: %w", err)
	}
	s.axe = string(b)
	if s.dist, err = os.MkdirTemp("", "waymark-browser"); err != nil {
		return nil, err
	}
	// The servers' addresses are known before they start, so the site is
	// built for the origin it is served from, as make run does.
	widgetSrv := httptest.NewUnstartedServer(nil)
	demoSrv := httptest.NewUnstartedServer(nil)
	hostSrv := httptest.NewServer(http.HandlerFunc(s.serveArticle))
	s.servers = []*httptest.Server{widgetSrv, demoSrv, hostSrv}
	s.origin = "http://" + widgetSrv.Listener.Addr().String()
	s.demo = "http://" + demoSrv.Listener.Addr().String()
	s.host = hostSrv.URL
	if _, err := build.Build(build.Options{Out: s.dist, Origin: s.origin, ECharts: echarts, Compression: precompress.Fast}); err != nil {
		return nil, fmt.Errorf("building the site: %w", err)
	}
	site, err := build.SiteHandler(s.dist)
	if err != nil {
		return nil, err
	}
	demo, err := build.DemoHandler(s.dist, s.origin)
	if err != nil {
		return nil, err
	}
	// The server the command runs, with its bounds.
	widgetSrv.Config, demoSrv.Config = build.NewServer(site), build.NewServer(demo)
	widgetSrv.Start()
	demoSrv.Start()
	return s, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browserStop != nil {
		browserStop()
	}
	if theSite != nil {
		for _, srv := range theSite.servers {
			srv.Close()
		}
		os.RemoveAll(theSite.dist)
	}
	os.Exit(code)
}

// served returns the running site, building and serving it on first use.
func served(t *testing.T) *site {
	t.Helper()
	siteOnce.Do(func() { theSite, siteErr = startSite() })
	if siteErr != nil {
		t.Fatalf("browser checks need the built site: %v", siteErr)
	}
	return theSite
}

// en is the English content, which the demo page embeds.
func (s *site) en() *data.Content { return s.contents["en"] }

// url is the address of a kind of widget in the given content.
func (s *site) url(kind string, c *data.Content) string {
	return s.origin + widgets.Path(kind, c)
}

// result is what the build of the served site recorded (build.json):
// its assets' fingerprinted names, what it keeps for use offline.
func (s *site) result(t *testing.T) build.Result {
	t.Helper()
	var res build.Result
	b, err := os.ReadFile(filepath.Join(s.dist, "build.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("build.json: %v", err)
	}
	return res
}

// widgetPages are the addresses of a kind of widget that the thorough
// checks run on: English, and every right-to-left language, whose layout,
// keys and drawing are mirrored. A left-to-right translation is laid out
// by the same code as English; TestEveryLanguageInTheBrowser checks each
// one's pages for what its words alone can break (length, contrast,
// names).
func (s *site) widgetPages(kind string) []string {
	var out []string
	for _, lang := range data.Languages(s.contents) {
		if c := s.contents[lang]; lang == data.Base || c.UI.Dir == "rtl" {
			out = append(out, s.url(kind, c))
		}
	}
	return out
}

// englishPage is a kind's English page, alone, for the checks of what no
// language or direction can change (a hostile link, refused storage, the
// way back from the sources page, printing).
func (s *site) englishPage(kind string) []string {
	return []string{s.url(kind, s.en())}
}

// contentOf is the content a widget page shows, by the language in its
// address (/w/<kind>/<lang>/).
func (s *site) contentOf(u string) *data.Content {
	parts := strings.Split(strings.TrimPrefix(u, s.origin), "/")
	if len(parts) > 3 {
		if c, ok := s.contents[parts[3]]; ok {
			return c
		}
	}
	return s.en()
}

// fill puts values in a catalog text's placeholders: fill(ui.StageOf,
// "n", "1", "total", "3").
func fill(text string, kv ...string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		text = strings.ReplaceAll(text, "{"+kv[i]+"}", kv[i+1])
	}
	return text
}

// browser starts one headless Chromium for the whole run. Every tab gets a
// browser context of its own, so no cookie, storage or service worker
// carries over between checks.
func browser(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		path, err := chromium.Path()
		if err != nil {
			browserErr = err
			return
		}
		profile, err := os.MkdirTemp("", "waymark-chromium")
		if err != nil {
			browserErr = err
			return
		}
		alloc, stopAlloc := chromedp.NewExecAllocator(context.Background(), chromium.Options(path, profile,
			chromedp.Flag("hide-scrollbars", false),
			// The checks assert what a page does, never how fast: V8 keeps
			// the wasm at its first, quick compile instead of recompiling
			// hot functions optimized on every page, which made an app's
			// start a quarter slower and the checks about 8 % longer (make
			// bench, which measures speed, runs Chromium as readers do).
			chromedp.Flag("js-flags", "--liftoff-only"),
		)...)
		var stopBrowser context.CancelFunc
		browserCtx, stopBrowser = chromedp.NewContext(alloc)
		browserStop = func() { stopBrowser(); stopAlloc(); os.RemoveAll(profile) }
		browserErr = chromedp.Do(browserCtx)
	})
	if browserErr != nil {
		t.Fatalf("starting Chromium: %v", browserErr)
	}
	return browserCtx
}

// tabOptions say how a page is opened.
type tabOptions struct {
	width, height int64
	dark          bool
	noScript      bool
	blockWasm     bool
	holdWasm      bool // the wasm request waits until release is called
	blockStorage  bool // web storage throws, as when a browser blocks site data
	print         bool // print media, as when a reader prints the page
}

// blockStorageJS makes web storage throw the way Chrome does when the
// reader blocks site data (or a third-party frame's storage).
const blockStorageJS = `for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {configurable: true, get() { throw new DOMException("Access is denied for this document.", "SecurityError"); }});
}`

// tab is an open page and what it did.
type tab struct {
	ctx context.Context
	t   *testing.T

	mu         sync.Mutex
	requests   []string
	console    []string // errors and uncaught exceptions
	held       chan fetch.RequestID
	wasm       network.RequestID
	wasmFailed chan struct{} // closed when the wasm request fails (blocked)
}

// release lets a held wasm request go on. A request held for a page the
// tab has since navigated away from is gone by then, and Chromium calls
// its id invalid; the wasm to release is the current page's, held after it
// if it was asked for.
func release(tb *tab) {
	tb.t.Helper()
	var id fetch.RequestID
	select {
	case id = <-tb.held:
	case <-time.After(patience):
		tb.t.Fatal("the page never asked for its wasm")
	}
	for {
		_, err := chromedp.Call(tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
		if err == nil {
			return
		}
		if !strings.Contains(err.Error(), "Invalid InterceptionId") {
			tb.t.Fatalf("releasing the wasm: %v", err)
		}
		select {
		case id = <-tb.held:
		default:
			return // nothing else is held, so nothing waits on it
		}
	}
}

func (tb *tab) Requests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...)
}

func (tb *tab) ConsoleErrors() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.console...)
}

// open opens a new tab in a fresh browser context with the options, and
// navigates to u.
func open(t *testing.T, u string, o tabOptions) *tab {
	t.Helper()
	parent := browser(t)
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx, t: t, held: make(chan fetch.RequestID, 4), wasmFailed: make(chan struct{})}
	if o.width == 0 {
		o.width = 1280
	}
	if o.height == 0 {
		o.height = 900
	}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, ev.Request.URL)
			if strings.HasSuffix(ev.Request.URL, ".wasm") && tb.wasm == "" {
				tb.wasm = ev.RequestID
			}
		case *network.EventLoadingFailed:
			if ev.RequestID == tb.wasm {
				select {
				case <-tb.wasmFailed:
				default:
					close(tb.wasmFailed)
				}
			}
		case *runtime.EventConsoleAPICalled:
			// Go's runtime prints a panic with console.log.
			goPanic := ev.Type == runtime.ConsoleAPICalledTypeLog && len(ev.Args) > 0 &&
				(strings.Contains(string(ev.Args[0].Value), "panic:") || strings.Contains(string(ev.Args[0].Value), "fatal error:"))
			if goPanic || ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					if a.Description != "" {
						parts = append(parts, a.Description)
					} else {
						parts = append(parts, string(a.Value))
					}
				}
				tb.console = append(tb.console, "console.error: "+strings.Join(parts, " "))
			}
		case *fetch.EventRequestPaused:
			tb.held <- ev.RequestID
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tb.console = append(tb.console, "uncaught: "+msg)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(o.width, o.height),
		// Tabs of parallel checks each behave as the focused page, so
		// focus, :focus-visible and key handling are what a reader sees.
		callAction(emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}),
	}
	if o.dark || o.print {
		media := emulation.SetEmulatedMediaParams{}
		if o.dark {
			media.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
		}
		if o.print {
			media.Media = "print"
		}
		steps = append(steps, callAction(emulation.SetEmulatedMedia, media))
	}
	if o.blockStorage {
		steps = append(steps, callAction(page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: blockStorageJS}))
	}
	if o.noScript {
		steps = append(steps, callAction(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	}
	if o.blockWasm {
		steps = append(steps, callAction(network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*.wasm", Block: true}},
		}))
	}
	if o.holdWasm {
		steps = append(steps, callAction(fetch.Enable, fetch.EnableParams{
			Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}},
		}))
	}
	steps = append(steps, chromedp.Navigate(u))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	return tb
}

// callAction wraps a protocol command as an action.
func callAction[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// eval runs JavaScript in the page (awaiting a promise) and decodes its
// result into T.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, patience)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds, and fails with what
// it waited for if it never does.
func waitFor(tb *tab, what, js string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, patience)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(patience))); err != nil {
		tb.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// waitAcrossNavigation is waitFor for a condition that holds once the tab
// has loaded another page: a poll the navigation cuts off (its page's
// context is gone) starts again in the new page, until patience runs out.
func waitAcrossNavigation(tb *tab, what, js string) {
	tb.t.Helper()
	deadline := time.Now().Add(patience)
	for {
		ctx, cancel := context.WithDeadline(tb.ctx, deadline)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond)))
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) || !cutByNavigation(err) {
			tb.t.Fatalf("waiting for %s: %v", what, err)
		}
		time.Sleep(50 * time.Millisecond) // the next poll, in the page that replaced it
	}
}

// cutByNavigation reports whether err is what Chromium answers a call
// that a navigation interrupted: the page's execution context went away
// (in a poll that was running, or at the next call), or the target was
// navigating when the call arrived.
func cutByNavigation(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "context") || strings.Contains(msg, "navigated or closed")
}

// settle waits until the page has rendered what it just did: two
// animation frames, the first after the change and the one that paints it.
// Pages with scripts off run no frame callbacks; they need no settling, as
// the browser itself does all they do.
func settle(tb *tab) {
	tb.t.Helper()
	eval[bool](tb, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
}

// waitApp waits until the wasm app has taken over the page and drawn
// what its first render left for later (see later.go).
func waitApp(tb *tab) {
	tb.t.Helper()
	waitFor(tb, "the wasm app to take over", `!!document.querySelector(".wm-app")`)
	waitFor(tb, "the app to draw what it left for after the first paint", `!document.querySelector("[data-later]")`)
}

// press sends one key to the focused element, as a keyboard would.
func press(tb *tab, key string, shift bool) {
	tb.t.Helper()
	var opts []chromedp.KeyOption
	if shift {
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(key, opts...)); err != nil {
		tb.t.Fatalf("pressing %q: %v", key, err)
	}
}

// tap touches the page at a point, as a finger would: the browser makes
// a click of it where nothing cancels the touch.
func tap(tb *tab, x, y float64) {
	tb.t.Helper()
	for _, ev := range []input.DispatchTouchEventParams{
		{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}},
		{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
	} {
		if _, err := chromedp.Call(tb.ctx, input.DispatchTouchEvent, ev); err != nil {
			tb.t.Fatalf("tapping at %.0f, %.0f: %v", x, y, err)
		}
	}
}

// frameEval runs JavaScript inside the first frame whose address starts
// with prefix (the widget iframe of the demo page), in an isolated world so
// the page's own scripts are untouched.
func frameEval[T any](tb *tab, prefix, js string) T {
	tb.t.Helper()
	var zero T
	tree, err := chromedp.Call(tb.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		tb.t.Fatal(err)
	}
	var find func(*page.FrameTree) *cdp.Frame
	find = func(ft *page.FrameTree) *cdp.Frame {
		if strings.HasPrefix(ft.Frame.URL+ft.Frame.URLFragment, prefix) {
			return ft.Frame
		}
		for _, c := range ft.ChildFrames {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	f := find(tree.FrameTree)
	if f == nil {
		tb.t.Fatalf("no frame of %s in the page", prefix)
		return zero
	}
	world, err := chromedp.Call(tb.ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: f.ID, WorldName: "waymark-check"})
	if err != nil {
		tb.t.Fatal(err)
	}
	yes := true
	ctx, cancel := context.WithTimeout(tb.ctx, patience)
	defer cancel()
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression: js, ContextID: world.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes,
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	if res.ExceptionDetails != nil {
		tb.t.Fatalf("in frame %s: %s %v", prefix, res.ExceptionDetails.Text, res.ExceptionDetails.Exception)
	}
	if err := json.Unmarshal([]byte(res.Result.Value), &zero); err != nil {
		tb.t.Fatalf("decoding %s: %v", res.Result.Value, err)
	}
	return zero
}

// axeViolation is one failed axe-core rule.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules and
// reports every violation with the rule and the nodes.
func checkAxe(tb *tab, where string) {
	tb.t.Helper()
	axeIn(view{tb: tb, where: where})
}

// axeIn is checkAxe in the widget's document, embedded or on its own.
func axeIn(v view) {
	v.tb.t.Helper()
	veval[bool](v, served(v.tb.t).axe+";true")
	violations := veval[[]axeViolation](v, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => r.violations)`)
	for _, x := range violations {
		for _, n := range x.Nodes {
			v.tb.t.Errorf("%s: accessibility: %s (%s) at %v: %s", v.where, x.ID, x.Help, n.Target, n.Summary)
		}
	}
}

// screenshot saves the page for a person to look at, in the repository's
// .cache/screenshots.
func screenshot(tb *tab, name string) {
	tb.t.Helper()
	b, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", ".cache", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// viewShot saves what the reader's screen shows, for a look at where
// something opened.
func viewShot(tb *tab, name string) {
	tb.t.Helper()
	b, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", ".cache", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// shotOf saves a screenshot of the first element sel matches, for a look
// at one part of a long page.
func shotOf(tb *tab, sel, name string) {
	tb.t.Helper()
	b, err := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", ".cache", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// onlyFrom fails for every request to an origin not in allowed.
func onlyFrom(t *testing.T, where string, requests []string, allowed ...string) {
	t.Helper()
	if len(requests) == 0 {
		t.Errorf("%s: no request seen; the check would prove nothing", where)
	}
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("%s: unparsable request %q", where, r)
			continue
		}
		if u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		origin := u.Scheme + "://" + u.Host
		ok := false
		for _, a := range allowed {
			ok = ok || origin == a
		}
		if !ok {
			t.Errorf("%s: request to another origin: %s", where, r)
		}
	}
}

// noConsoleErrors fails for every console error and uncaught exception.
func noConsoleErrors(tb *tab, where string) {
	tb.t.Helper()
	for _, e := range tb.ConsoleErrors() {
		tb.t.Errorf("%s: %s", where, e)
	}
}
