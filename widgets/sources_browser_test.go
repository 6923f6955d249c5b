//go:build browser

package widgets_test

// Real-browser checks of citations beyond what the suite every kind passes
// checks of each marker (kinds_browser_test.go): the sources page and the
// way back from it to the marker, and an embed that leaves out the way to
// the full list.

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// From the sources page, a link back to a marker opens the widget at the
// stage holding it, opens the technology's details, and puts focus on the
// marker, whose sources the reader can open again.
func TestSourcesPageLeadsBackToTheMarker(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.englishPage(widgets.JourneyName) {
		tb := open(t, u+"sources/", tabOptions{})
		waitApp(tb)
		checkAxe(tb, u+"sources/")
		n := eval[int](tb, `document.querySelectorAll(".wm-source-list > li").length`)
		if n < 50 {
			t.Fatalf("%ssources/: %d entries; the journey cites far more", u, n)
		}
		// A case in the last stage: its marker sits in a closed disclosure.
		back := eval[string](tb, `[...document.querySelectorAll("a.wm-back")].map(a => a.getAttribute("href")).find(h => h.includes("#ref-welfare-algorithms-case-")) || ""`)
		if back == "" {
			t.Fatalf("%ssources/: no link back to a case of the welfare technology", u)
		}
		tb = open(t, s.origin+back, tabOptions{})
		waitApp(tb)
		waitFor(tb, "focus on the marker", `document.activeElement && document.activeElement.matches("button.wm-ref")`)
		if got := eval[string](tb, `document.querySelector(".wm-open").id`); got != "wm-a-after" {
			t.Errorf("%s: back from the sources page, the open stage is %s, want after", back, got)
		}
		press(tb, kb.Enter, false)
		waitFor(tb, "the marker's sources", `document.activeElement.getAttribute("aria-expanded") === "true"`)
		noConsoleErrors(tb, back)
	}
}

// Without script, a marker is a link to its entry on the sources page:
// followed, the entry is the target, in view.
func TestMarkersWithoutScriptLeadToTheirEntry(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.englishPage(widgets.JourneyName) {
		pre := open(t, u, tabOptions{noScript: true})
		waitFor(pre, "the page", `document.readyState === "complete"`)
		href := eval[string](pre, `document.querySelector("#wm-a-before a.wm-ref").href`)
		if target := eval[string](pre, `document.querySelector("#wm-a-before a.wm-ref").target`); target != "_blank" {
			t.Errorf("%s without script: a marker opens in %q, want a new tab", u, target)
		}
		if !strings.HasPrefix(href, u+"sources/#src-") {
			t.Fatalf("%s without script: a marker links to %s, want an entry of the sources page", u, href)
		}
		entry := open(t, href, tabOptions{noScript: true})
		waitFor(entry, "the sources page", `document.readyState === "complete"`)
		if !eval[bool](entry, `(() => { const e = document.querySelector(":target"); return !!e && e.matches(".wm-source-list > li") && e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < innerHeight; })()`) {
			t.Errorf("%s without script: the entry is not the target, in view", href)
		}
	}
}

// An embed code with data-sources="hide" leaves out the way to the full
// list of sources, for the eye and for a screen reader, while a marker
// still opens its sources in place; a printed copy still ends with the
// endnotes its numbers point to. The same widget without the option shows
// the way, so the check is of the option, not of a widget without one.
func TestEmbedWithoutTheSourcesListKeepsTheMarkers(t *testing.T) {
	t.Parallel()
	s := served(t)
	plain := s.url(widgets.JourneyName, s.en())
	frame := plain + "?sources=hide"
	// Shown: takes room and is in the accessibility tree, which display:
	// none and visibility: hidden both leave.
	const listShown = `[...document.querySelectorAll(".wm-all-sources, .wm-all-sources a, .wm-endnotes, .wm-source-list")].filter(e => e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0).length`

	own := open(t, plain, tabOptions{})
	waitApp(own)
	if n := eval[int](own, listShown); n == 0 {
		t.Fatalf("%s: the widget shows no way to its full list of sources; the check would prove nothing", plain)
	}

	tb := open(t, s.hostPage(t, `<div data-waymark="journey" data-lang="en" data-sources="hide"></div><script src="`+s.origin+`/embed.js"></script>`, strictCSP(s.origin)), tabOptions{})
	waitFor(tb, "the article", `document.readyState === "complete"`)
	eval[bool](tb, `document.querySelector("figure").scrollIntoView(); true`)
	frameWaitApp(tb, frame)
	if !frameHas(tb, frame, `!!document.querySelector(".wm-all-sources a")`) {
		t.Fatalf("%s: the app renders no link to the full list; the check would prove nothing", frame)
	}
	if n := frameEval[int](tb, frame, listShown); n != 0 {
		t.Errorf("%s: %d elements of the full list of sources show; the code hid it", frame, n)
	}
	// A marker still opens its sources under the text, and they say
	// where in which document.
	frameEval[bool](tb, frame, `document.querySelector(".wm-open button.wm-ref").click(); true`)
	shown := `(() => { const b = document.querySelector(".wm-open button.wm-ref"); const box = document.getElementById(b.getAttribute("aria-controls")); return b.getAttribute("aria-expanded") === "true" && !!box && box.checkVisibility() ? box.querySelector(".wm-cite-where").textContent : ""; })()`
	var where string
	for deadline := time.Now().Add(patience); where == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		where = frameEval[string](tb, frame, shown)
	}
	if where == "" {
		t.Errorf("%s: a marker no longer opens its sources in place", frame)
	}
	noConsoleErrors(tb, frame)

	paper := open(t, frame, tabOptions{print: true, width: 794})
	waitApp(paper)
	entries := eval[int](paper, `document.querySelectorAll(".wm-endnotes li").length`)
	if got := shownCount(paper, ".wm-endnotes li"); got != entries || entries == 0 {
		t.Errorf("%s (print): %d of %d endnotes printed; the numbers in the text point to them", frame, got, entries)
	}
}
