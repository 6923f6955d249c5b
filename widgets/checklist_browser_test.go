//go:build browser

package widgets_test

// Real-browser checks of the checklist widget beyond the suite every kind
// passes (kinds_browser_test.go).

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// What the suite every kind passes (kinds_browser_test.go) needs to know
// of this one.
func init() {
	kindChecks[widgets.ChecklistName] = kindCheck{
		firstScreen: []string{".wm-nav", ".wm-open .wm-item-text"},
		// In an article's column on a phone the first recommendation's
		// last line falls below the first screen; the lists and the one
		// open are there.
		firstScreenEmbedded: []string{".wm-nav", ".wm-open h2"},
		// Past the choice of list: the open list.
		content:  ".wm-open h2",
		copy:     copySummary,
		readable: checklistReadable,
		embedded: []embedStep{
			{what: "answering (the summary appears)", do: `document.querySelector(".wm-open input[value=d]").click()`, until: `!!document.querySelector(".wm-summary")`},
			{what: "changing list", do: `document.getElementById("wm-tab-organizations").click()`, until: `document.querySelector(".wm-open").id === "wm-a-organizations"`},
			{what: "forgetting", do: `document.querySelector(".wm-forget").click()`, until: `!document.querySelector("input:checked")`},
		},
		live: answerOne,
	}
}

// answerOne answers the first item of the open checklist, which brings up
// its summary.
func answerOne(tb *tab) {
	tb.t.Helper()
	eval[bool](tb, `document.querySelector(".wm-open input[value=d]").click(); true`)
	waitFor(tb, "the summary", `!!document.querySelector(".wm-summary")`)
}

func TestChecklistBrowserKeyboardAndStorage(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.ChecklistName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)
		if n := eval[int](tb, storedKeys); n != 0 {
			t.Errorf("%s: %d items stored before the reader answered anything", u, n)
		}
		// Tab to the first answer of the first item; arrows change it.
		var f focus
		for i := 0; i < 40 && !strings.HasPrefix(f.HTML, `<input`); i++ {
			f = pressAndCheck(tb, u, kb.Tab, false)
		}
		if !strings.HasPrefix(f.HTML, "<input") {
			t.Fatalf("%s: keyboard: Tab never reached an answer", u)
		}
		// The arrow that goes to the next answer points the way the
		// answers read: right in English, left in Arabic.
		next := kb.ArrowRight
		if s.contentOf(u).UI.Dir == "rtl" {
			next = kb.ArrowLeft
		}
		pressAndCheck(tb, u, " ", false)
		pressAndCheck(tb, u, next, false)
		if got := eval[string](tb, `document.querySelector(".wm-open input[type=radio]:checked").value`); got != "n" {
			t.Errorf("%s: keyboard: Space then the arrow towards the next answer answered %q, want n (not yet)", u, got)
		}
		c := s.contentOf(u)
		progress := func(done int) string {
			return fill(c.UI.Progress, "done", strconv.Itoa(done), "total", strconv.Itoa(len(c.Checklist.Lists[0].Items)))
		}
		if got := eval[string](tb, `document.getElementById("wm-progress-text").textContent`); got != progress(0) {
			t.Errorf("%s: progress says %q after a not-yet answer, want %q", u, got, progress(0))
		}
		eval[bool](tb, `document.querySelector(".wm-open input[type=radio][value=d]").click(); true`)
		waitFor(tb, "progress to count the done item", `document.getElementById("wm-progress-text").textContent === `+strconv.Quote(progress(1)))
		if n := eval[int](tb, storedKeys); n == 0 {
			t.Errorf("%s: the answers were not kept on the device after the reader answered", u)
		}
		link := eval[string](tb, `document.getElementById("wm-share").value`)
		if !strings.Contains(link, "#states:3:"+eval[string](tb, `document.querySelector(".wm-open .wm-item").id.replace(/^wm-a-/, "")`)+"=d") {
			t.Errorf("%s: share link %q does not carry the answer", u, link)
		}

		// Reloading keeps the answers; the shared link opens them elsewhere.
		if err := chromedp.Do(tb.ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		waitApp(tb)
		waitFor(tb, "the kept answer", `!!document.querySelector(".wm-open input[value=d]:checked")`)

		// Forget: keyboard to the button, Enter; storage empty, focus kept.
		eval[bool](tb, `document.querySelector(".wm-forget").focus(); true`)
		pressAndCheck(tb, u, kb.Enter, false)
		waitFor(tb, "the answers to clear", `!document.querySelector(".wm-open input[type=radio]:checked")`)
		if n := eval[int](tb, storedKeys); n != 0 {
			t.Errorf("%s: %d items still stored after forgetting", u, n)
		}
		if said := eval[string](tb, `document.querySelector("[role=status]").textContent`); said != c.UI.Forgotten {
			t.Errorf("%s: forgetting was announced as %q, want %q", u, said, c.UI.Forgotten)
		}
		onlyFrom(t, u, tb.Requests(), s.origin)
		noConsoleErrors(tb, u)

		// The shared link opens the answers in another browser.
		other := open(t, link, tabOptions{})
		waitApp(other)
		if got := eval[string](other, `document.getElementById("wm-progress-text").textContent`); got != progress(1) {
			t.Errorf("%s: the shared link opened with progress %q, want %q", u, got, progress(1))
		}
		if n := eval[int](other, storedKeys); n != 0 {
			t.Errorf("%s: opening a shared link stored %d items before the reader answered", u, n)
		}

	}
}

