//go:build browser

package widgets_test

// What a reader does with every kind of widget, checked the ways a reader
// meets it (on its own; embedded with the loader code, the div code or a
// plain iframe) at a phone's width and a desktop's: the first Tab reaches
// a skip link that shows and moves focus to where the content begins; on
// a phone the first screen holds what a reader needs to begin; a citation
// marker followed by touch and by keyboard shows its sources where the
// reader is looking; every control is a target a finger can hit; the page
// does not scroll sideways; the colours follow the rules; a copy works or
// shows its text to copy by hand; and, embedded with everything open, the
// widget stays within the height the loader will grow it to.

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"waymark/widgets"
)

// heightCap is the embed loader's MAX: the tallest it will make a frame.
const heightCap = 30000

// view is a widget as a reader sees it: a page on its own (frame "") or
// the iframe of a host page, whose address starts with frame, pasted there
// with the code code names (loader, div, iframe).
type view struct {
	tb    *tab
	frame string
	where string
	code  string
}

// The codes an article embeds a widget with (widgets.Codes).
const (
	byLoader = "loader" // the iframe and the loader script: the demo articles
	byDiv    = "div"    // a div and the loader script, which makes the iframe
	byIFrame = "iframe" // the plain iframe, no script
)

// way names how the reader meets the widget, for screenshots.
func (v view) way() string {
	switch {
	case v.frame == "":
		return "alone"
	case v.code != "":
		return v.code
	case strings.Contains(v.where, "loader"):
		return byLoader
	}
	return byIFrame
}

// grown says whether the loader fits the frame to the widget (the loader
// and div codes); a plain iframe keeps the height its code gives it.
func (v view) grown() bool { return v.code == byLoader || v.code == byDiv }

// eval runs JavaScript in the widget's document.
func veval[T any](v view, js string) T {
	v.tb.t.Helper()
	if v.frame == "" {
		return eval[T](v.tb, js)
	}
	return frameEval[T](v.tb, v.frame, js)
}

// frameRect is where the widget's viewport sits in the top-level window:
// the whole window for a page on its own.
func (v view) frameRect() rect {
	if v.frame == "" {
		return rect{Top: 0, Left: 0, Bottom: eval[float64](v.tb, `innerHeight`), Right: eval[float64](v.tb, `innerWidth`)}
	}
	return eval[rect](v.tb, `(() => { const r = document.querySelector(`+frameSel(v.frame)+`).getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right}; })()`)
}

type rect struct {
	Top    float64 `json:"top"`
	Left   float64 `json:"left"`
	Bottom float64 `json:"bottom"`
	Right  float64 `json:"right"`
}

// onScreen is the part of the top-level window where the widget shows.
func (v view) onScreen() rect {
	f := v.frameRect()
	h, w := eval[float64](v.tb, `innerHeight`), eval[float64](v.tb, `innerWidth`)
	return rect{Top: math.Max(0, f.Top), Left: math.Max(0, f.Left), Bottom: math.Min(h, f.Bottom), Right: math.Min(w, f.Right)}
}

// rectOf is where the element sel selects in the widget sits in the
// top-level window.
func (v view) rectOf(sel string) rect {
	v.tb.t.Helper()
	r := veval[rect](v, `(() => { const r = document.querySelector('`+sel+`').getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right}; })()`)
	f := v.frameRect()
	return rect{Top: f.Top + r.Top, Left: f.Left + r.Left, Bottom: f.Top + r.Bottom, Right: f.Left + r.Right}
}

// bringTo scrolls so that the element sel selects stands at the given
// fraction of the reader's screen, as a reader scrolls to what they read:
// inside the widget where it scrolls (a plain iframe), then the host page.
func (v view) bringTo(sel string, at float64) {
	v.tb.t.Helper()
	veval[bool](v, `(() => { const e = document.querySelector('`+sel+`'); scrollTo(0, Math.max(0, e.getBoundingClientRect().top + scrollY - innerHeight * `+fmt.Sprint(at)+`)); return true; })()`)
	if v.frame != "" {
		top := v.rectOf(sel).Top
		eval[bool](v.tb, fmt.Sprintf(`window.scrollTo(0, Math.max(0, scrollY + %f - innerHeight * %f)); true`, top, at))
	}
	settle(v.tb)
}

