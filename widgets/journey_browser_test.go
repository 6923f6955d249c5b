//go:build browser

package widgets_test

// Real-browser checks of the journey widget beyond the suite every kind
// passes (kinds_browser_test.go). Each check names the page, what it
// checked and what it found.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// What the suite every kind passes (kinds_browser_test.go) needs to know
// of this one.
func init() {
	kindChecks[widgets.JourneyName] = kindCheck{
		firstScreen: []string{".wm-route", ".wm-open .wm-tech h3"},
		// In an article's column on a phone the first technology's name
		// falls some 70 px below the first screen; the route and the
		// stage it opens on are there.
		firstScreenEmbedded: []string{".wm-route", ".wm-open h2"},
		// Past the route and the filter: the open stage.
		content:  ".wm-open h2",
		readable: journeyReadable,
		embedded: []embedStep{
			{what: "opening a technology's details", do: `document.querySelector(".wm-open .wm-more summary").click()`, until: `!!document.querySelector(".wm-open details.wm-more[open]")`},
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
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.JourneyName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)

		// Tab from the top reaches the selected stage tab first: the route
		// comes before anything else a reader operates.
		var f focus
		for i := 0; i < 3 && f.Role != "tab"; i++ {
			f = pressAndCheck(tb, u, kb.Tab, false)
		}
		if f.Role != "tab" || f.Selected != "true" {
			t.Fatalf("%s: keyboard: Tab never reached the selected stage tab (last: %s)", u, f.HTML)
		}
		// The arrow towards the next stage is the one reading goes: right
		// in English, left in Arabic.
		c := s.contentOf(u)
		next, prev := kb.ArrowRight, kb.ArrowLeft
		if c.UI.Dir == "rtl" {
			next, prev = prev, next
		}
		title := func(i int) string { return c.Journey.Stages[i].Title }
		steps := []struct {
			key, wantTab, wantAnnounce string
		}{
			{next, "wm-tab-at", title(1)},
			{kb.End, "wm-tab-after", title(2)},
			{next, "wm-tab-before", title(0)}, // wraps
			{prev, "wm-tab-after", title(2)},
			{kb.Home, "wm-tab-before", title(0)},
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

		// The next stop is the right filter, one control; an arrow key
		// chooses a right, and the count shows beside it and is said.
		f = pressAndCheck(tb, u, kb.Tab, false)
		if f.Where != "wm-right" {
			t.Errorf("%s: keyboard: after the tabs, Tab reaches %s, want the right filter", u, f.HTML)
		}
		pressAndCheck(tb, u, kb.ArrowDown, false)
		waitFor(tb, "a right to be chosen", `document.getElementById("wm-right").value !== ""`)
		if n := eval[int](tb, `document.querySelectorAll(".wm-open .wm-match").length`); n == 0 {
			t.Errorf("%s: keyboard: choosing a right with the arrow key highlighted nothing", u)
		}
		shown := eval[string](tb, `document.getElementById("wm-matches").textContent`)
		said := eval[string](tb, `document.querySelector("[role=status]").textContent`)
		if shown == "" || said != shown {
			t.Errorf("%s: keyboard: the highlight shows %q beside the filter and says %q; want the count, both", u, shown, said)
		}
		if r := eval[[]float64](tb, `[document.getElementById("wm-right").getBoundingClientRect().bottom, document.getElementById("wm-matches").getBoundingClientRect().top]`); r[1]-r[0] > 40 {
			t.Errorf("%s: the count shows %.0f px below the filter, not next to it", u, r[1]-r[0])
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

		// Back at the top, the skip link goes to the stage now open,
		// not to the first.
		eval[bool](tb, `document.querySelector("a.wm-skip").focus(); true`)
		if f = pressAndCheck(tb, u, kb.Enter, false); f.Where != "wm-h-at" {
			t.Errorf("%s: keyboard: with the at stage open, the skip link moved focus to %s, want its heading", u, f.HTML)
		}
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
	if h := eval[float64](tb, `document.querySelector("#wm-a-before").getBoundingClientRect().height`); h < 200 {
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
	// The filter is a select, which a keyboard works without script: the
	// arrow key chooses the first right, and CSS marks what threatens it.
	plain := eval[[]string](tb, `[...document.querySelectorAll(".wm-open .wm-tech")].map(e => getComputedStyle(e).backgroundColor)`)
	if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS("#wm-right"))); err != nil {
		t.Fatal(err)
	}
	press(tb, kb.ArrowDown, false)
	right := eval[string](tb, `document.getElementById("wm-right").value`)
	if right == "" {
		t.Fatalf("%s: the arrow key chose no right in the filter", where)
	}
	marked := eval[[]string](tb, `[...document.querySelectorAll(".wm-open .wm-tech")].map(e => getComputedStyle(e).backgroundColor)`)
	want := eval[[]bool](tb, `[...document.querySelectorAll(".wm-open .wm-tech")].map(e => e.dataset.rights.split(" ").includes("`+right+`"))`)
	for i := range want {
		if (marked[i] != plain[i]) != want[i] {
			t.Errorf("%s: choosing %s marks technology %d as %v, want %v", where, right, i+1, marked[i] != plain[i], want[i])
		}
	}
}

// After a reader has used every control, still nothing is stored, set or
// sent elsewhere: the journey keeps nothing.
func TestJourneyBrowserKeepsNothingAfterUse(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.JourneyName) {
		tb := open(t, u, tabOptions{})
		waitApp(tb)
		for _, id := range []string{"wm-tab-at", "wm-tab-after", "wm-tab-before"} {
			eval[bool](tb, `document.getElementById("`+id+`").click(); true`)
			waitFor(tb, "the stage to change", `document.querySelector(".wm-open").id === "wm-a-`+strings.TrimPrefix(id, "wm-tab-")+`"`)
		}
		eval[bool](tb, `(() => { const s = document.getElementById("wm-right"); s.selectedIndex = 1; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
		waitFor(tb, "the highlight", `!!document.querySelector(".wm-match")`)
		eval[bool](tb, `document.querySelector(".wm-open .wm-more summary").click(); true`)
		eval[bool](tb, `document.querySelector(".wm-open button.wm-ref").click(); true`)
		waitFor(tb, "the sources of a marker", `!!document.querySelector(".wm-open .wm-cite-box:not([hidden])")`)
		settle(tb)
		onlyFrom(t, u, tb.Requests(), s.origin)
		keptNothing(tb, s, u+" after every control was used")
		noConsoleErrors(tb, u)
	}
}

// An editor may open the widget at a stage (data-open, the #fragment). The
// host page must stay where the reader is, before and after the app starts.
func TestJourneyBrowserStartStageKeepsHostPageStill(t *testing.T) {
	t.Parallel()
	s := served(t)
	tb := open(t, s.demo+"/"+widgets.JourneyName+".html", tabOptions{width: 1280, height: 900})
	waitFor(tb, "the demo page", `document.readyState === "complete"`)
	eval[bool](tb, `(() => {
		document.querySelectorAll("figure.embed").forEach(e => e.remove());
		const spacer = document.createElement("div");
		spacer.style.height = "1200px";
		document.body.prepend(spacer);
		const d = document.createElement("div");
		Object.assign(d.dataset, {waymark: "journey", lang: "en", open: "after", title: "Journey"});
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

// A link to another widget ("What the report asks") opens it in a new tab
// and leaves the embedded journey where it was; the checklist opens at the
// item the link names, marked and in view.
func TestJourneyBrowserLinksToOtherWidgetsKeepTheEmbed(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	loader := open(t, s.demo+"/"+widgets.JourneyName+".html", tabOptions{width: 360, height: 740})
	eval[bool](loader, `document.querySelector(`+frameSel(u)+`).scrollIntoView(); true`)
	frameWaitApp(loader, u)
	for _, v := range []view{{tb: loader, frame: u, where: "journey embedded with the loader at 360 px"}} {
		veval[bool](v, `(() => { const d = document.querySelector(".wm-open .wm-more"); d.open = true; return true; })()`)
		v.settle()
		const link = `.wm-open .wm-more[open] .wm-harm a.wm-widget-link`
		href := veval[string](v, `document.querySelector('`+link+`').href`)
		v.bringTo(link, 0.5)
		r := v.rectOf(link)
		tap(v.tb, (r.Left+r.Right)/2, (r.Top+r.Bottom)/2)
		var opened bool
		for deadline := time.Now().Add(patience); !opened && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			targets, err := chromedp.Call(v.tb.ctx, target.GetTargets, target.GetTargetsParams{})
			if err != nil {
				t.Fatal(err)
			}
			for _, ti := range targets.TargetInfos {
				opened = opened || (ti.Type == "page" && ti.URL == href)
			}
		}
		if !opened {
			t.Errorf("%s: following %s opened no new tab", v.where, href)
		}
		v.settle()
		if here := veval[string](v, `location.href`); !strings.HasPrefix(here, u) {
			t.Errorf("%s: following a link to another widget replaced the journey with %s", v.where, here)
		}

		item := strings.TrimPrefix(href[strings.Index(href, "#"):], "#")
		tb := open(t, href, tabOptions{width: 360, height: 740})
		waitApp(tb)
		waitFor(tb, "the item to be marked", `!!document.querySelector(".wm-item.wm-target")`)
		if got := eval[string](tb, `document.querySelector(".wm-item.wm-target").id`); got != "wm-a-"+item {
			t.Errorf("%s: the checklist marks %s, want the item the link names (%s)", href, got, item)
		}
		if !eval[bool](tb, `(() => { const r = document.querySelector(".wm-item.wm-target").getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()`) {
			t.Errorf("%s: the item the link names is not in view", href)
		}
		viewShot(tb, "journey-link-to-checklist-item-360")
	}
}

// A plain iframe opened at a stage (#at) shows that stage with the
// widget's heading still in view: the link does not scroll the frame's
// own page, before the app or after it.
func TestJourneyBrowserPlainIframeAtAStageKeepsItsHeading(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	tb := plainIframe(t, s, widgets.JourneyName, 360, func(code string) string {
		return strings.Replace(code, u+`"`, u+`#at"`, 1)
	})
	v := view{tb: tb, frame: u, where: "journey as a plain iframe opened at #at"}
	v.wait("the at stage", `document.querySelector(".wm-open").id === "wm-a-at"`)
	v.settle()
	if y := veval[float64](v, `scrollY`); y != 0 {
		t.Errorf("%s: the frame's page is scrolled %.0f px down", v.where, y)
	}
	if top := veval[float64](v, `document.getElementById("wm-title").getBoundingClientRect().top`); top < 0 {
		t.Errorf("%s: the heading is %.0f px above the frame's top", v.where, -top)
	}
	viewShot(tb, "journey-plain-iframe-at-360")

	// The same page before the app: the link to the stage, not the app,
	// decides where the frame's page stands.
	pre := open(t, u+"#at", tabOptions{width: 360, height: 740, blockWasm: true})
	waitFor(pre, "the page", `document.readyState === "complete"`)
	if y := eval[float64](pre, `scrollY`); y != 0 {
		t.Errorf("%s#at without the app: the page is scrolled %.0f px down", u, y)
	}
	if got := eval[string](pre, visibleStages); got != "at" {
		t.Errorf("%s#at without the app: visible stages %q, want at", u, got)
	}
}

// Reading down a long stage on a phone, the route stays at the top of the
// screen, so another stage is one tap away wherever the reader is.
func TestJourneyBrowserRouteStaysInReach(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	tb := open(t, u, tabOptions{width: 360, height: 740})
	waitApp(tb)
	eval[bool](tb, `(() => { const t = [...document.querySelectorAll(".wm-open .wm-tech")].pop(); scrollTo(0, t.getBoundingClientRect().top + scrollY - 200); return true; })()`)
	settle(tb)
	if y := eval[float64](tb, `scrollY`); y < 740 {
		t.Fatalf("%s at 360 px: the page scrolled only %.0f px; the check would prove nothing", u, y)
	}
	r := eval[[]float64](tb, `(() => { const r = document.querySelector(".wm-route").getBoundingClientRect(); return [r.top, r.bottom]; })()`)
	if r[0] < -0.5 || r[1] > 740 || r[1]-r[0] <= 0 {
		t.Errorf("%s at 360 px: read down to the stage's last technology, the route is at %.0f to %.0f px, off the screen", u, r[0], r[1])
	}
	// Its stations are still what a finger taps.
	if !eval[bool](tb, `(() => { const b = document.querySelector("#wm-tab-at").getBoundingClientRect(); const e = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2); return !!e && !!e.closest("#wm-tab-at"); })()`) {
		t.Errorf("%s at 360 px: read down the stage, the route's next station is covered", u)
	}
	viewShot(tb, "journey-360-route-while-reading")
}

// The highlight is right in every stage, the hidden ones too: a reader who
// picks a right and then opens another stage finds its technologies
// marked, and a change of the highlight while a definition is open leaves
// the definition open.
func TestJourneyBrowserHighlightReachesEveryStage(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	tb := open(t, u, tabOptions{})
	waitApp(tb)
	// Each technology, in every stage: whether it is marked, and whether it
	// should be for the right the filter shows.
	const marks = `[...document.querySelectorAll(".wm-tech")].map(e => {
		const r = document.getElementById("wm-right").value;
		return e.id + ":" + e.classList.contains("wm-match") + "/" + (r !== "" && e.dataset.rights.split(" ").includes(r));
	})`
	check := func(when string) {
		t.Helper()
		for _, m := range eval[[]string](tb, marks) {
			got, want, _ := strings.Cut(m[strings.LastIndex(m, ":")+1:], "/")
			if got != want {
				t.Errorf("%s: %s: technology %s marked %s, want %s", u, when, m[:strings.LastIndex(m, ":")], got, want)
			}
		}
	}
	// The app draws a change on its own event loop: wait until every mark
	// is right, and if that never comes, say which are wrong.
	settled := func(when string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(tb.ctx, patience)
		defer cancel()
		all := marks + `.every(m => { const [got, want] = m.slice(m.lastIndexOf(":") + 1).split("/"); return got === want; })`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](all, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(patience))); err != nil {
			check(when)
			t.Fatalf("%s: %s: the marks never came right: %v", u, when, err)
		}
	}
	choose := func(i int) string {
		t.Helper()
		return eval[string](tb, `(() => { const s = document.getElementById("wm-right"); s.selectedIndex = `+strconv.Itoa(i)+`; s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`)
	}
	stages := []string{"at", "after", "before"}
	n := eval[int](tb, `document.getElementById("wm-right").options.length`)
	for i := 1; i < n; i++ {
		right := choose(i)
		settled("with " + right + " chosen")
		st := stages[i%len(stages)]
		eval[bool](tb, `document.getElementById("wm-tab-`+st+`").click(); true`)
		waitFor(tb, "the stage to change", `document.querySelector(".wm-open").id === "wm-a-`+st+`"`)
		check("with " + right + " chosen, then " + st + " opened")
	}

	// A definition open in a card whose mark then changes stays open.
	const term = `[...document.querySelectorAll(".wm-open .wm-tech button.wm-term")].find(b => b.checkVisibility())`
	const tip = `document.getElementById(` + term + `.getAttribute("aria-describedby"))`
	choose(0)
	settled("with the highlight cleared")
	card := eval[string](tb, term+`.closest(".wm-tech").dataset.rights.split(" ")[0]`)
	eval[bool](tb, term+`.focus(); true`)
	waitFor(tb, "the definition on focus", `!`+tip+`.hidden`)
	eval[bool](tb, `(() => { const s = document.getElementById("wm-right"); s.value = "`+card+`"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	settled("with " + card + " chosen while a definition is open")
	if eval[bool](tb, tip+`.hidden`) {
		t.Errorf("%s: the open definition closed when its card was marked", u)
	}
	noConsoleErrors(tb, u)
}

// The app waits for the page: a reader who does nothing has it take over
// by itself once the page has loaded, its files asked for only after the
// load event, so the page and the article around it never wait on them.
func TestJourneyBrowserAppStartsByItselfOnceThePageHasLoaded(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	tb := open(t, u, tabOptions{})
	waitApp(tb)
	type asked struct {
		Name  string
		Start float64
	}
	files := eval[[]asked](tb, `performance.getEntriesByType("resource")
	  .filter(e => /\/web\/(app|wasm_exec)\.[0-9a-f]{12}\.js$|\.wasm$/.test(new URL(e.name).pathname))
	  .map(e => ({Name: new URL(e.name).pathname, Start: e.startTime}))`)
	if len(files) != 3 {
		t.Fatalf("%s: the app took over, but the page asked for %d of its 3 files (app.js, wasm_exec.js, the wasm): %v", u, len(files), files)
	}
	loaded := eval[float64](tb, `performance.getEntriesByType("navigation")[0].loadEventEnd`)
	for _, f := range files {
		if f.Start < loaded {
			t.Errorf("%s: %s was asked for %.0f ms after navigation, before the page had loaded (%.0f ms)", u, f.Name, f.Start, loaded)
		}
	}
	noConsoleErrors(tb, u)
}

// A reader on a slow connection opens another stage, chooses a right and
// opens a technology's details before the app has arrived; when it takes
// over, all three are as they left them.
func TestJourneyBrowserKeepsWhatTheReaderDidBeforeTheApp(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	tb := open(t, u, tabOptions{width: 360, height: 740, holdWasm: true})
	waitFor(tb, "the page", `document.readyState === "complete"`)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#wm-tab-after"))); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, "the after-the-border stage", `location.hash === "#after"`)
	// A right the stage's first technology threatens, so the app has
	// something to mark.
	right := eval[string](tb, `(() => {
	  const s = document.getElementById("wm-right");
	  s.value = document.querySelector("#wm-a-after .wm-tech").dataset.rights.split(" ")[0];
	  s.dispatchEvent(new Event("change", {bubbles: true}));
	  return s.value;
	})()`)
	if right == "" {
		t.Fatalf("%s: the filter offers no right the after stage's first technology threatens", u)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#wm-a-after details.wm-more summary"))); err != nil {
		t.Fatal(err)
	}
	waitFor(tb, "the details to open", `document.querySelector("#wm-a-after details.wm-more").open`)
	tech := eval[string](tb, `document.querySelector("#wm-a-after details.wm-more").closest(".wm-tech").id`)
	if eval[bool](tb, `!!document.querySelector(".wm-app")`) {
		t.Fatalf("%s: the app took over while its wasm was held; the check would prove nothing", u)
	}
	release(tb)
	waitApp(tb)
	if got := eval[string](tb, visibleStages); got != "after" {
		t.Errorf("%s: the reader opened after before the app; once it took over, visible stages are %q", u, got)
	}
	if got := eval[string](tb, `document.getElementById("wm-right").value`); got != right {
		t.Errorf("%s: the reader chose %q in the filter before the app; once it took over, it shows %q", u, right, got)
	}
	settle(tb)
	marked := eval[[]bool](tb, `[...document.querySelectorAll(".wm-open .wm-tech")].map(e => e.classList.contains("wm-match"))`)
	want := eval[[]bool](tb, `[...document.querySelectorAll(".wm-open .wm-tech")].map(e => e.dataset.rights.split(" ").includes("`+right+`"))`)
	if len(marked) == 0 || len(marked) != len(want) {
		t.Fatalf("%s: the app shows %d technologies in the open stage", u, len(marked))
	}
	for i := range want {
		if marked[i] != want[i] {
			t.Errorf("%s: with %s chosen before the app, the app marks technology %d as threatening it: %v, want %v", u, right, i+1, marked[i], want[i])
		}
	}
	if !eval[bool](tb, `(() => { const d = document.querySelector("#wm-a-`+tech+` details.wm-more"); return !!d && d.open; })()`) {
		t.Errorf("%s: the reader opened the details of %s before the app; once it took over, they are closed", u, tech)
	}
	if n := eval[int](tb, `document.querySelectorAll("details.wm-more[open]").length`); n != 1 {
		t.Errorf("%s: the reader opened one technology's details; the app shows %d open", u, n)
	}
	noConsoleErrors(tb, u)
}

// stageState is what the open stage decides outside the cards, as the
// page shows it: each panel's visibility, each tab's state, where the
// skip link goes and the count next to the filter.
const stageState = `JSON.stringify({
  panels: [...document.querySelectorAll(".wm-stage")].map(s => s.id + (s.hidden ? " hidden" : " shown") + (s.classList.contains("wm-open") ? " open" : "")),
  tabs: [...document.querySelectorAll("[role=tab]")].map(t => t.id + " " + t.getAttribute("aria-selected")),
  skip: document.querySelector("a.wm-skip").getAttribute("href"),
  matches: document.getElementById("wm-matches").textContent,
})`

// tabOrder is each tab's place in the tab order, which the app writes
// once the stage shows.
const tabOrder = `[...document.querySelectorAll("[role=tab]")].map(t => t.id + " " + t.getAttribute("tabindex")).join(", ")`

// A stage change shows in the click itself, not on a later frame of the
// app's, and leaves the page exactly as a link to that stage opens it,
// through a change of the filter and a link back to the first stage.
func TestJourneyBrowserStageShowsInTheClick(t *testing.T) {
	t.Parallel()
	s := served(t)
	c := s.en()
	u := s.url(widgets.JourneyName, c)
	tb := open(t, u, tabOptions{})
	waitApp(tb)
	settle(tb)
	opened, order := map[string]string{}, map[string]string{}
	for _, st := range c.Journey.Stages {
		fresh := open(t, u+"#"+st.ID, tabOptions{})
		waitApp(fresh)
		settle(fresh)
		opened[st.ID] = eval[string](fresh, stageState)
		order[st.ID] = eval[string](fresh, tabOrder)
	}
	sameOrder := func(id, when string) {
		t.Helper()
		if got := eval[string](tb, tabOrder); got != order[id] {
			t.Errorf("%s: %s the tab order is %s, where a link to %s opens %s", u, when, got, id, order[id])
		}
	}
	for _, id := range []string{"at", "after", "before", "after"} {
		// The click and the reading in one task: nothing the app does on
		// a later timer or frame can be in what it reads.
		got := eval[string](tb, `(() => { document.getElementById("wm-tab-`+id+`").click(); return `+stageState+`; })()`)
		if got != opened[id] {
			t.Errorf("%s: in the click on the %s tab the page shows\n%s\nwhere a link to %s opens\n%s", u, id, got, id, opened[id])
		}
		settle(tb)
		if got := eval[string](tb, stageState); got != opened[id] {
			t.Errorf("%s: a frame after the click on the %s tab the page shows\n%s\nwhere a link to %s opens\n%s", u, id, got, id, opened[id])
		}
		sameOrder(id, "a frame after the click on the "+id+" tab")
		status := eval[string](tb, `document.querySelector("main > [role=status]").textContent`)
		if !strings.HasPrefix(status, eval[string](tb, `document.getElementById("wm-h-`+id+`").textContent`)+". ") {
			t.Errorf("%s: after the click on the %s tab the live region says %q, not the stage's title", u, id, status)
		}
	}

	// A link back to the first stage, where the app last drew the widget
	// itself: the stages clicked since were not drawn by it.
	first := c.Journey.Stages[0].ID
	eval[bool](tb, `location.hash = "#`+first+`"; true`)
	waitFor(tb, "the first stage", `document.getElementById("wm-tab-`+first+`").getAttribute("aria-selected") === "true"`)
	settle(tb)
	if got := eval[string](tb, stageState); got != opened[first] {
		t.Errorf("%s: after a link to %s the page shows\n%s\nwhere opening the link shows\n%s", u, first, got, opened[first])
	}
	sameOrder(first, "after a link to "+first)
	// The app draws the marks of a right; the stage it draws them in must
	// still be the one the reader opened, and the count must be its own.
	panel := "#wm-a-" + first
	right := eval[string](tb, `(() => { const s = document.getElementById("wm-right"); s.value = document.querySelector("`+panel+` .wm-tech").dataset.rights.split(" ")[0]; s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`)
	waitFor(tb, "the marks", `!!document.querySelector("`+panel+` .wm-match")`)
	settle(tb)
	if got := eval[string](tb, visibleStages); got != first {
		t.Errorf("%s: with %s open, choosing %s left the visible stages %q", u, first, right, got)
	}
	n := eval[int](tb, `document.querySelectorAll("`+panel+` .wm-tech[data-rights~=`+right+`]").length`)
	total := eval[int](tb, `document.querySelectorAll("`+panel+` .wm-tech").length`)
	want := fill(c.UI.Matches, "n", strconv.Itoa(n), "total", strconv.Itoa(total))
	if got := eval[string](tb, `document.getElementById("wm-matches").textContent`); got != want {
		t.Errorf("%s: with %s open and %s chosen, the count says %q, want %q", u, first, right, got, want)
	}
	eval[bool](tb, `(() => { const s = document.getElementById("wm-right"); s.value = ""; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(tb, "the marks to clear", `!document.querySelector(".wm-match")`)
	settle(tb)
	if got := eval[string](tb, stageState); got != opened[first] {
		t.Errorf("%s: after choosing a right and clearing it, the page shows\n%s\nwhere a link to %s opens\n%s", u, got, first, opened[first])
	}
	sameOrder(first, "after choosing a right and clearing it")
	noConsoleErrors(tb, u)
}