func TestChecklistBrowserHostileShareLinks(t *testing.T) {
	t.Parallel()
	s := served(t)
	// The link is read by code that knows no language.
	for _, u := range s.englishPage(widgets.ChecklistName) {
		for _, frag := range []string{"states:qqq", "nope:d", "states:" + strings.Repeat("d", 400), "states:%22%3E%3Cimg%20src=x%3E"} {
			tb := open(t, u+"#"+frag, tabOptions{})
			waitApp(tb)
			notice := eval[string](tb, `(document.querySelector(".wm-notice") || {}).textContent || ""`)
			if said, _, _ := strings.Cut(s.contentOf(u).UI.ShareInvalid, "{reason}"); !strings.HasPrefix(notice, said) {
				t.Errorf("%s#%.40s: no clear message (%q)", u, frag, notice)
			}
			if n := eval[int](tb, `document.querySelectorAll("img").length`); n != 0 {
				t.Errorf("%s#%.40s: the link injected markup", u, frag)
			}
			noConsoleErrors(tb, u+"#"+frag)
		}
	}
}

// An old link says what it can no longer read and fills in the rest: a
// link of version 1 (answers by position) still reaches its items, and a
// link that names an item the checklist no longer has says so.
func TestChecklistBrowserOldLinks(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.ChecklistName, s.en())
	first := s.en().Checklist.Lists[0].Items[0].ID
	tb := open(t, u+"#states:d", tabOptions{})
	waitApp(tb)
	if !eval[bool](tb, `document.getElementById("wm-`+first+`-d").checked`) {
		t.Errorf("%s#states:d: a link of version 1 does not answer the first item", u)
	}
	tb = open(t, u+"#states:2:states-gone=d,"+first+"=x", tabOptions{})
	waitApp(tb)
	if notice := eval[string](tb, `[...document.querySelectorAll(".wm-notice")].map(n => n.textContent).join(" ")`); !strings.Contains(notice, "no longer has") {
		t.Errorf("%s: a link naming a removed item says %q, want that one answer is left out", u, notice)
	}
	if !eval[bool](tb, `document.getElementById("wm-`+first+`-x").checked`) {
		t.Errorf("%s: a link naming a removed item does not fill in the others", u)
	}
	noConsoleErrors(tb, u)
}

// checklistReadable: without the app, the first list shows, an answer's
// label ticks it, and the link to the other list opens it.
func checklistReadable(tb *tab, where string) {
	t := tb.t
	t.Helper()
	if got := eval[string](tb, visibleStages); got != "states" {
		t.Errorf("%s: visible lists %q, want states", where, got)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`label[for="wm-states-impact-assessments-d"]`))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](tb, `document.getElementById("wm-states-impact-assessments-d").checked`) {
		t.Errorf("%s: clicking an answer's label does not tick it", where)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#wm-tab-organizations"))); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, "the organizations list", `location.hash === "#organizations"`)
	if got := eval[string](tb, visibleStages); got != "organizations" {
		t.Errorf("%s: after following the link, visible lists %q", where, got)
	}
}