// settleWidget waits for the widget's document to render what it did.
func (v view) settle() {
	v.tb.t.Helper()
	veval[bool](v, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	settle(v.tb)
}

// waitWidget polls a condition in the widget's document.
func (v view) wait(what, js string) {
	v.tb.t.Helper()
	for deadline := time.Now().Add(patience); !veval[bool](v, js); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			v.tb.t.Fatalf("%s: waiting for %s", v.where, what)
		}
	}
}

// plainIframe opens an article that embeds a kind of widget with its
// plain iframe code, and no loader; edits, if any, change the code first,
// as an editor might.
func plainIframe(t *testing.T, s *site, kind string, width int64, edits ...func(code string) string) *tab {
	t.Helper()
	k := widgets.KindNamed(kind)
	code := widgets.EmbedCodes(s.origin, k, s.en(), nil, k.Fit).IFrame
	for _, edit := range edits {
		changed := edit(code)
		if changed == code {
			t.Fatalf("editing the plain iframe code of %s changed nothing: %s", kind, code)
		}
		code = changed
	}
	return embedIn(t, s, kind, code, tabOptions{width: width, height: 740})
}

// embedIn opens an article with code pasted in it and waits until the app
// has taken over the widget of the kind there.
func embedIn(t *testing.T, s *site, kind, code string, o tabOptions) *tab {
	t.Helper()
	tb := open(t, s.hostPage(t, code, ""), o)
	u := s.url(kind, s.en())
	// The div code's iframe is the loader's to make.
	waitFrame(tb, u)
	eval[bool](tb, `document.querySelector(`+frameSel(u)+`).scrollIntoView(); true`)
	frameWaitApp(tb, u)
	return tb
}

// checkReader runs the reader's checks on a kind of widget embedded with
// the div code and as a plain iframe, at a phone's width and a desktop's,
// where the reader's system prefers dark: each code as it comes at 360 px,
// which must show the widget light, and each asking for dark at 1280 px.
// The loader code's are in checkEmbedding; on its own, the suite's app
// tabs run them (checkApp, and the phone in TestEveryKindInTheBrowser).
func checkReader(t *testing.T, s *site, kc kindCheck) {
	k := widgets.KindNamed(kc.name)
	u := s.url(kc.name, s.en())
	for _, width := range []int64{360, 1280} {
		dark := width == 1280
		var chosen map[string]string
		asked := ""
		if dark {
			chosen, asked = map[string]string{"theme": "dark"}, ", asking for dark"
		}
		codes := widgets.EmbedCodes(s.origin, k, s.en(), chosen, k.Fit)
		for _, c := range []struct{ way, code, name string }{
			{byDiv, codes.Div, "the div code"},
			{byIFrame, codes.IFrame, "a plain iframe"},
		} {
			if dark && !strings.Contains(c.code, "dark") {
				t.Fatalf("%s of %s asks for no dark theme: %s", c.name, kc.name, c.code)
			}
			tb := embedIn(t, s, kc.name, c.code, tabOptions{width: width, height: 740, dark: true})
			v := view{tb: tb, frame: u, code: c.way, where: fmt.Sprintf("%s embedded with %s at %d px%s", kc.name, c.name, width, asked)}
			checkArrival(v, kc, width)
			checkReading(v, kc, width, dark)
			noConsoleErrors(v.tb, v.where)
		}
	}
}

// checkArrival is what a reader meets first in an embedded widget, as it
// loaded: the skip link, and on a phone the first screen.
func checkArrival(v view, kc kindCheck, width int64) {
	v.tb.t.Helper()
	checkSkipLink(v, kc, width)
	if width < 720 {
		checkFirstScreen(v, kc)
	}
}

// checkReading is what a reader does in an embedded widget, after
// checkArrival: the width, the targets, the colours (dark says which the
// widget must show), a citation marker, a copy, and, where the loader
// fits the frame to the widget, everything open.
func checkReading(v view, kc kindCheck, width int64, dark bool) {
	v.tb.t.Helper()
	noSidewaysScroll(v)
	targetsIn(v)
	checkTheme(v, kc, dark)
	checkMarker(v, kc.name, width)
	if kc.copy != nil {
		kc.copy(v, mustCopy)
		viewShot(v.tb, fmt.Sprintf("copy-%s-%d-%s", kc.name, width, v.way()))
	}
	if v.grown() {
		checkEverythingOpen(v)
		viewShot(v.tb, fmt.Sprintf("open-%s-%d-%s", kc.name, width, v.way()))
	}
}

