//go:build browser

package widgets_test

// Real-browser checks of the facilitator's guide. It is text, so what the
// suite every kind passes (kinds_browser_test.go) checks of it is nearly
// all there is; its printed handout is checked on a page the suite has
// already opened, so the guide adds no page load of its own.

import (
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"waymark/widgets"
)

// What the suite every kind passes needs to know of this one.
func init() {
	kindChecks[widgets.GuideName] = kindCheck{
		firstScreen: []string{".wm-guide-aims li", ".wm-guide-part-timing h2"},
		content:     "#wm-guide-aims-h",
		readable:    guideReadable,
		embedded: []embedStep{
			// Nothing in the guide changes its height; the host page
			// scrolling to its end, as a reader does, must find the
			// frame fitting all the way down.
			{what: "reading to the end", scrollTo: `.wm-guide-part-adapting`, until: `!!document.querySelector(".wm-guide-note")`},
		},
	}
}

// guideReadable: without the app the whole plan is on the page, the
// timing as a table and each stage's activity with its questions and
// links; in English, the page printed is a handout: the table, every
// question with lines to write on, which the screen never shows.
func guideReadable(tb *tab, where string) {
	t := tb.t
	t.Helper()
	if n := eval[int](tb, `document.querySelectorAll(".wm-guide-timing tbody tr").length`); n < 5 {
		t.Errorf("%s: the timing table has %d parts", where, n)
	}
	if n := eval[int](tb, `document.querySelectorAll(".wm-guide-activity").length`); n != 3 {
		t.Errorf("%s: %d activities, want one per stage", where, n)
	}
	questions := eval[int](tb, `document.querySelectorAll(".wm-guide-questions li").length`)
	if questions < 10 {
		t.Errorf("%s: %d discussion questions readable, want at least one per technology", where, questions)
	}
	if n := eval[int](tb, `document.querySelectorAll(".wm-guide-activity a.wm-widget-link[target=_blank]").length`); n < 6 {
		t.Errorf("%s: the activities hold %d links to the widgets they use", where, n)
	}
	if n := shownCount(tb, ".wm-guide-write"); n != 0 {
		t.Errorf("%s: %d sets of lines to write on show on screen", where, n)
	}
	if eval[string](tb, `document.documentElement.lang`) != "en" {
		return
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
			t.Fatal(err)
		}
	}()
	// No settle: with scripts off no animation frame comes, and reading
	// a box lays the page out for print anyway.
	where += " (print)"
	if n := shownCount(tb, ".wm-guide-timing"); n != 1 {
		t.Errorf("%s: the timing table is not printed", where)
	}
	if got := shownCount(tb, ".wm-guide-questions li"); got != questions {
		t.Errorf("%s: %d of %d questions printed", where, got, questions)
	}
	if got := shownCount(tb, ".wm-guide-write span"); got != 3*questions {
		t.Errorf("%s: %d lines to write on printed, want three under each of %d questions", where, got, questions)
	}
	for _, sel := range []string{".wm-langs", ".wm-all-sources"} {
		if n := shownCount(tb, sel); n != 0 {
			t.Errorf("%s: %s is printed", where, sel)
		}
	}
	shotOf(tb, ".wm-guide-activity", "print-guide-first-activity")
}