func TestChecklistBrowserKeepsAnswersGivenBeforeTheApp(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.englishPage(widgets.ChecklistName) {
		// The wasm is held back until the reader has answered, as on a slow
		// connection; then it arrives and the app takes over.
		tb := open(t, u, tabOptions{holdWasm: true})
		waitFor(tb, "the page", `!!document.getElementById("wm-states-safeguards-x")`)
		eval[bool](tb, `document.getElementById("wm-states-safeguards-x").click(); true`)
		release(tb)
		waitApp(tb)
		if !eval[bool](tb, `document.getElementById("wm-states-safeguards-x").checked`) {
			t.Errorf("%s: the answer given before the app took over was lost", u)
		}
	}
}

func TestChecklistBrowserStorageBlocked(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.englishPage(widgets.ChecklistName) {
		tb := open(t, u, tabOptions{blockStorage: true})
		waitApp(tb)
		eval[bool](tb, `document.querySelector(".wm-open input[value=d]").click(); true`)
		c := s.contentOf(u)
		done := fill(c.UI.Progress, "done", "1", "total", strconv.Itoa(len(c.Checklist.Lists[0].Items)))
		waitFor(tb, "progress to count the done answer", `document.getElementById("wm-progress-text").textContent === `+strconv.Quote(done))
		if said := eval[string](tb, `document.querySelector(".wm-storage").textContent`); said != c.UI.StorageBlocked {
			t.Errorf("%s (storage blocked): the checklist says %q, want that the answers won't be remembered (%q)", u, said, c.UI.StorageBlocked)
		}
		noConsoleErrors(tb, u+" (storage blocked)")
	}
}

// The handout an educator prints: every item of every list, empty boxes
// where nothing was answered, no buttons or progress, and the credit line.
func TestChecklistBrowserPrintHandout(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.englishPage(widgets.ChecklistName) {
		tb := open(t, u, tabOptions{print: true})
		waitApp(tb)
		eval[bool](tb, `document.querySelector(".wm-open input[value=d]").click(); true`)
		waitFor(tb, "the summary", `!!document.querySelector(".wm-summary")`)
		shown := func(sel string) int {
			return eval[int](tb, `[...document.querySelectorAll("`+sel+`")].filter(e => e.getClientRects().length > 0).length`)
		}
		if all, got := eval[int](tb, `document.querySelectorAll(".wm-item").length`), shown(".wm-item"); got != all {
			t.Errorf("%s (print): %d of %d items printed", u, got, all)
		}
		// Glossary terms are buttons in the app but print as the words of
		// the text they are, and citation markers as the numbers of the
		// endnotes.
		for _, sel := range []string{"button:not(.wm-term):not(.wm-ref)", "input", "progress", ".wm-nav", ".wm-summary"} {
			if n := shown(sel); n != 0 {
				t.Errorf("%s (print): %d %s elements printed", u, n, sel)
			}
		}
		if n := shown(".wm-credit"); n != 1 {
			t.Errorf("%s (print): the credit line is not printed", u)
		}
		// The answer given prints ticked (TestHandoutsPrintWhatTheNumbersPointTo);
		// every other box prints empty, to tick by hand.
		box := eval[string](tb, `getComputedStyle(document.querySelector(".wm-answer:not(:has(input:checked))"), "::before").content`)
		if box != "\"\u2610\"" {
			t.Errorf("%s (print): answers not given print as %s, want empty boxes", u, box)
		}
	}
}

