//go:build browser

package widgets_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// shownSlide is the label of the slide on screen, "" if none or several.
const shownSlide = `(() => {
	const shown = [...document.querySelectorAll("main > .wm-slide")].filter(s => s.getClientRects().length > 0);
	return shown.length === 1 ? shown[0].getAttribute("aria-label") : "";
})()`

// An educator presents the journey on a 1024×768 projector with a
// keyboard or a clicker, and follows in a presenter view in a second tab:
// slides in stage order, one at a time, in type readable from the back of
// the room; the address follows the slide; the two tabs keep in step
// whichever one moves; the timer runs; focus stays visible and where the
// presenter left it; accessible at the projector's size and at 1080p.
func TestPresentationInTheBrowser(t *testing.T) {
	t.Parallel()
	s := served(t)
	c := s.en()
	base := s.origin + widgets.PresentPath(widgets.JourneyName, c)
	tb := open(t, base, tabOptions{width: 1024, height: 768})
	waitApp(tb)
	total := 1
	for _, st := range c.Journey.Stages {
		total += 1 + len(st.Technologies)
	}
	label := func(n int, title string) string {
		return fmt.Sprintf("Slide %d of %d: %s", n, total, title)
	}
	first := c.Journey.Stages[0]
	tech := first.Technologies[0]
	want := func(tb *tab, n int, title, how string) {
		t.Helper()
		waitFor(tb, fmt.Sprintf("slide %d (%s) after %s", n, title, how), shownSlide+` === `+jsString(label(n, title)))
		if hash := eval[string](tb, `location.hash`); hash != fmt.Sprintf("#slide-%d", n) && (n != 1 || hash != "") {
			t.Errorf("after %s the address ends %q, want #slide-%d", how, hash, n)
		}
	}
	want(tb, 1, c.Journey.Title, "opening")
	press(tb, kb.ArrowRight, false)
	want(tb, 2, first.Title, "the right arrow")
	press(tb, kb.PageDown, false) // what a clicker sends
	want(tb, 3, tech.Name, "Page Down")

	// The back row reads it: the technology's name and its first line fill
	// the projector's screen, in large type, above the controls.
	size := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector("main > .wm-slide:not([hidden]) .wm-slide-lead")).fontSize)`)
	if size < 28 {
		t.Errorf("at 1024 px the slide's text is %.0f px, too small to read from the back of a room", size)
	}
	if bottom := eval[float64](tb, `document.querySelector("main > .wm-slide:not([hidden]) .wm-slide-title").getBoundingClientRect().bottom`); bottom > 400 {
		t.Errorf("the technology's name ends %.0f px down a 768 px screen", bottom)
	}
	if eval[bool](tb, `document.scrollingElement.scrollHeight > innerHeight + 2 && document.querySelector(".wm-present-bar").getBoundingClientRect().bottom > innerHeight + 1`) {
		t.Error("the slide controls are below the projector's screen")
	}
	viewShot(tb, "present-1024")
	checkAxe(tb, "presentation at 1024×768")

	press(tb, kb.PageUp, false)
	want(tb, 2, first.Title, "Page Up")
	press(tb, kb.End, false)
	last := c.Journey.Stages[len(c.Journey.Stages)-1]
	want(tb, total, last.Technologies[len(last.Technologies)-1].Name, "End")
	press(tb, kb.Home, false)
	want(tb, 1, c.Journey.Title, "Home")

	// The Next button, by keyboard: focus stays on it, visibly, so the
	// presenter can press it again.
	eval[bool](tb, `document.querySelector(".wm-present-bar .wm-next").focus(); true`)
	press(tb, kb.Enter, false)
	want(tb, 2, first.Title, "Enter on Next")
	if !eval[bool](tb, `document.activeElement === document.querySelector(".wm-present-bar .wm-next") && document.activeElement.matches(":focus-visible")`) {
		t.Error("after Next, focus is not visibly on the Next button")
	}
	if got := eval[string](tb, `document.querySelector("[role=status]").textContent`); got != label(2, first.Title) {
		t.Errorf("the live region says %q, want %q", got, label(2, first.Title))
	}

	// The presenter view, in a second tab of the same browser, opened at
	// the slide the room is on.
	pctx, cancel := chromedp.NewContext(tb.ctx)
	t.Cleanup(cancel)
	pv := &tab{ctx: pctx, t: t, held: make(chan fetch.RequestID, 1), wasmFailed: make(chan struct{})}
	if err := chromedp.Do(pctx,
		chromedp.EmulateViewport(1280, 800),
		callAction(emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}),
		chromedp.Navigate(eval[string](tb, `document.querySelector(".wm-present-presenter").href`)),
	); err != nil {
		t.Fatalf("opening the presenter view: %v", err)
	}
	waitApp(pv)
	now := `document.querySelector("#wm-now-h").textContent`
	waitFor(pv, "the presenter view at slide 2", now+` === "Slide 2 of `+fmt.Sprint(total)+`"`)
	if next := eval[string](pv, `document.querySelector(".wm-presenter-next .wm-slide-title").textContent`); next != tech.Name {
		t.Errorf("the presenter view's next slide is %q, want %q", next, tech.Name)
	}
	// The room's tab moves: the presenter's follows, with the notes.
	press(tb, kb.ArrowRight, false)
	want(tb, 3, tech.Name, "the right arrow")
	waitFor(pv, "the presenter view to follow to slide 3", now+` === "Slide 3 of `+fmt.Sprint(total)+`"`)
	if notes := eval[string](pv, `document.querySelector(".wm-presenter-notes").textContent`); !strings.Contains(notes, tech.Summary[:40]) {
		t.Errorf("the notes for %s do not hold its summary", tech.Name)
	}
	// The presenter moves: the room's tab follows.
	press(pv, kb.ArrowRight, false)
	waitFor(pv, "the presenter view at slide 4", now+` === "Slide 4 of `+fmt.Sprint(total)+`"`)
	want(tb, 4, first.Technologies[1].Name, "the presenter's right arrow")
	waitFor(pv, "the timer to run", `document.querySelector(".wm-presenter-clock").textContent !== "0:00"`)
	checkAxe(pv, "presenter view")

	// At 1080p, the same slide, as large.
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(1920, 1080)); err != nil {
		t.Fatal(err)
	}
	settle(tb)
	checkAxe(tb, "presentation at 1920×1080")
	viewShot(tb, "present-1920")
	noConsoleErrors(tb, "presentation")
}

// Right to left, the left arrow is the next slide, and Latin names are
// marked for the voice that reads them; the figures come as slides too;
// without scripts every slide is on the page.
func TestPresentationRightToLeftAndWithoutScripts(t *testing.T) {
	t.Parallel()
	s := served(t)
	ar := s.contents["ar"]
	u := s.origin + widgets.PresentPath(widgets.JourneyName, ar)
	tb := open(t, u, tabOptions{width: 1024, height: 768})
	waitApp(tb)
	press(tb, kb.ArrowLeft, false)
	waitFor(tb, "the left arrow to show the second slide right to left", `location.hash === "#slide-2"`)
	press(tb, kb.ArrowRight, false)
	waitFor(tb, "the right arrow to go back right to left", `location.hash === "#slide-1"`)
	checkRightToLeft(tb, u+" (presentation)")

	// The figures' slides, on the same projector: the first figure's
	// number, large, after the title.
	fig := s.en().Figures.Figures[0]
	fu := s.origin + widgets.PresentPath(widgets.FiguresName, s.en())
	figs := open(t, fu, tabOptions{width: 1024, height: 768})
	waitApp(figs)
	press(figs, kb.PageDown, false)
	waitFor(figs, "the first figure's slide", `location.hash === "#slide-2" && getComputedStyle(document.querySelector("#slide-2 .wm-slide-big")).fontSize !== ""`)
	if size := eval[float64](figs, `parseFloat(getComputedStyle(document.querySelector("#slide-2 .wm-slide-big")).fontSize)`); size < 64 {
		t.Errorf("%s: the figure %s is %.0f px on a 1024 px projector", fu, fig.ID, size)
	}
	viewShot(figs, "present-figures-1024")
	checkAxe(figs, fu)
	noConsoleErrors(figs, fu)

	plain := open(t, u, tabOptions{width: 1024, height: 768, noScript: true})
	waitFor(plain, "the page", `document.readyState === "complete"`)
	n := 1
	for _, st := range ar.Journey.Stages {
		n += 1 + len(st.Technologies)
	}
	if got := eval[int](plain, `[...document.querySelectorAll(".wm-slide")].filter(s => s.getClientRects().length > 0).length`); got != n {
		t.Errorf("without scripts %d of %d slides show", got, n)
	}
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return fmt.Sprintf("%q", s)
}
