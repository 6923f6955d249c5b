//go:build browser

package widgets_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// typeInto focuses the element sel names and types text into it, as a
// keyboard (or a paste) would, so the page hears its input events.
func typeInto(tb *tab, sel, text string) {
	tb.t.Helper()
	eval[bool](tb, `document.querySelector(`+jsString(sel)+`).focus(); true`)
	if err := chromedp.Do(tb.ctx, callAction(input.InsertText, input.InsertTextParams{Text: text})); err != nil {
		tb.t.Fatal(err)
	}
	settle(tb)
}

// A workshop with the checklist: two groups answer on their phones, each
// names itself and copies its link; the second phone first opens the
// first group's link, which says where its answers came from, and is
// reset for the next group. The facilitator pastes both links and a
// broken one on the compare page and presses Compare by keyboard: a
// column per group, each answer in words, a count per group, and the
// broken link named. Two tabs a group, one for the facilitator.
func TestCompareBrowserWorkshop(t *testing.T) {
	t.Parallel()
	s := served(t)
	c := s.en()
	ui := c.UI
	u := s.url(widgets.ChecklistName, c)
	items := c.Checklist.Lists[0].Items

	// Group 1, on a phone: names itself, answers the first item.
	one := open(t, u, tabOptions{width: 360, height: 740})
	waitApp(one)
	eval[bool](one, `document.querySelector(".wm-open input[value=d]").click(); true`)
	waitFor(one, "the summary", `!!document.getElementById("wm-group")`)
	typeInto(one, "#wm-group", "Table 3")
	waitFor(one, "the link to carry the name", `document.getElementById("wm-share").value.endsWith(":Table%203")`)
	if got := eval[string](one, `document.querySelector(".wm-summary-text").textContent`); !strings.HasPrefix(got, "Group: Table 3\n") {
		t.Errorf("group 1's summary begins %q, want its name", got)
	}
	link1 := eval[string](one, `document.getElementById("wm-share").value`)
	eval[bool](one, `document.getElementById("wm-summary-h").scrollIntoView(); true`)
	viewShot(one, "checklist-group-360")

	// A second phone opens that link: the answers say where they came from,
	// visibly and to screen readers; then it is reset for group 2.
	two := open(t, link1, tabOptions{width: 360, height: 740})
	waitApp(two)
	want := strings.ReplaceAll(ui.ChecklistFromLinkGroup, "{group}", "Table 3") + " " + ui.ChecklistFromLinkNext
	waitFor(two, "the notice of answers from a link", `(document.querySelector(".wm-from-link") || {}).textContent === `+jsString(want))
	if !eval[bool](two, `document.querySelector(".wm-from-link").getClientRects().length > 0`) {
		t.Error("the notice of answers from a link is not visible")
	}
	waitFor(two, "the notice to be announced", `document.querySelector("[role=status]").textContent === `+jsString(want))
	if n := eval[int](two, storedKeys); n != 0 {
		t.Errorf("opening a group's link stored %d items", n)
	}
	viewShot(two, "checklist-from-link-360")
	eval[bool](two, `document.querySelector(".wm-forget").click(); true`)
	waitFor(two, "the reset", `!document.querySelector(".wm-from-link") && document.getElementById("wm-group").value === "" && !document.querySelector(".wm-open input:checked")`)

	// Group 2 answers in Arabic script, two items.
	typeInto(two, "#wm-group", "طاولة ٣")
	eval[bool](two, `document.querySelector(".wm-open input[value=x]").click(); document.querySelectorAll(".wm-open .wm-item")[1].querySelector("input[value=d]").click(); true`)
	waitFor(two, "group 2's answers in its link", `document.getElementById("wm-share").value.includes("=x,")`)
	link2 := eval[string](two, `document.getElementById("wm-share").value`)

	// The facilitator: both links, a broken one, on a laptop.
	fac := open(t, u+"compare/", tabOptions{width: 1280, height: 800})
	waitApp(fac)
	typeInto(fac, "#wm-compare-links", link1+"\n"+u+"#states:3:"+items[0].ID+"=q\n"+link2)
	// Keyboard only: from the box, past its hint, to the button.
	for i := 0; i < 3 && !eval[bool](fac, `document.activeElement.type === "submit"`); i++ {
		pressAndCheck(fac, u+"compare/", kb.Tab, false)
	}
	press(fac, kb.Enter, false)
	waitFor(fac, "the tables", `document.querySelectorAll(".wm-compare-table").length === `+strconv.Itoa(len(c.Checklist.Lists)))
	cols := eval[[]any](fac, `[...document.querySelector(".wm-compare-table thead").querySelectorAll("th")].map(th => th.textContent)`)
	if len(cols) != 3 || cols[1] != "Table 3" || cols[2] != "طاولة ٣" {
		t.Errorf("the table's columns are %v, want the recommendation and the two groups", cols)
	}
	row := func(i int) []any {
		return eval[[]any](fac, `[...document.querySelectorAll(".wm-compare-table")[0].tBodies[0].rows[`+strconv.Itoa(i)+`].cells].map(c => c.textContent)`)
	}
	if r := row(0); len(r) != 3 || r[1] != ui.AnswerDone || r[2] != ui.AnswerNA {
		t.Errorf("the first item's row is %v, want %s for group 1 and %s for group 2", r, ui.AnswerDone, ui.AnswerNA)
	}
	if r := row(1); len(r) != 3 || r[1] != ui.CompareNoAnswer || r[2] != ui.AnswerDone {
		t.Errorf("the second item's row is %v", r)
	}
	problems := eval[string](fac, `document.querySelector(".wm-compare-problems").textContent`)
	if !strings.HasPrefix(problems, "Link 2 could not be read") {
		t.Errorf("the broken link is named as %q", problems)
	}
	if said := eval[string](fac, `document.querySelector("[role=status]").textContent`); !strings.HasPrefix(said, fill(ui.CompareGroupsMany, "n", "2")) {
		t.Errorf("the comparison was announced as %q", said)
	}
	checkAxe(fac, "compare page at 1280 px")
	viewShot(fac, "checklist-compare-1280")

	// On a phone the table scrolls sideways under a recommendation column
	// that stays.
	if err := chromedp.Do(fac.ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}
	eval[bool](fac, `const b = document.querySelector(".wm-table-scroll"); b.scrollIntoView(); b.scrollLeft = (getComputedStyle(b).direction === "rtl" ? -1 : 1) * 200; true`)
	settle(fac)
	if eval[bool](fac, `document.scrollingElement.scrollWidth > innerWidth + 1`) {
		t.Error("at 360 px the compare page is wider than the screen")
	}
	if x := eval[float64](fac, `document.querySelector(".wm-compare-table tbody th").getBoundingClientRect().left`); x < 0 {
		t.Errorf("at 360 px the recommendation column scrolls away (left %.0f)", x)
	}
	checkAxe(fac, "compare page at 360 px")
	viewShot(fac, "checklist-compare-360")

	// In Arabic the page reads right to left, and the English groups'
	// links are named as links of another language.
	ar := s.contents["ar"]
	if err := chromedp.Do(fac.ctx, chromedp.Navigate(s.url(widgets.ChecklistName, ar)+"compare/")); err != nil {
		t.Fatal(err)
	}
	waitApp(fac)
	if dir := eval[string](fac, `document.documentElement.dir`); dir != "rtl" {
		t.Errorf("the Arabic compare page is %q, want rtl", dir)
	}
	typeInto(fac, "#wm-compare-links", link1)
	eval[bool](fac, `document.querySelector(".wm-compare-form button").click(); true`)
	waitFor(fac, "the other language named", `(document.querySelector(".wm-compare-problems") || {}).textContent === `+jsString(fill(ar.UI.CompareOtherLang, "n", "1", "lang", "English")))
	checkAxe(fac, "Arabic compare page at 360 px")
	viewShot(fac, "checklist-compare-ar-360")
	onlyFrom(t, "compare page", fac.Requests(), s.origin)
	for _, tb := range []*tab{one, two, fac} {
		noConsoleErrors(tb, "workshop")
	}
}
