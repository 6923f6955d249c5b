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
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"waymark/data"
	"waymark/widgets"
)

// kindCheck is what the suite needs to know about one kind of widget.
type kindCheck struct {
	// readable checks a page on which the app did not run: what a reader
	// can read and do there.
	readable func(tb *tab, where string)
	// embedded are what a reader does inside the embedded widget that
	// changes its height; the iframe must fit its content after each.
	embedded []embedStep
	// live, if set, brings out what the app shows only once the reader
	// acts, so that accessibility and the screenshots cover it too.
	live func(tb *tab)
	// firstScreen select what a phone's first screen must show, in the
	// app, for a reader to begin.
	firstScreen []string
	// firstScreenEmbedded, if set, is firstScreen for the widget embedded
	// in an article, whose column is narrower than the phone by its
	// margins and scrollbar, so that every line above wraps sooner.
	firstScreenEmbedded []string
	// content selects where the skip link takes the reader: the first of
	// them the page shows.
	content string
	// themed, if set, checks that what the kind draws itself (the
	// figures' charts) takes the colours the page shows.
	themed func(v view)
	// copy, if set, copies what the kind's copy control copies, as a
	// reader would, and checks it copied or showed the text to copy by
	// hand, as the page lets it.
	copy func(v view, c clipboard)

	name string // the kind's, filled in by the suite
}

// embedStep is one thing a reader does in an embedded widget: scroll the
// host page to the element scrollTo selects in the widget, or run do in
// the widget; then until holds there.
type embedStep struct {
	what, scrollTo, do, until string
}

// clipboard is what the page a copy runs in lets it do.
type clipboard int

const (
	mayCopy    clipboard = iota // the browser decides: the copy works or shows its text
	mustCopy                    // the embed code grants the clipboard: the copy works
	cannotCopy                  // the code does not grant it, or the browser refuses
)

// kindChecks holds every kind's entry, which its own <kind>_browser_test.go
// registers; a kind without one fails the suite.
var kindChecks = map[string]kindCheck{}

func TestEveryKindInTheBrowser(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, k := range widgets.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			// Kinds are checked side by side: each tab has a browser
			// context of its own, and a wait bounds every step.
			t.Parallel()
			kc, ok := kindChecks[k.Name]
			kc.name = k.Name
			if !ok || kc.readable == nil || len(kc.embedded) == 0 {
				t.Fatalf("kind %s registers no readable check and embedded steps in kindChecks (from widgets/%s_browser_test.go)", k.Name, k.Name)
			}
			if len(kc.firstScreen) == 0 {
				t.Fatalf("kind %s registers nothing its first screen must show (firstScreen in widgets/%s_browser_test.go)", k.Name, k.Name)
			}
			if kc.content == "" {
				t.Fatalf("kind %s registers no place its skip link goes to (content in widgets/%s_browser_test.go)", k.Name, k.Name)
			}
			for _, u := range s.widgetPages(k.Name) {
				t.Run("without the app", func(t *testing.T) { checkWithoutApp(t, u, kc) })
				// A desktop, in English and mirrored: a right-to-left page
				// is laid out by rules of its own at every width.
				t.Run("app at 1280 px", func(t *testing.T) { checkApp(t, s, u, kc) })
				t.Run("app at 320 px", func(t *testing.T) {
					// It opens on a common phone, 360 by 740, where a
					// reader's first checks run, then narrows to the
					// narrowest, as a phone's split screen does.
					tb := open(t, u, tabOptions{width: 360, height: 740})
					waitApp(tb)
					english := s.contentOf(u).UI.Lang == data.Base
					v := view{tb: tb, where: u + " at 360 px"}
					// Mirrored in Arabic, the skip link starts from the
					// other side.
					checkSkipLink(v, kc, 360)
					if english {
						// What a reader does on a phone, before anything
						// is open (reader_browser_test.go).
						checkFirstScreen(v, kc)
						noSidewaysScroll(v)
						targetsIn(v)
						// Opened where the reader's system prefers
						// light; the schemes are switched at 320 px.
						checkTheme(v, kc, false)
						checkMarker(v, kc.name, 360)
						if kc.copy != nil {
							kc.copy(v, mayCopy)
							viewShot(tb, "copy-"+kc.name+"-360-alone")
						}
					}
					if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(320, 740)); err != nil {
						t.Fatal(err)
					}
					settle(tb)
					if kc.live != nil {
						kc.live(tb)
					}
					checkScreenshots(tb, s, u, kc, func(scheme string) {
						switch {
						case scheme == "dark":
							checkAxe(tb, u+" at 320 px, dark") // contrast in the other scheme, on a phone
						case !english:
							// What checkApp does in English at 1280 px.
							checkAxe(tb, u+" at 320 px")
							checkRightToLeft(tb, u+" (app)")
							onlyFrom(t, u, tb.Requests(), s.origin)
						}
					})
					checkTargets(tb, u+" at 320 px")
					noConsoleErrors(tb, u)
				})
				// Storage is refused the same way in every language: checked
				// once, in English.
				if s.contentOf(u).UI.Lang == data.Base {
					t.Run("storage blocked", func(t *testing.T) {
						tb := open(t, u, tabOptions{blockStorage: true})
						waitApp(tb)
						settle(tb)
						noConsoleErrors(tb, u+" (storage blocked)")
					})
				}
			}
			t.Run("embedded", func(t *testing.T) { checkEmbedding(t, s, kc) })
			t.Run("reader", func(t *testing.T) { checkReader(t, s, kc) })
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
	case <-time.After(patience):
		t.Fatalf("%s: the page's wasm request never failed; was it made?", u)
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
	checkRightToLeft(blocked, where)
	checkSkipLink(view{tb: blocked, where: where}, kc, 1280)
	kc.readable(blocked, where)

	off := open(t, u, tabOptions{noScript: true})
	waitFor(off, "the page", `document.readyState === "complete"`)
	where = u + " (no JavaScript)"
	// app.js defines goappNav as soon as it runs; with scripts off it
	// never does.
	if eval[bool](off, `typeof goappNav !== "undefined" || !!document.querySelector(".wm-app")`) {
		t.Fatalf("%s: scripts were not off", where)
	}
	checkSkipLink(view{tb: off, where: where}, kc, 1280)
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
	keptNothing(tb, s, u+" before the reader acted")
	// What a reader does on a desktop (reader_browser_test.go), the skip
	// link first, as a keyboard meets it.
	v := view{tb: tb, where: u + " at 1280 px"}
	checkSkipLink(v, kc, 1280)
	if kc.live != nil {
		kc.live(tb)
	}
	checkAxe(tb, u+" (app)")
	checkRightToLeft(tb, u+" (app)")
	checkScreenshots(tb, s, u, kc, nil)
	checkTargets(tb, v.where)
	checkMarker(v, kc.name, 1280)
	if kc.copy != nil {
		kc.copy(v, mayCopy)
		viewShot(tb, "copy-"+kc.name+"-1280-alone")
	}
	onlyFrom(t, u, tb.Requests(), s.origin)
	noConsoleErrors(tb, u)
}

