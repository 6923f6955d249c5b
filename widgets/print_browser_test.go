//go:build browser

package widgets_test

import (
	"strings"
	"testing"

	"waymark/widgets"
)

// shownCount counts the elements a selector matches that take room on
// the page (or the paper).
func shownCount(tb *tab, sel string) int {
	return eval[int](tb, `[...document.querySelectorAll("`+sel+`")].filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().height > 0).length`)
}

// TestHandoutsPrintWhatTheNumbersPointTo prints each widget as an educator
// would for a workshop: what a tap opens on screen is on paper, sources
// are endnotes with their whole address, the rights map's table fits the
// page, and a checklist shows the answers given.
func TestHandoutsPrintWhatTheNumbersPointTo(t *testing.T) {
	t.Parallel()
	s := served(t)

	tb := open(t, s.url(widgets.JourneyName, s.en()), tabOptions{print: true, width: 794})
	waitApp(tb)
	cases := eval[int](tb, `document.querySelectorAll(".wm-cases li").length`)
	if cases == 0 {
		t.Fatal("the journey has no cases; the check would prove nothing")
	}
	shotOf(tb, ".wm-tech", "print-journey-first-technology")
	if got := shownCount(tb, ".wm-cases li"); got != cases {
		t.Errorf("journey (print): %d of %d cases printed", got, cases)
	}
	entries := eval[int](tb, `document.querySelectorAll(".wm-endnotes li").length`)
	if got := shownCount(tb, ".wm-endnotes li"); got != entries || entries == 0 {
		t.Errorf("journey (print): %d of %d source entries printed as endnotes", got, entries)
	}
	if n := shownCount(tb, ".wm-cite-box"); n != 0 {
		t.Errorf("journey (print): %d boxes of sources print in the text, beside the endnotes", n)
	}
	address := eval[string](tb, `(() => { const a = document.querySelector('.wm-endnotes a[href^="http"]'); return getComputedStyle(a, "::after").content + "|" + a.href; })()`)
	if content, href, _ := strings.Cut(address, "|"); !strings.Contains(content, href) {
		t.Errorf("journey (print): a source prints %s after its link, want its address %s", content, href)
	}

	tb = open(t, s.url(widgets.FiguresName, s.en()), tabOptions{print: true, width: 794})
	waitApp(tb)
	if got := shownCount(tb, ".wm-map-table"); got != 1 {
		t.Errorf("figures (print): the rights map's table is not printed")
	}
	overflow := eval[float64](tb, `(() => { const t = document.querySelector(".wm-map-table"); return t.getBoundingClientRect().right - document.querySelector(".wm").getBoundingClientRect().right; })()`)
	if overflow > 0.5 {
		t.Errorf("figures (print): the rights map's table runs %.0f px past the page", overflow)
	}
	if n := shownCount(tb, ".wm-map-list") + shownCount(tb, ".wm-chart-scroll"); n != 0 {
		t.Errorf("figures (print): the list or the chart prints beside the table")
	}
	shotOf(tb, ".wm-map-table", "print-figures-rights-map")

	tb = open(t, s.url(widgets.ChecklistName, s.en()), tabOptions{print: true})
	waitApp(tb)
	eval[bool](tb, `document.querySelector(".wm-open input[value=d]").click(); true`)
	waitFor(tb, "the answer", `!!document.querySelector(".wm-open input[value=d]:checked")`)
	boxes := eval[[]string](tb, `[...document.querySelector(".wm-open .wm-item").querySelectorAll(".wm-answer")].map(l => (l.querySelector("input").checked ? "given " : "") + getComputedStyle(l, "::before").content)`)
	for _, b := range boxes {
		given := strings.HasPrefix(b, "given ")
		if want := map[bool]string{true: "\"\u2611\"", false: "\"\u2610\""}[given]; strings.TrimPrefix(b, "given ") != want {
			t.Errorf("checklist (print): an answer (given %v) prints as %s, want %s", given, strings.TrimPrefix(b, "given "), want)
		}
	}
}
