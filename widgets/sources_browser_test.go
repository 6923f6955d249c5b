//go:build browser

package widgets_test

// Real-browser checks of citations beyond what the suite every kind passes
// checks of each marker (kinds_browser_test.go): the sources page and the
// way back from it to the marker.

import (
	"strings"
	"testing"

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
