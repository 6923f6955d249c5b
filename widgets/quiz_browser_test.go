//go:build browser

package widgets_test

// Real-browser checks of the quiz widget beyond the suite every kind
// passes (kinds_browser_test.go).

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// What the suite every kind passes (kinds_browser_test.go) needs to know
// of this one.
func init() {
	kindChecks[widgets.QuizName] = kindCheck{
		firstScreen: []string{".wm-question .wm-question-text", ".wm-question .wm-option"},
		content:     ".wm-question",
		readable:    quizReadable,
		embedded: []embedStep{
			// go-app handles the two clicks in the order they came.
			{what: "checking an answer (its explanation appears)", do: `(() => { document.querySelector(".wm-question input").click(); document.querySelector(".wm-quiz-check").click(); })()`, until: `!!document.querySelector(".wm-feedback")`},
			{what: "resetting", do: `document.querySelector(".wm-reset").click()`, until: `!document.querySelector(".wm-feedback")`},
		},
		live: checkFirstQuestion,
	}
}

// checkFirstQuestion answers the first question with its first option,
// which brings up its verdict, explanation and marker, and the score.
func checkFirstQuestion(tb *tab) {
	tb.t.Helper()
	eval[bool](tb, `document.querySelector(".wm-question input").click(); true`)
	eval[bool](tb, `document.querySelector(".wm-quiz-check").click(); true`)
	waitFor(tb, "the first question's verdict", `!!document.querySelector(".wm-feedback .wm-verdict")`)
}

