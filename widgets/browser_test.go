//go:build !wasm

package widgets

// The real-browser harness: it builds the site, serves it the way
// `make run` does (widgets on one loopback port, the demo on another), and
// drives Debian's Chromium through the DevTools protocol. Each widget's
// checks live in <widget>_browser_test.go; `make test` installs Chromium
// and axe-core first.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"waymark/chromium"
)

// site is the built and served site the browser checks run against.
type site struct {
	dist   string
	origin string // widgets, e.g. http://127.0.0.1:41234
	demo   string // demo page origin
	pages  []string
	axe    string // axe-core source
	root   string // module root
}

var (
	siteOnce sync.Once
	theSite  *site
	siteErr  error
	server   *exec.Cmd

	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
)

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// startSite builds dist (or uses WAYMARK_DIST, which `make` may set to a
// fresh build) and serves it on two free loopback ports.
func startSite() (*site, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, fmt.Errorf("finding the module root: %w", err)
	}
	s := &site{root: root}
	axe, err := os.ReadFile(filepath.Join(root, ".cache/axe/node_modules/axe-core/axe.min.js"))
	if err != nil {
		return nil, fmt.Errorf("axe-core is not installed (make test installs it): %w", err)
	}
	s.axe = string(axe)

	tmp, err := os.MkdirTemp("", "waymark-browser")
	if err != nil {
		return nil, err
	}
	tool := filepath.Join(tmp, "waymark-build")
	cmd := exec.Command("go", "build", "-o", tool, "./build")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compiling the build tool: %v\n%s", err, out)
	}
	s.dist = os.Getenv("WAYMARK_DIST")
	if s.dist == "" {
		s.dist = filepath.Join(tmp, "dist")
		cmd := exec.Command(tool, "-out", s.dist)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("building the site: %v\n%s", err, out)
		}
	}
	var manifest struct{ Pages []string }
	b, err := os.ReadFile(filepath.Join(s.dist, "build.json"))
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &manifest); err != nil {
		return nil, err
	}
	s.pages = manifest.Pages

	server = exec.Command(tool, "serve", "-dir", s.dist, "-addr", "127.0.0.1:0", "-demo", "127.0.0.1:0")
	out, err := server.StdoutPipe()
	if err != nil {
		return nil, err
	}
	server.Stderr = os.Stderr
	if err := server.Start(); err != nil {
		return nil, fmt.Errorf("starting the server: %w", err)
	}
	demoLine := regexp.MustCompile(`demo page:\s+(http://\S+?)/?$`)
	widgetLine := regexp.MustCompile(`widgets:\s+(http://\S+?)/\s`)
	sc := bufio.NewScanner(out)
	for sc.Scan() && (s.demo == "" || s.origin == "") {
		if m := demoLine.FindStringSubmatch(sc.Text()); m != nil {
			s.demo = m[1]
		}
		if m := widgetLine.FindStringSubmatch(sc.Text()); m != nil {
			s.origin = m[1]
		}
	}
	if s.demo == "" || s.origin == "" {
		return nil, fmt.Errorf("the server did not print its addresses")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	return s, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if server != nil && server.Process != nil {
		server.Process.Kill()
		server.Wait()
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

// widgetPages are the built widget pages, in every language.
func (s *site) widgetPages(widget string) []string {
	var out []string
	for _, p := range s.pages {
		if strings.HasPrefix(p, "/w/"+widget+"/") {
			out = append(out, s.origin+p)
		}
	}
	return out
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
		alloc, _ := chromedp.NewExecAllocator(context.Background(), chromium.Options(path, profile,
			chromedp.Flag("hide-scrollbars", false),
		)...)
		browserCtx, _ = chromedp.NewContext(alloc)
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

	mu       sync.Mutex
	requests []string
	console  []string // errors and uncaught exceptions
	held     chan fetch.RequestID
}

// release lets a held wasm request go on.
func release(tb *tab) {
	tb.t.Helper()
	select {
	case id := <-tb.held:
		if _, err := chromedp.Call(tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
			tb.t.Fatalf("releasing the wasm: %v", err)
		}
	case <-time.After(20 * time.Second):
		tb.t.Fatal("the page never asked for its wasm")
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
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	tb := &tab{ctx: ctx, t: t, held: make(chan fetch.RequestID, 4)}
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
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
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
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(o.width, o.height)}
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
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds, and fails with what
// it waited for if it never does.
func waitFor(tb *tab, what, js string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		tb.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// waitApp waits until the wasm app has taken over the page.
func waitApp(tb *tab) {
	tb.t.Helper()
	waitFor(tb, "the wasm app to take over", `!!document.querySelector(".wm-app")`)
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
		if strings.HasPrefix(ft.Frame.URL, prefix) {
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
	res, err := chromedp.Call(tb.ctx, runtime.Evaluate, runtime.EvaluateParams{
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
	s := served(tb.t)
	eval[bool](tb, s.axe+";true")
	v := eval[[]axeViolation](tb, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => r.violations)`)
	for _, x := range v {
		for _, n := range x.Nodes {
			tb.t.Errorf("%s: accessibility: %s (%s) at %v: %s", where, x.ID, x.Help, n.Target, n.Summary)
		}
	}
}

// screenshot saves the page for a person to look at, in .cache/screenshots.
func screenshot(tb *tab, name string) {
	tb.t.Helper()
	s := served(tb.t)
	b, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join(s.root, ".cache", "screenshots")
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

// screenshots takes the review screenshots of every page of a widget: at
// 320 and 1280 px, in the light and the dark scheme, once the app runs and
// prepare (if any) has put the page in the state worth looking at.
func screenshots(t *testing.T, s *site, widget string, prepare func(tb *tab, width int64, dark bool)) {
	t.Helper()
	for _, u := range s.widgetPages(widget) {
		name := strings.Trim(strings.ReplaceAll(strings.TrimPrefix(u, s.origin), "/", "-"), "-")
		for _, width := range []int64{320, 1280} {
			for _, dark := range []bool{false, true} {
				scheme := map[bool]string{false: "light", true: "dark"}[dark]
				tb := open(t, u, tabOptions{width: width, dark: dark})
				waitApp(tb)
				if prepare != nil {
					prepare(tb, width, dark)
				}
				screenshot(tb, fmt.Sprintf("%s-%d-%s", name, width, scheme))
				noConsoleErrors(tb, u)
			}
		}
	}
}

// withoutApp opens a page twice, with scripts off and with the wasm
// blocked, and once it has loaded runs check on it: both must leave a
// readable, usable page, and the app must not have run.
func withoutApp(t *testing.T, u string, check func(tb *tab, where string)) {
	t.Helper()
	for _, o := range []struct {
		name string
		opts tabOptions
	}{{"no JavaScript", tabOptions{noScript: true}}, {"wasm blocked", tabOptions{blockWasm: true}}} {
		where := u + " (" + o.name + ")"
		tb := open(t, u, o.opts)
		waitFor(tb, "the page", `document.readyState === "complete"`)
		time.Sleep(300 * time.Millisecond)
		if eval[bool](tb, `!!document.querySelector(".wm-app")`) {
			t.Fatalf("%s: the app ran", where)
		}
		check(tb, where)
	}
}