// Copying the summary works, or shows its text selected to copy by hand,
// visibly, where the clipboard is not the widget's: embedded by an old
// plain iframe code that does not grant it, and on its own where the
// browser refuses. Embedded by each code of today, which grant it and so
// must copy, and on its own where the browser decides, the suite every
// kind passes copies at a phone's width and a desktop's (kindCheck.copy,
// which checkReading in reader_browser_test.go runs).
func TestChecklistBrowserCopyWorksOrShowsTheText(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.ChecklistName, s.en())
	// A plain iframe code from before the clipboard was granted.
	old := plainIframe(t, s, widgets.ChecklistName, 360, func(code string) string {
		return strings.Replace(code, ` allow="clipboard-write"`, "", 1)
	})
	views := []view{{tb: old, frame: u, where: "checklist embedded by a code that does not grant the clipboard"}}
	// A browser that refuses, on the widget's own page.
	refused := open(t, u, tabOptions{width: 360})
	waitApp(refused)
	eval[bool](refused, `Object.defineProperty(navigator, "clipboard", {configurable: true, value: {writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"))}}); true`)
	views = append(views, view{tb: refused, where: u + " where the browser refuses to copy"})

	for _, v := range views {
		copySummary(v, cannotCopy)
		viewShot(v.tb, "copy-checklist-360-"+strings.NewReplacer(" ", "-", "/", "-", ":", "").Replace(strings.TrimPrefix(v.where, s.origin)))
		noConsoleErrors(v.tb, v.where)
	}
}

// copySummary answers an item of the open list, as a reader would, and
// taps the button that copies the summary: the note beside it says what
// happened where the reader can see it, and it is what the clipboard c
// allows: copied, or the summary shown, focused and selected to copy by
// hand.
func copySummary(v view, c clipboard) {
	t := v.tb.t
	t.Helper()
	// The open list's summary shows from the start; the answer is in it
	// once the app has counted it.
	v.wait("the summary", `!!document.querySelector(".wm-summary")`)
	before := veval[string](v, `document.querySelector(".wm-summary-text").textContent`)
	if !veval[bool](v, `(() => { const i = document.querySelector(".wm-open .wm-item:not(:has(input:checked)) input[value=d]"); if (i) i.click(); return !!i; })()`) {
		t.Fatalf("%s: every item of the open list is answered; nothing is left to answer before copying", v.where)
	}
	v.wait("the summary to count the answer", `document.querySelector(".wm-summary-text").textContent !== `+jsString(before))
	summary := veval[string](v, `document.querySelector(".wm-summary-text").textContent`)
	v.bringTo(".wm-actions button", 0.5)
	b := v.rectOf(".wm-actions button")
	tap(v.tb, (b.Left+b.Right)/2, (b.Top+b.Bottom)/2)
	v.wait("the copy to say what it did", `document.querySelector(".wm-copy-note").textContent !== ""`)
	v.settle()
	note := veval[string](v, `document.querySelector(".wm-copy-note").textContent`)
	n, screen := v.rectOf(".wm-copy-note"), v.onScreen()
	if n.Bottom-n.Top <= 0 || n.Top < screen.Top || n.Bottom > screen.Bottom {
		t.Errorf("%s: the copy says %q where the reader cannot see it", v.where, note)
	}
	page := served(t).contents[veval[string](v, `document.documentElement.lang`)]
	if page == nil {
		t.Fatalf("%s: the page's language is none the site has", v.where)
	}
	ui := page.UI
	switch note {
	case ui.Copied:
		if c == cannotCopy {
			t.Errorf("%s: the copy says it worked", v.where)
		}
	case ui.CopyFailed:
		if c == mustCopy {
			t.Errorf("%s: the code grants the clipboard, yet the copy failed", v.where)
		}
		text := veval[[]any](v, `(() => { const a = document.getElementById("wm-copy-text"); return a ? [a.value, a.selectionStart, a.selectionEnd, document.activeElement === a, a.getClientRects().length > 0] : []; })()`)
		if len(text) != 5 || text[0] != summary || text[1] != 0.0 || text[2] != float64(len([]rune(summary))) || text[3] != true || text[4] != true {
			t.Errorf("%s: the copy failed and the text to copy by hand is not shown, focused and selected: %v", v.where, text)
		}
	default:
		t.Errorf("%s: the copy says %q", v.where, note)
	}
}
