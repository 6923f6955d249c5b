//go:build browser

package widgets_test

// Real-browser checks of the glossary widget, of glossary terms inside the
// other widgets, and of citation markers, beyond the suite every kind
// passes (kinds_browser_test.go).

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// What the suite every kind passes (kinds_browser_test.go) needs to know
// of this one.
func init() {
	kindChecks[widgets.GlossaryName] = kindCheck{
		firstScreen: []string{".wm-letters", ".wm-entry h2"},
		// Past the filter and the letter index: the first term.
		content:  ".wm-entry",
		readable: glossaryReadable,
		embedded: []embedStep{
			{what: "filtering", do: `(() => { const i = document.getElementById("wm-filter-terms"); i.value = "border"; i.dispatchEvent(new Event("input")); })()`, until: `document.querySelectorAll(".wm-entry:not([hidden])").length < 5`},
		},
	}
}

// shownTerms lists the ids of the glossary entries a reader can see.
const shownTerms = `[...document.querySelectorAll(".wm-entry")].filter(e => e.getClientRects().length > 0).map(e => e.id.replace(/^(wm-a-)?term-/, "")).join(",")`

func TestGlossaryBrowserKeyboardFilter(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.GlossaryName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)
		// Keyboard only: Tab to the filter, type with an accent and in
		// capitals; the filter ignores both.
		var f focus
		for i := 0; i < 10 && !strings.Contains(f.HTML, "wm-filter-terms"); i++ {
			f = pressAndCheck(tb, u, kb.Tab, false)
		}
		if !strings.Contains(f.HTML, "wm-filter-terms") {
			t.Fatalf("%s: keyboard: Tab never reached the filter", u)
		}
		// What a reader types differs from the term's spelling: in capitals
		// and with an accent, or in Arabic without the hamza.
		c := s.contentOf(u)
		query := map[string]string{"ar": "الى الخارج"}[c.UI.Lang]
		if query == "" {
			query = "ÉXTERNAL"
		}
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(query)); err != nil {
			t.Fatal(err)
		}
		waitFor(tb, "the filter to apply", `document.querySelectorAll(".wm-entry:not([hidden])").length === 1`)
		if got := eval[string](tb, shownTerms); got != "externalization" {
			t.Errorf("%s: filter %q shows %q, want externalization", u, query, got)
		}
		want := fill(c.UI.TermsShown, "n", "1", "total", strconv.Itoa(len(c.Glossary.Terms)))
		if said := eval[string](tb, `document.querySelector("[role=status]").textContent`); said != want {
			t.Errorf("%s: the filter's result is announced as %q, want %q", u, said, want)
		}
		checkAxe(tb, u+" (filtered)")
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent("zzz")); err != nil {
			t.Fatal(err)
		}
		waitFor(tb, "no term to match", `!!document.querySelector(".wm-notice")`)
		// A related-term link clears a filter that hides its target and
		// moves focus there.
		eval[bool](tb, `document.getElementById("wm-filter-terms").value = ""; document.getElementById("wm-filter-terms").dispatchEvent(new Event("input")); true`)
		waitFor(tb, "every term again", `document.querySelectorAll(".wm-entry[hidden]").length === 0`)
		eval[bool](tb, `document.querySelector('#wm-a-term-externalization .wm-related a').focus(); true`)
		pressAndCheck(tb, u, kb.Enter, false)
		waitFor(tb, "focus on the related term", `document.activeElement.id === "wm-a-term-internalization"`)
		onlyFrom(t, u, tb.Requests(), s.origin)
		if n := eval[int](tb, storedKeys); n != 0 {
			t.Errorf("%s: the glossary stored %d items", u, n)
		}
		noConsoleErrors(tb, u)
	}
}