// checkScreenshots takes the review screenshots of a page as it stands,
// in the light and the dark scheme the reader's system prefers: the
// widget on its own shows each, with what it draws (checkTheme), and
// neither may scroll sideways or hide the widget's heading. also, if set,
// runs in each scheme.
func checkScreenshots(tb *tab, s *site, u string, kc kindCheck, also func(scheme string)) {
	tb.t.Helper()
	t := tb.t
	name := strings.Trim(strings.ReplaceAll(strings.TrimPrefix(u, s.origin), "/", "-"), "-")
	width := eval[int](tb, `innerWidth`)
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
			t.Errorf("%s: the page scrolls sideways (%.0f px wide in a %.0f px window): %s", where, w[0], w[1], eval[string](tb, widest))
		}
		if !eval[bool](tb, `(() => { const r = document.getElementById("wm-title").getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()`) {
			t.Errorf("%s: the widget's heading is not in view at the top", where)
		}
		checkTheme(view{tb: tb, where: where}, kc, scheme == "dark")
		eval[bool](tb, `window.scrollTo(0, 0); true`)
		if also != nil {
			also(scheme)
		}
		screenshot(tb, fmt.Sprintf("%s-%d-%s", name, width, scheme))
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

// smallTargets lists the controls a finger can miss (WCAG 2.2 2.5.8):
// smaller than 24 by 24 px, unless they are links inside a sentence, or
// spaced so that a 24 px circle centred on each touches no other target.
// What a closed disclosure holds is no target: Chrome keeps the boxes it
// had when it was last open, which checkVisibility knows to be skipped.
const smallTargets = `(() => {
	const targets = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])")]
		.filter(e => !e.closest("[hidden]") && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden" && e.checkVisibility());
	const rect = e => e.getBoundingClientRect();
	const inSentence = e => {
		if (e.tagName !== "A" || getComputedStyle(e).display !== "inline") return false;
		const block = e.closest("p, li, dd, td, figcaption");
		return !!block && block.textContent.trim().length > e.textContent.trim().length + 20;
	};
	const small = targets.filter(e => { const r = rect(e); return (r.width < 23.5 || r.height < 23.5) && !inSentence(e); });
	const hits = (cx, cy, r) => x => cx + 12 > r.left && cx - 12 < r.right && cy + 12 > r.top && cy - 12 < r.bottom;
	return small.filter(e => {
		const r = rect(e), cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
		return targets.some(o => {
			if (o === e || o.contains(e) || e.contains(o)) return false;
			const q = rect(o);
			if (small.includes(o)) {
				const ox = (q.left + q.right) / 2, oy = (q.top + q.bottom) / 2;
				return Math.hypot(cx - ox, cy - oy) < 24;
			}
			return hits(cx, cy, q)();
		});
	}).slice(0, 5).map(e => { const r = rect(e); return e.tagName.toLowerCase() + "." + [...e.classList].join(".") + " \"" + e.textContent.trim().slice(0, 20) + "\" " + Math.round(r.width) + "x" + Math.round(r.height); });
})()`