// checkTheme: the widget shows dark colours if dark, light ones if not,
// and what else the kind draws takes them too (kindCheck.themed).
func checkTheme(v view, kc kindCheck, dark bool) {
	v.tb.t.Helper()
	if got := veval[bool](v, pageIsDark); got != dark {
		v.tb.t.Errorf("%s: the widget shows %s colours, want %s", v.where, scheme(got), scheme(dark))
	}
	if kc.themed != nil {
		kc.themed(v)
	}
}

// scheme names a colour scheme.
func scheme(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// firstShown is a JavaScript expression for the first element sel selects
// that the page shows.
func firstShown(sel string) string {
	return `[...document.querySelectorAll('` + sel + `')].find(e => e.getClientRects().length > 0)`
}

// checkSkipLink: from the top of the reader's page, the first Tab reaches
// the widget's skip link, which shows on the screen, uncovered; Enter
// moves focus to where the kind's content begins (kindCheck.content), in
// view and visibly focused. Without scripts the link is a plain link to
// it, which moves where the next Tab starts from rather than focus
// itself: that next Tab must land inside the content or after it.
func checkSkipLink(v view, kc kindCheck, width int64) {
	t := v.tb.t
	t.Helper()
	// Pages with scripts off run no animation frames to settle on.
	scripts := veval[bool](v, `document.documentElement.hasAttribute("data-js")`)
	settle := func() {
		if scripts {
			v.settle()
		}
	}
	eval[bool](v.tb, `window.scrollTo(0, 0); true`)
	if v.frame != "" {
		// The reader starts from the top of the article, whatever the
		// widget's own steps focused in it before.
		eval[bool](v.tb, `(() => { const top = document.createElement("span"); top.id = "check-top"; top.tabIndex = -1; document.body.prepend(top); top.focus(); return true; })()`)
	}
	press(v.tb, kb.Tab, false)
	if v.frame != "" {
		eval[bool](v.tb, `document.getElementById("check-top").remove(); true`)
	}
	v.wait("the first Tab to reach the skip link", `document.hasFocus() && !!document.activeElement && document.activeElement.matches("a.wm-skip")`)
	settle()
	r, screen := v.rectOf("a.wm-skip"), v.onScreen()
	if r.Right-r.Left < 24 || r.Bottom-r.Top < 24 || r.Top < screen.Top-1 || r.Bottom > screen.Bottom+1 || r.Left < screen.Left-1 || r.Right > screen.Right+1 {
		t.Errorf("%s: the focused skip link shows at %.0f,%.0f to %.0f,%.0f, not whole on the screen (%.0f,%.0f to %.0f,%.0f)", v.where, r.Left, r.Top, r.Right, r.Bottom, screen.Left, screen.Top, screen.Right, screen.Bottom)
	}
	if !veval[bool](v, `(() => { const a = document.activeElement, r = a.getBoundingClientRect(); const e = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2); return !!e && a.contains(e) && a.matches(":focus-visible"); })()`) {
		t.Errorf("%s: the focused skip link is covered, or shows no focus", v.where)
	}
	if got, want := veval[string](v, `document.activeElement.textContent`), served(t).contentOf(veval[string](v, `location.href`)).UI.SkipToContent; got != want {
		t.Errorf("%s: the skip link reads %q, want %q", v.where, got, want)
	}
	state := veval[string](v, `document.documentElement.lang + (!document.documentElement.hasAttribute("data-js") ? "-no-js" : document.querySelector(".wm-app") ? "" : "-no-app")`)
	viewShot(v.tb, fmt.Sprintf("skip-%s-%s-%d-%s", kc.name, state, width, v.way()))

	press(v.tb, kb.Enter, false)
	target := firstShown(kc.content)
	if !veval[bool](v, `!!`+target) {
		t.Fatalf("%s: the page shows no %s for the skip link to reach", v.where, kc.content)
	}
	veval[bool](v, `(`+target+`).dataset.check = "skipped"; true`)
	if scripts {
		v.wait("Enter on the skip link to move focus to "+kc.content, `document.activeElement === document.querySelector("[data-check=skipped]")`)
		settle()
		if !veval[bool](v, `document.activeElement.matches(":focus-visible")`) {
			t.Errorf("%s: after the skip link, %s has focus but shows none", v.where, kc.content)
		}
	} else {
		v.wait("Enter on the skip link to follow it", `location.hash === document.querySelector("a.wm-skip").hash`)
		if !veval[bool](v, `document.activeElement === document.querySelector("[data-check=skipped]")`) {
			press(v.tb, kb.Tab, false)
			if !veval[bool](v, `(() => { const t = document.querySelector("[data-check=skipped]"), a = document.activeElement; return !!a && (t === a || !!(t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)); })()`) {
				t.Errorf("%s: after the skip link, Tab reaches %s, before %s", v.where, veval[string](v, `document.activeElement.outerHTML.slice(0, 100)`), kc.content)
			}
		}
	}
	r, screen = v.rectOf(`[data-check=skipped]`), v.onScreen()
	if r.Top < screen.Top-1 || r.Top >= screen.Bottom {
		t.Errorf("%s: the skip link took the reader to %s at %.0f px, off the screen (%.0f to %.0f)", v.where, kc.content, r.Top, screen.Top, screen.Bottom)
	}
	// What comes next starts from no focus, as a reader who reads on.
	veval[bool](v, `(() => { const e = document.querySelector("[data-check=skipped]"); delete e.dataset.check; e.blur(); return true; })()`)
}

// checkFirstScreen: on a phone, the first screen holds what a reader
// needs to begin (for the journey: the stage navigation and the first
// technology's name): at the top of the page on its own, and embedded
// once the reader has scrolled the article to the widget's top.
func checkFirstScreen(v view, kc kindCheck) {
	v.tb.t.Helper()
	eval[bool](v.tb, `window.scrollTo(0, 0); true`)
	if v.frame != "" {
		veval[bool](v, `window.scrollTo(0, 0); true`)
		eval[bool](v.tb, `window.scrollTo(0, document.querySelector(`+frameSel(v.frame)+`).getBoundingClientRect().top + scrollY); true`)
	}
	v.settle()
	want := kc.firstScreen
	if v.frame != "" && kc.firstScreenEmbedded != nil {
		want = kc.firstScreenEmbedded
	}
	for _, sel := range want {
		r := v.rectOf(sel)
		if r.Bottom-r.Top <= 0 || r.Top < 0 || r.Bottom > v.onScreen().Bottom {
			v.tb.t.Errorf("%s: %s is not on the first screen (%.0f to %.0f px of %.0f)", v.where, sel, r.Top, r.Bottom, v.onScreen().Bottom)
		}
	}
	if len(want) == 0 {
		v.tb.t.Errorf("%s: the kind names nothing its first screen must hold", v.where)
	}
	viewShot(v.tb, fmt.Sprintf("first-screen-%s-%d-%s-%s", kc.name, eval[int](v.tb, `innerWidth`), v.way(), scheme(veval[bool](v, pageIsDark))))
}

// noSidewaysScroll: neither the widget nor the page around it scrolls
// sideways.
func noSidewaysScroll(v view) {
	v.tb.t.Helper()
	if w := veval[[]float64](v, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
		v.tb.t.Errorf("%s: the widget scrolls sideways (%.0f px wide in %.0f px): %s", v.where, w[0], w[1], veval[string](v, widest))
	}
	if v.frame == "" {
		return
	}
	if w := eval[[]float64](v.tb, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
		v.tb.t.Errorf("%s: the article around the widget scrolls sideways (%.0f px wide in %.0f px): %s", v.where, w[0], w[1], eval[string](v.tb, widest))
	}
}

// checkMarker follows the first citation marker a reader can see by
// touch, then by keyboard: each time the marker's sources open where the
// reader is looking, and Escape closes them and leaves focus on the
// marker.
func checkMarker(v view, kind string, width int64) {
	t := v.tb.t
	t.Helper()
	found := veval[bool](v, `(() => {
		const m = [...document.querySelectorAll("button.wm-ref")].find(b => b.getClientRects().length > 0 && !b.closest("[hidden], details:not([open])"));
		if (!m) return false;
		m.dataset.check = "marker";
		return true;
	})()`)
	if !found {
		t.Fatalf("%s: no citation marker in view to follow", v.where)
	}
	const marker = `[data-check=marker]`
	box := veval[string](v, `"#" + document.querySelector('`+marker+`').getAttribute("aria-controls")`)
	inView := func(how string) {
		t.Helper()
		v.wait("the marker's sources to open", `document.querySelector('`+marker+`').getAttribute("aria-expanded") === "true" && !document.querySelector('`+box+`').hidden`)
		v.settle()
		r, screen := v.rectOf(box), v.onScreen()
		first := v.rectOf(box + ` .wm-cite`)
		if r.Top < screen.Top-1 || first.Bottom > screen.Bottom+1 || r.Left < screen.Left-1 || r.Right > screen.Right+1 {
			t.Errorf("%s: followed by %s, the marker's sources show at %.0f to %.0f px (first source to %.0f), outside the screen's %.0f to %.0f", v.where, how, r.Top, r.Bottom, first.Bottom, screen.Top, screen.Bottom)
		}
	}
	closeWithEscape := func() {
		t.Helper()
		press(v.tb, kb.Escape, false)
		v.wait("Escape to close the sources", `document.querySelector('`+box+`').hidden`)
		if !veval[bool](v, `document.activeElement === document.querySelector('`+marker+`')`) {
			t.Errorf("%s: after Escape, focus is not on the marker", v.where)
		}
	}

	// A finger, on a marker low on the screen.
	v.bringTo(marker, 0.8)
	m := v.rectOf(marker)
	tap(v.tb, (m.Left+m.Right)/2, (m.Top+m.Bottom)/2)
	inView("touch")
	viewShot(v.tb, fmt.Sprintf("citation-%s-%d-%s", kind, width, v.way()))
	closeWithEscape()

	// A keyboard: the marker focused, Enter opens it.
	v.bringTo(marker, 0.8)
	veval[bool](v, `document.querySelector('`+marker+`').focus(); true`)
	press(v.tb, kb.Enter, false)
	inView("keyboard")
	closeWithEscape()
}

// checkEverythingOpen opens every part of an embedded widget in turn with
// everything in it open (every disclosure, every marker's sources, the
// whole introduction): the iframe fits it each time and it stays within
// what the loader will grow the iframe to.
func checkEverythingOpen(v view) {
	t := v.tb.t
	t.Helper()
	parts := max(1, veval[int](v, `document.querySelectorAll(".wm-tab").length`))
	const closed = `'button.wm-ref[aria-expanded="false"], .wm-intro-more[aria-expanded="false"]'`
	for i := 0; i < parts; i++ {
		veval[bool](v, fmt.Sprintf(`(() => {
			const tab = document.querySelectorAll(".wm-tab")[%d];
			if (tab) tab.click();
			return true;
		})()`, i))
		v.settle()
		veval[bool](v, `(() => {
			document.querySelectorAll("details").forEach(d => d.open = true);
			document.querySelectorAll(`+closed+`).forEach(b => b.click());
			return true;
		})()`)
		// The app answers each click in its own time: on a busy machine
		// a measure taken before it has opened them all is of a widget
		// half open.
		v.wait("every marker's sources and the introduction to open", `!document.querySelector(`+closed+`)`)
		v.settle()
		h := measure(v.tb, v.frame)
		if h.Content > heightCap {
			t.Errorf("%s, part %d with everything open: %.0f px of content, over the %d px the loader grows a frame to", v.where, i+1, h.Content, heightCap)
		}
		if math.Abs(h.Frame-h.Content) > 3 || h.Scroll {
			t.Errorf("%s, part %d with everything open: iframe is %.0f px for %.0f px of content (inner scrollbar: %v)", v.where, i+1, h.Frame, h.Content, h.Scroll)
		}
		t.Logf("%s, part %d with everything open: %.0f px", v.where, i+1, h.Content)
	}
}