// glossaryReadable: without the app, every entry is there and the letter
// index leads to its terms.
func glossaryReadable(tb *tab, where string) {
	t := tb.t
	t.Helper()
	if n := eval[int](tb, `document.querySelectorAll(".wm-entry").length`); n < 13 {
		t.Errorf("%s: %d entries readable, want every term", where, n)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.wm-letters a[href="#term-non-refoulement"]`))); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, "the letter link", `location.hash === "#term-non-refoulement"`)
	if !eval[bool](tb, `document.querySelector("#term-non-refoulement").matches(":target")`) {
		t.Errorf("%s: the letter index does not lead to its term", where)
	}
}

// Terms in the journey: a definition on focus, on hover (staying while the
// pointer moves onto it), closed by Escape; a plain link without script.
func TestGlossaryBrowserTermsInTheJourney(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.JourneyName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)
		const term = `document.querySelector(".wm-open button.wm-term")`
		const tip = `document.getElementById(` + term + `.getAttribute("aria-describedby"))`
		if eval[bool](tb, `!`+term) {
			t.Fatalf("%s: the open stage marks no glossary term", u)
		}
		eval[bool](tb, term+`.focus(); true`)
		waitFor(tb, "the definition on focus", `!`+tip+`.hidden`)
		press(tb, kb.Escape, false)
		waitFor(tb, "Escape to close the definition", tip+`.hidden`)
		if !eval[bool](tb, `document.activeElement === `+term) {
			t.Errorf("%s: Escape moved focus away from the term", u)
		}
		eval[bool](tb, `document.activeElement.blur(); true`)

		// Hover the term, then move onto the definition: it stays.
		box := func(js string) (x, y float64) {
			r := eval[[]float64](tb, `(() => { const r = `+js+`.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
			return r[0], r[1]
		}
		eval[bool](tb, term+`.scrollIntoView({block: "center"}); true`)
		x, y := box(term)
		mouse(tb, x, y)
		waitFor(tb, "the definition on hover", `!`+tip+`.hidden`)
		tx, ty := box(tip)
		mouse(tb, x, (y+ty)/2)
		mouse(tb, tx, ty)
		settle(tb)
		if eval[bool](tb, tip+`.hidden`) {
			t.Errorf("%s: the definition closed when the pointer moved onto it", u)
		}
		press(tb, kb.Escape, false)
		waitFor(tb, "Escape to close a hovered definition", tip+`.hidden`)

		// A tap or a click on the term, as on a phone, shows the
		// definition; Escape closes it.
		mouse(tb, 1, 1)
		eval[bool](tb, `document.activeElement.blur(); true`)
		waitFor(tb, "the definition to close when the pointer leaves", tip+`.hidden`)
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.JSPath(term))); err != nil {
			t.Fatal(err)
		}
		waitFor(tb, "the definition after a click", `!`+tip+`.hidden`)
		press(tb, kb.Escape, false)
		waitFor(tb, "Escape to close a clicked definition", tip+`.hidden`)
		noConsoleErrors(tb, u)

		pre := open(t, u, tabOptions{noScript: true})
		waitFor(pre, "the page", `document.readyState === "complete"`)
		href := eval[string](pre, `document.querySelector(".wm-term").getAttribute("href")`)
		if !strings.HasPrefix(href, widgets.Path(widgets.GlossaryName, s.contentOf(u))+"#term-") {
			t.Errorf("%s without script: a term links to %q, want its glossary entry", u, href)
		}
	}
}

func mouse(tb *tab, x, y float64) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y}); err != nil {
		tb.t.Fatal(err)
	}
}

// An open definition stays inside the page on a phone; a screenshot shows
// it over the journey's text, for review.
func TestGlossaryBrowserDefinitionOnAPhone(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.JourneyName) {
		tb := open(t, u, tabOptions{width: 320})
		waitApp(tb)
		eval[bool](tb, `document.querySelector(".wm-open button.wm-term").focus(); true`)
		waitFor(tb, "the definition", `!!document.querySelector(".wm-def:not([hidden])")`)
		settle(tb)
		if r := eval[[]float64](tb, `(() => { const r = document.querySelector(".wm-def:not([hidden])").getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth, document.documentElement.scrollWidth]; })()`); r[0] < 0 || r[1] > r[2] || r[3] > r[2] {
			t.Errorf("%s at 320 px: the open definition spans %.0f to %.0f px of a %.0f px page (page scrolls to %.0f px)", u, r[0], r[1], r[2], r[3])
		}
		// It opens in the flow: the text it explains moves down rather
		// than lying under it.
		if covered := eval[[]string](tb, definitionCovers); len(covered) > 0 {
			t.Errorf("%s at 320 px: the open definition covers the widget's text: %q", u, covered)
		}
		name := strings.Trim(strings.ReplaceAll(strings.TrimPrefix(u, s.origin), "/", "-"), "-")
		screenshot(tb, name+"-320-term")
	}
}

// definitionCovers lists the texts of the widget, outside the open
// definition, that the definition lies over.
const definitionCovers = `(() => {
	const d = document.querySelector(".wm-def:not([hidden])"), r = d.getBoundingClientRect();
	const walk = document.createTreeWalker(document.querySelector(".wm"), NodeFilter.SHOW_TEXT);
	const covered = [];
	for (let n; (n = walk.nextNode()); ) {
		if (!n.textContent.trim() || d.contains(n) || n.parentElement.closest(".wm-sr")) continue;
		const range = document.createRange();
		range.selectNodeContents(n);
		if ([...range.getClientRects()].some(q => q.width > 0 && q.height > 0 &&
			q.left < r.right - 1 && q.right > r.left + 1 && q.top < r.bottom - 1 && q.bottom > r.top + 1))
			covered.push(n.textContent.trim().slice(0, 30));
	}
	return covered.slice(0, 3);
})()`
