//go:build browser

package widgets_test

// The suite every kind of widget passes in a real browser: accessibility
// before and after the app takes over, a readable and usable page without
// JavaScript or with the wasm blocked, nothing stored, sent or set that
// the reader did not ask for, the app surviving blocked storage, an
// embedded iframe that always fits its content, and screenshots at a
// phone's and a desktop's width in both colour schemes. A kind's own
// checks are in <kind>_browser_test.go.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"waymark/widgets"
)

// kindCheck is what the suite needs to know about one kind of widget.
type kindCheck struct {
	// readable checks a page on which the app did not run: what a reader
	// can read and do there.
	readable func(tb *tab, where string)
	// interact does, inside the embedded widget, what changes its height,
	// and calls check after each step.
	interact func(tb *tab, frame string, check func(after string))
	// live, if set, brings out what the app shows only after the reader
	// acts, so accessibility is checked on it too.
	live func(tb *tab)
	// prepare, if set, puts a page in the state worth a screenshot.
	prepare func(tb *tab, width int64)
}

// kindChecks holds every kind's entry, which its own <kind>_browser_test.go
// registers; a kind without one fails the suite.
var kindChecks = map[string]kindCheck{}

func TestEveryKindInTheBrowser(t *testing.T) {
	s := served(t)
	for _, k := range widgets.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			kc, ok := kindChecks[k.Name]
			if !ok || kc.readable == nil || kc.interact == nil {
				t.Fatalf("kind %s registers no readable and interact checks in kindChecks (from widgets/%s_browser_test.go)", k.Name, k.Name)
			}
			for _, u := range s.widgetPages(k.Name) {
				t.Run("without the app", func(t *testing.T) { checkWithoutApp(t, u, kc) })
				t.Run("app", func(t *testing.T) { checkApp(t, s, u, kc) })
				t.Run("storage blocked", func(t *testing.T) {
					tb := open(t, u, tabOptions{blockStorage: true})
					waitApp(tb)
					settle(tb)
					noConsoleErrors(tb, u+" (storage blocked)")
				})
				t.Run("screenshots", func(t *testing.T) { checkScreenshots(t, s, u, kc) })
			}
			t.Run("embedded", func(t *testing.T) { checkEmbedding(t, s, s.url(k.Name, s.en()), kc.interact) })
		})
	}
}

// checkWithoutApp opens a page with the wasm blocked and with scripts off:
// both must leave a readable, usable, accessible page with no overlay.
func checkWithoutApp(t *testing.T, u string, kc kindCheck) {
	t.Helper()
	blocked := open(t, u, tabOptions{blockWasm: true})
	waitFor(blocked, "the page", `document.readyState === "complete"`)
	select {
	case <-blocked.wasmFailed:
	case <-blocked.ctx.Done():
		t.Fatalf("%s: the page ended before its wasm request failed", u)
	}
	settle(blocked)
	where := u + " (wasm blocked)"
	if eval[bool](blocked, `!!document.querySelector(".wm-app")`) {
		t.Fatalf("%s: the app ran", where)
	}
	if eval[bool](blocked, `(() => { const l = document.getElementById("app-wasm-loader"); return !!l && getComputedStyle(l).display !== "none"; })()`) {
		t.Errorf("%s: go-app's loader or error overlay is visible", where)
	}
	checkAxe(blocked, where)
	kc.readable(blocked, where)

	off := open(t, u, tabOptions{noScript: true})
	waitFor(off, "the page", `document.readyState === "complete"`)
	where = u + " (no JavaScript)"
	// app.js defines goappNav as soon as it runs; with scripts off it
	// never does.
	if eval[bool](off, `typeof goappNav !== "undefined" || !!document.querySelector(".wm-app")`) {
		t.Fatalf("%s: scripts were not off", where)
	}
	kc.readable(off, where)
}

// checkApp opens a page and lets the app take over: nothing is stored or
// set before the reader acts, nothing is requested from another origin,
// the page is accessible, the console is clean.
func checkApp(t *testing.T, s *site, u string, kc kindCheck) {
	t.Helper()
	tb := open(t, u, tabOptions{})
	waitApp(tb)
	settle(tb)
	if n := eval[int](tb, storedKeys); n != 0 {
		t.Errorf("%s: %d items in web storage though the reader did nothing", u, n)
	}
	cookies, err := chromedp.Call(tb.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{u, s.origin + "/"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cookies.Cookies {
		t.Errorf("%s: cookie set: %s", u, c.Name)
	}
	if kc.live != nil {
		kc.live(tb)
	}
	checkAxe(tb, u+" (app)")
	onlyFrom(t, u, tb.Requests(), s.origin)
	noConsoleErrors(tb, u)
}

// checkScreenshots takes the review screenshots of a page at 320 and
// 1280 px, light and dark, once the app runs: none may scroll sideways or
// hide the widget's heading.
func checkScreenshots(t *testing.T, s *site, u string, kc kindCheck) {
	t.Helper()
	name := strings.Trim(strings.ReplaceAll(strings.TrimPrefix(u, s.origin), "/", "-"), "-")
	for _, width := range []int64{320, 1280} {
		tb := open(t, u, tabOptions{width: width})
		waitApp(tb)
		if kc.prepare != nil {
			kc.prepare(tb, width)
		}
		for _, scheme := range []string{"light", "dark"} {
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			}); err != nil {
				t.Fatal(err)
			}
			eval[bool](tb, `window.scrollTo(0, 0); true`)
			settle(tb)
			where := fmt.Sprintf("%s at %d px, %s", u, width, scheme)
			if w := eval[[]float64](tb, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
				wide := eval[string](tb, widest)
				t.Errorf("%s: the page scrolls sideways (%.0f px wide in a %.0f px window): %s", where, w[0], w[1], wide)
			}
			if !eval[bool](tb, `(() => { const r = document.getElementById("wm-title").getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`) {
				t.Errorf("%s: the widget's heading is not in view at the top", where)
			}
			if width == 320 && scheme == "dark" {
				checkAxe(tb, where) // contrast in the other scheme, on a phone
			}
			screenshot(tb, fmt.Sprintf("%s-%d-%s", name, width, scheme))
		}
		noConsoleErrors(tb, u)
	}
}

// widest names the elements that stick out of the page's width, leaving
// out those inside a box that scrolls or clips them.
const widest = `[...document.querySelectorAll("body *")].filter(e => {
	if (e.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5) return false;
	for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
		if (getComputedStyle(a).overflowX !== "visible") return false;
	return true;
}).slice(0, 3).map(e => e.tagName.toLowerCase() + "." + [...e.classList].join(".") + " to " + Math.round(e.getBoundingClientRect().right) + " px").join("; ")`

// storedKeys counts what the page keeps in web storage.
const storedKeys = `Object.keys(localStorage).length + sessionStorage.length`