// checkTargets fails for every control too small and too close to another
// for a finger.
func checkTargets(tb *tab, where string) {
	tb.t.Helper()
	targetsIn(view{tb: tb, where: where})
}

// targetsIn is checkTargets in the widget's document, embedded or on its
// own.
func targetsIn(v view) {
	v.tb.t.Helper()
	if small := veval[[]string](v, smallTargets); len(small) > 0 {
		v.tb.t.Errorf("%s: targets under 24×24 px with a neighbour within reach: %s", v.where, strings.Join(small, "; "))
	}
}

// keptNothing fails for anything the page keeps in web storage or cookies.
func keptNothing(tb *tab, s *site, where string) {
	tb.t.Helper()
	if n := eval[int](tb, storedKeys); n != 0 {
		tb.t.Errorf("%s: %d items in web storage", where, n)
	}
	cookies, err := chromedp.Call(tb.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{eval[string](tb, `location.href`), s.origin + "/"}})
	if err != nil {
		tb.t.Fatal(err)
	}
	for _, c := range cookies.Cookies {
		tb.t.Errorf("%s: cookie set: %s", where, c.Name)
	}
}

// storedKeys counts what the page keeps in web storage.
const storedKeys = `Object.keys(localStorage).length + sessionStorage.length`

// A fragment with a stray % (a link typed by hand, a truncated share link)
// is text like any other: every widget's app still takes over, ignores
// what it cannot read, and says so where it reads links.
func TestBadEscapesInTheFragment(t *testing.T) {
	t.Parallel()
	s := served(t)
	cases := []struct{ kind, fragment string }{
		{widgets.JourneyName, "%zz"},
		{widgets.JourneyName, "100%"},
		{widgets.ChecklistName, "organizations:%"},
		{widgets.GlossaryName, "term-%E0%A4%A"},
		{widgets.FiguresName, "%"},
	}
	for _, c := range cases {
		u := s.url(c.kind, s.en()) + "#" + c.fragment
		tb := open(t, u, tabOptions{})
		// A crash shows in the console long before a wait would give up.
		for deadline := time.Now().Add(patience); !eval[bool](tb, `!!document.querySelector(".wm-app")`) && len(tb.ConsoleErrors()) == 0; {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the app neither took over nor failed", u)
			}
			time.Sleep(50 * time.Millisecond)
		}
		if errs := tb.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: the app failed: %s", u, strings.Join(errs, "; "))
			continue
		}
		settle(tb)
		if c.kind == widgets.ChecklistName {
			if notice := eval[string](tb, `(document.querySelector(".wm-notice") || {}).textContent || ""`); !strings.Contains(notice, "could not be read") {
				t.Errorf("%s: no clear message that the link's answers could not be read (%q)", u, notice)
			}
		}
		noConsoleErrors(tb, u)
	}
}

// Each kind's Fit is its height when it loads, before the app and after,
// in a phone's column (300 px) and an article's (680 px): never less, so
// the codes that cannot resize cut nothing off, and not much more, so
// they leave little empty. When content changes, this says what to write.
func TestEveryKindHasTheHeightsItsFitSays(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, k := range widgets.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			t.Parallel()
			u := s.url(k.Name, s.en())
			for _, w := range []struct {
				width int64
				fit   int
			}{{300, k.Fit.Phone}, {680, k.Fit.Column}} {
				// The prerendered page while its wasm is held back, then the app.
				tb := open(t, u, tabOptions{width: w.width, height: 740, holdWasm: true})
				waitFor(tb, "the page", `document.readyState === "complete"`)
				settle(tb)
				pre := eval[float64](tb, `document.documentElement.getBoundingClientRect().height`)
				release(tb)
				waitApp(tb)
				settle(tb)
				tallest := max(pre, eval[float64](tb, `document.documentElement.getBoundingClientRect().height`))
				if tallest > float64(w.fit) || tallest < 0.93*float64(w.fit) {
					t.Errorf("%s at %d px is %.0f px tall when it loads; its Fit says %d (set it to about %.0f)", k.Name, w.width, tallest, w.fit, tallest*1.02)
				}
			}
		})
	}
}
