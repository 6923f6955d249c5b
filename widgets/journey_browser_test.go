//go:build browser

package widgets_test

// Real-browser checks of the journey widget beyond the suite every kind
// passes (kinds_browser_test.go). Each check names the page, what it
// checked and what it found.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// What the suite every kind passes (kinds_browser_test.go) needs to know
// of this one.
func init() {
	kindChecks[widgets.JourneyName] = kindCheck{
		readable: journeyReadable,
		embedded: []embedStep{
			{what: "opening a list of cases", do: `document.querySelector(".wm-open .wm-cases summary").click()`, until: `!!document.querySelector(".wm-open details.wm-cases[open]")`},
			{what: "changing stage", do: `document.getElementById("wm-tab-after").click()`, until: `document.querySelector(".wm-open").id === "wm-a-after"`},
		},
	}
}

// focusState describes the focused element after an action.
const focusState = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return {where: "body"};
  const s = getComputedStyle(e);
  return {
    where: e.id || e.className || e.tagName,
    role: e.getAttribute("role") || "",
    selected: e.getAttribute("aria-selected") || "",
    visible: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
    html: e.outerHTML.slice(0, 120),
  };
})()`

type focus struct {
	Where    string `json:"where"`
	Role     string `json:"role"`
	Selected string `json:"selected"`
	Visible  bool   `json:"visible"`
	HTML     string `json:"html"`
}

// pressAndCheck presses a key and checks that focus is on something, and
// that it can be seen.
func pressAndCheck(tb *tab, page, key string, shift bool) focus {
	tb.t.Helper()
	press(tb, key, shift)
	// The app handles a key on its own event loop; read the result once it
	// has rendered, as a reader would see it.
	settle(tb)
	f := eval[focus](tb, focusState)
	if f.Where == "body" {
		tb.t.Fatalf("%s: keyboard: after %q focus fell back to the page body", page, key)
	}
	if !f.Visible {
		tb.t.Errorf("%s: keyboard: after %q the focused element has no visible focus indicator: %s", page, key, f.HTML)
	}
	return f
}

// visibleStages lists the ids of the stage sections a reader can see.
const visibleStages = `[...document.querySelectorAll(".wm-stage")].filter(s => getComputedStyle(s).display !== "none" && !s.hidden).map(s => s.id.replace(/^wm-a-/, "")).join(",")`

func TestJourneyBrowserKeyboard(t *testing.T) {
	s := served(t)
	for _, u := range s.widgetPages(widgets.JourneyName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)

		// Tab from the top reaches the filter first; arrows choose a right.
		f := pressAndCheck(tb, u, kb.Tab, false)
		if !strings.HasPrefix(f.Where, "wm-right-") {
			t.Errorf("%s: keyboard: the first Tab stop is %s, want the right filter", u, f.HTML)
		}
		pressAndCheck(tb, u, kb.ArrowRight, false)
		if n := eval[int](tb, `document.querySelectorAll(".wm-match").length`); n == 0 {
			t.Errorf("%s: keyboard: choosing a right with the arrow key highlighted nothing", u)
		}
		if txt := eval[string](tb, `(document.querySelector(".wm-open .wm-matches") || {}).textContent || ""`); txt == "" {
			t.Errorf("%s: keyboard: the highlight has no text count for the open stage", u)
		}

		// Tab on to the selected stage tab.
		for i := 0; i < 40 && f.Role != "tab"; i++ {
			f = pressAndCheck(tb, u, kb.Tab, false)
		}
		if f.Role != "tab" || f.Selected != "true" {
			t.Fatalf("%s: keyboard: Tab never reached the selected stage tab (last: %s)", u, f.HTML)
		}
		steps := []struct {
			key, wantTab, wantAnnounce string
		}{
			{kb.ArrowRight, "wm-tab-at", "At the border"},
			{kb.End, "wm-tab-after", "After the border"},
			{kb.ArrowRight, "wm-tab-before", "Before the border"}, // wraps
			{kb.ArrowLeft, "wm-tab-after", "After the border"},
			{kb.Home, "wm-tab-before", "Before the border"},
		}
		for _, st := range steps {
			f = pressAndCheck(tb, u, st.key, false)
			stage := strings.TrimPrefix(st.wantTab, "wm-tab-")
			if f.Where != st.wantTab || f.Selected != "true" {
				t.Errorf("%s: keyboard: %s moved focus to %s (selected %q), want %s", u, st.key, f.Where, f.Selected, st.wantTab)
			}
			if got := eval[string](tb, visibleStages); got != stage {
				t.Errorf("%s: keyboard: after %s the visible stage is %q, want %s", u, st.key, got, stage)
			}
			announced := eval[string](tb, `document.querySelector("[role=status]").textContent`)
			if !strings.HasPrefix(announced, st.wantAnnounce) || len(announced) > 80 {
				t.Errorf("%s: keyboard: after %s the live region says %q, want the stage name %q, briefly", u, st.key, announced, st.wantAnnounce)
			}
			if hash := eval[string](tb, `location.hash`); hash != "#"+stage {
				t.Errorf("%s: keyboard: after %s the address says %q, want #%s", u, st.key, hash, stage)
			}
		}
		if n := eval[int](tb, `document.querySelectorAll("[role=tabpanel][aria-live], .wm-stage [aria-live]").length`); n != 0 {
			t.Errorf("%s: a stage panel is itself a live region; a stage change would re-read it whole", u)
		}

		// Tab into the stage and on to its "next stage" button; Enter walks on.
		for i := 0; i < 80 && !strings.Contains(f.Where, "wm-next"); i++ {
			f = pressAndCheck(tb, u, kb.Tab, false)
		}
		if !strings.Contains(f.Where, "wm-next") {
			t.Fatalf("%s: keyboard: Tab never reached the next-stage button", u)
		}
		f = pressAndCheck(tb, u, kb.Enter, false)
		if f.Where != "wm-h-at" {
			t.Errorf("%s: keyboard: after Enter on next stage, focus is on %s, want the new stage's heading", u, f.HTML)
		}
		if got := eval[string](tb, visibleStages); got != "at" {
			t.Errorf("%s: keyboard: Enter on next stage shows %q, want at", u, got)
		}

		// Space opens a list of cases; Shift+Tab and Escape keep focus.
		for i := 0; i < 20 && !strings.Contains(f.HTML, "<summary"); i++ {
			f = pressAndCheck(tb, u, kb.Tab, false)
		}
		before := eval[int](tb, `document.querySelectorAll(".wm-open details[open]").length`)
		pressAndCheck(tb, u, " ", false)
		if after := eval[int](tb, `document.querySelectorAll(".wm-open details[open]").length`); after != before+1 {
			t.Errorf("%s: keyboard: Space on a summary did not open it (%d open, then %d)", u, before, after)
		}
		pressAndCheck(tb, u, kb.Tab, true)
		pressAndCheck(tb, u, kb.Escape, false)
		noConsoleErrors(tb, u)
	}
}

// journeyReadable is what a reader must be able to do on the prerendered
// page alone: read the first stage, reach the others by link (mouse and
// keyboard), and highlight by right.
func journeyReadable(tb *tab, where string) {
	t := tb.t
	t.Helper()
	if got := eval[string](tb, visibleStages); got != "before" {
		t.Errorf("%s: visible stages %q, want the first one alone", where, got)
	}
	if h := eval[float64](tb, `document.querySelector("#before").getBoundingClientRect().height`); h < 200 {
		t.Errorf("%s: the first stage is %.0f px tall; it is not readable", where, h)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#wm-tab-at"))); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, "the at-the-border stage", `location.hash === "#at"`)
	if got := eval[string](tb, visibleStages); got != "at" {
		t.Errorf("%s: after following the link to at, visible stages %q", where, got)
	}
	// The same by keyboard: focus the link to "after" and press Enter.
	if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS("#wm-tab-after"))); err != nil {
		t.Fatal(err)
	}
	press(tb, kb.Enter, false)
	waitFor(tb, "the after-the-border stage", `location.hash === "#after"`)
	if got := eval[string](tb, visibleStages); got != "after" {
		t.Errorf("%s: Enter on the link to after shows %q", where, got)
	}
	right := eval[string](tb, `document.querySelector(".wm-open .wm-tech").dataset.rights.split(" ")[0]`)
	plain := eval[string](tb, `getComputedStyle(document.querySelector(".wm-open .wm-tech")).backgroundColor`)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`label[for="wm-right-`+right+`"]`))); err != nil {
		t.Fatal(err)
	}
	marked := eval[string](tb, `getComputedStyle(document.querySelector(".wm-open .wm-tech")).backgroundColor`)
	if marked == plain {
		t.Errorf("%s: choosing %s did not highlight the technologies that threaten it", where, right)
	}
}

// After a reader has used every control, still nothing is stored, set or
// sent elsewhere: the journey keeps nothing.
func TestJourneyBrowserKeepsNothingAfterUse(t *testing.T) {
	s := served(t)
	for _, u := range s.widgetPages(widgets.JourneyName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)
		for _, id := range []string{"wm-tab-at", "wm-tab-after", "wm-tab-before"} {
			eval[bool](tb, `document.getElementById("`+id+`").click(); true`)
			waitFor(tb, "the stage to change", `document.querySelector(".wm-open").id === "wm-a-`+strings.TrimPrefix(id, "wm-tab-")+`"`)
		}
		eval[bool](tb, `document.querySelector("input[name=wm-right]:not(:checked)").click(); true`)
		waitFor(tb, "the highlight", `!!document.querySelector(".wm-match")`)
		eval[bool](tb, `document.querySelector(".wm-open .wm-cases summary").click(); true`)
		settle(tb)
		onlyFrom(t, u, tb.Requests(), s.origin)
		keptNothing(tb, s, u+" after every control was used")
		noConsoleErrors(tb, u)
	}
}

// An editor may open the widget at a stage (data-stage, the #fragment). The
// host page must stay where the reader is, before and after the app starts.
func TestJourneyBrowserStartStageKeepsHostPageStill(t *testing.T) {
	s := served(t)
	tb := open(t, s.demo+"/"+widgets.JourneyName+".html", tabOptions{width: 1280, height: 900})
	waitFor(tb, "the demo page", `document.readyState === "complete"`)
	eval[bool](tb, `(() => {
		document.querySelectorAll("[data-waymark]").forEach(e => e.remove());
		const spacer = document.createElement("div");
		spacer.style.height = "1200px";
		document.body.prepend(spacer);
		const d = document.createElement("div");
		Object.assign(d.dataset, {waymark: "journey", lang: "en", stage: "after", title: "Journey"});
		spacer.after(d); // below the fold, near enough for the lazy iframe to load
		const loader = document.createElement("script");
		loader.src = "`+s.origin+`/embed.js";
		document.body.append(loader);
		window.scrollTo(0, 0);
		return true;
	})()`)
	frame := s.url(widgets.JourneyName, s.en())
	frameWaitApp(tb, frame)
	frameWait(tb, frame, "the start stage", `document.querySelector(".wm-open").id === "wm-a-after"`)
	// go-app scrolls to the fragment's element, and the journey defers
	// its own work, in the tasks right after the render that showed the
	// stage; let two more tasks run in the frame, then look.
	frameEval[bool](tb, frame, `new Promise(r => setTimeout(() => setTimeout(() => r(true))))`)
	settle(tb)
	if y := eval[float64](tb, `window.scrollY`); y != 0 {
		t.Errorf("opening the embedded widget at a stage scrolled the host page to %.0f px", y)
	}
}