// quizReadable: without the app, every question is there with its
// options, an option's label chooses it, and "Show the answer", opened by
// the keyboard, shows the answer and its explanation.
func quizReadable(tb *tab, where string) {
	t := tb.t
	t.Helper()
	c := served(t).contentOf(eval[string](tb, `location.href`))
	if n := eval[int](tb, `document.querySelectorAll(".wm-question").length`); n != len(c.Quiz.Questions) {
		t.Errorf("%s: %d questions readable, want every one (%d)", where, n, len(c.Quiz.Questions))
	}
	if n := eval[int](tb, `document.querySelectorAll(".wm-question:first-child input[type=radio]").length`); n < 2 {
		t.Errorf("%s: the first question has %d options", where, n)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.wm-question:first-child .wm-option:nth-child(2)`))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](tb, `document.querySelector(".wm-question:first-child .wm-option:nth-child(2) input").checked`) {
		t.Errorf("%s: clicking an option's label does not choose it", where)
	}
	const explanation = `document.querySelector(".wm-question:first-child .wm-explain")`
	if eval[bool](tb, explanation+`.checkVisibility()`) {
		t.Errorf("%s: the answer shows before the reader asks for it", where)
	}
	eval[bool](tb, `document.querySelector(".wm-question:first-child summary").focus(); true`)
	press(tb, kb.Enter, false)
	waitFor(tb, "the answer to show", explanation+`.checkVisibility()`)
	first := c.Quiz.Questions[0]
	var answer string
	for _, o := range first.Options {
		if o.ID == first.Answer {
			answer = fill(c.UI.QuizAnswer, "answer", o.Text)
		}
	}
	if got := eval[string](tb, explanation+`.textContent`); answer == "" || !strings.Contains(got, answer) {
		t.Errorf("%s: the first answer reads %q, want %q", where, got, answer)
	}
}

// An educator's round in one tab: a question answered by keyboard, one by
// touch, the score shown and announced, the answers still there after a
// reload, the reset clearing them and the device for the next group, and
// the page printed as a handout. (Without JavaScript, quizReadable checks
// that each answer is one keypress away.)
func TestQuizBrowserKeyboardTouchReloadResetPrint(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.QuizName, s.en())
	c := s.en()
	score := func(right int) string {
		return fill(c.UI.QuizScore, "right", strconv.Itoa(right), "total", strconv.Itoa(len(c.Quiz.Questions)))
	}
	const status = `document.querySelector("[role=status]").textContent`
	// What the live region says after a check: the verdict, then the score.
	said := func(verdict string, right int) string { return verdict + " " + score(right) + "." }
	first, second := c.Quiz.Questions[0], c.Quiz.Questions[1]
	if first.Answer != first.Options[1].ID || second.Answer == second.Options[0].ID {
		t.Fatal("the check expects the first question's answer to be its second option, and the second's not its first")
	}

	tb := open(t, u, tabOptions{width: 360, height: 740})
	waitApp(tb)
	if n := eval[int](tb, storedKeys); n != 0 {
		t.Errorf("%s: %d items stored before the reader answered", u, n)
	}

	// Keyboard: Tab into the first group, the arrow down chooses the
	// second option, Tab to Check, Enter.
	var f focus
	for i := 0; i < 12 && !strings.HasPrefix(f.HTML, "<input"); i++ {
		f = pressAndCheck(tb, u, kb.Tab, false)
	}
	if !strings.Contains(f.HTML, `name="`+first.ID+`"`) {
		t.Fatalf("%s: keyboard: Tab never reached the first question's options (%s)", u, f.HTML)
	}
	pressAndCheck(tb, u, kb.ArrowDown, false)
	if got := eval[string](tb, `(document.querySelector("input[name='`+first.ID+`']:checked") || {}).value || ""`); got != first.Answer {
		t.Errorf("%s: keyboard: the arrow down chose %q, want the second option", u, got)
	}
	if f = pressAndCheck(tb, u, kb.Tab, false); !strings.Contains(f.HTML, "wm-quiz-check") {
		t.Fatalf("%s: keyboard: Tab after the options is on %s, want Check", u, f.HTML)
	}
	press(tb, kb.Enter, false)
	waitFor(tb, "focus on the verdict", `document.activeElement.id === "wm-fb-`+first.ID+`"`)
	if f := eval[focus](tb, focusState); !f.Visible {
		t.Errorf("%s: keyboard: the verdict has focus but shows no focus indicator", u)
	}
	right := fill(c.UI.QuizRight, "answer", first.Options[1].Text)
	if got := eval[string](tb, `document.querySelector("#wm-fb-`+first.ID+` .wm-verdict").textContent`); got != right {
		t.Errorf("%s: a right answer is told %q, want %q", u, got, right)
	}
	waitFor(tb, "the verdict and score to be announced", status+` === `+strconv.Quote(said(right, 1)))
	if got := eval[string](tb, `document.querySelector(".wm-score-text").textContent`); got != score(1) {
		t.Errorf("%s: the score shows %q, want %q", u, got, score(1))
	}
	key := "waymark.quiz." + c.UI.Lang
	if got := eval[string](tb, `localStorage.getItem(`+strconv.Quote(key)+`) || ""`); got != first.ID+"="+first.Answer {
		t.Errorf("%s: the device keeps %q under %s", u, got, key)
	}

	// Touch: a finger taps the second question's first option, then Check.
	v := view{tb: tb, where: u + " at 360 px"}
	tapOn := func(sel string) {
		t.Helper()
		v.bringTo(sel, 0.5)
		r := v.rectOf(sel)
		tap(tb, (r.Left+r.Right)/2, (r.Top+r.Bottom)/2)
		settle(tb)
	}
	tapOn(`label[for="wm-q-` + second.ID + `-` + second.Options[0].ID + `"]`)
	tapOn(`#wm-a-q-` + second.ID + ` .wm-quiz-check`)
	waitFor(tb, "the second verdict", `!!document.querySelector("#wm-fb-`+second.ID+` .wm-verdict-wrong")`)
	wrong := fill(c.UI.QuizWrong, "choice", second.Options[0].Text, "answer", second.Options[1].Text)
	if got := eval[string](tb, `document.querySelector("#wm-fb-`+second.ID+` .wm-verdict").textContent`); got != wrong {
		t.Errorf("%s: a wrong answer is told %q, want %q", u, got, wrong)
	}
	// The score is unchanged: only the verdict tells this announcement
	// from the first.
	waitFor(tb, "the verdict and score after a wrong answer", status+` === `+strconv.Quote(said(wrong, 1)))
	if eval[bool](tb, `!document.querySelector("#wm-fb-`+second.ID+` button.wm-ref")`) {
		t.Errorf("%s: the explanation has no citation marker", u)
	}

	// A reload keeps both answers and the score.
	if err := chromedp.Do(tb.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitApp(tb)
	waitFor(tb, "the kept answers", `!!document.getElementById("wm-fb-`+first.ID+`") && !!document.getElementById("wm-fb-`+second.ID+`")`)
	if got := eval[string](tb, `document.querySelector(".wm-score-text").textContent`); got != score(1) {
		t.Errorf("%s: after a reload the score shows %q, want %q", u, got, score(1))
	}
	if !eval[bool](tb, `document.getElementById("wm-q-`+first.ID+`-`+first.Answer+`").checked`) {
		t.Errorf("%s: after a reload the option answered does not show as chosen", u)
	}

	// Reset, by keyboard: everything cleared, on the screen and the
	// device, and focus on the quiz's heading for the next group.
	eval[bool](tb, `document.querySelector(".wm-reset").focus(); true`)
	press(tb, kb.Enter, false)
	waitFor(tb, "the answers to clear", `!document.querySelector(".wm-feedback") && !document.querySelector(".wm-quiz input:checked")`)
	waitFor(tb, "focus on the heading", `document.activeElement.id === "wm-title"`)
	if n := eval[int](tb, storedKeys); n != 0 {
		t.Errorf("%s: %d items still stored after the reset", u, n)
	}
	if said := eval[string](tb, status); said != c.UI.Forgotten {
		t.Errorf("%s: the reset was announced as %q, want %q", u, said, c.UI.Forgotten)
	}
	if got := eval[string](tb, `document.querySelector(".wm-score-text").textContent`); got != score(0) {
		t.Errorf("%s: after the reset the score shows %q", u, got)
	}
	onlyFrom(t, u, tb.Requests(), s.origin)
	noConsoleErrors(tb, u)

	// The same page printed: every question with an empty box before each
	// option, no buttons, and the answers after the questions.
	checkFirstQuestion(tb)
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(794, 1123)); err != nil {
		t.Fatal(err)
	}
	settle(tb)
	if got := shownCount(tb, ".wm-question"); got != len(c.Quiz.Questions) {
		t.Errorf("%s (print): %d of %d questions printed", u, got, len(c.Quiz.Questions))
	}
	for _, sel := range []string{"button:not(.wm-ref)", "input", "details", ".wm-feedback", ".wm-score"} {
		if n := shownCount(tb, sel); n != 0 {
			t.Errorf("%s (print): %d %s elements printed", u, n, sel)
		}
	}
	if boxes := eval[[]string](tb, `[...new Set([...document.querySelectorAll(".wm-option")].map(l => getComputedStyle(l, "::before").content))]`); len(boxes) != 1 || boxes[0] != "\"\u2610\"" {
		t.Errorf("%s (print): options print with %v, want an empty box each, the answered one too", u, boxes)
	}
	if got := shownCount(tb, ".wm-quiz-key li"); got != len(c.Quiz.Questions) {
		t.Errorf("%s (print): %d answers printed, want %d", u, got, len(c.Quiz.Questions))
	}
	if eval[bool](tb, `document.querySelector(".wm-quiz-key").getBoundingClientRect().top < document.querySelector(".wm-questions").getBoundingClientRect().bottom`) {
		t.Errorf("%s (print): the answers print before the last question", u)
	}
	if n := shownCount(tb, ".wm-credit"); n != 1 {
		t.Errorf("%s (print): the credit line is not printed", u)
	}
	shotOf(tb, ".wm-question", "print-quiz-first-question")
	shotOf(tb, ".wm-quiz-key", "print-quiz-answers")
}

// Where the browser refuses storage, the quiz still checks and scores,
// and says the answers will not be remembered.
func TestQuizBrowserStorageBlocked(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.QuizName, s.en())
	c := s.en()
	first := c.Quiz.Questions[0]
	tb := open(t, u, tabOptions{blockStorage: true})
	waitApp(tb)
	// The right option, so the score moves from what it was before the check.
	eval[bool](tb, `document.getElementById("wm-q-`+first.ID+`-`+first.Answer+`").click(); true`)
	eval[bool](tb, `document.querySelector("#wm-a-q-`+first.ID+` .wm-quiz-check").click(); true`)
	waitFor(tb, "the first question's verdict", `!!document.querySelector("#wm-fb-`+first.ID+` .wm-verdict-right")`)
	want := fill(c.UI.QuizScore, "right", "1", "total", strconv.Itoa(len(c.Quiz.Questions)))
	waitFor(tb, "the score", `document.querySelector(".wm-score-text").textContent === `+strconv.Quote(want))
	if said := eval[string](tb, `document.querySelector(".wm-storage").textContent`); said != c.UI.QuizStorageBlocked {
		t.Errorf("%s (storage blocked): the quiz says %q, want that the answers won't be remembered (%q)", u, said, c.UI.QuizStorageBlocked)
	}
	noConsoleErrors(tb, u+" (storage blocked)")
}
