//go:build browser

package widgets_test

// What a reader does with every kind of widget, checked the three ways a
// reader meets it (on its own, embedded with the loader, embedded as a
// plain iframe) at a phone's width and a desktop's: a citation marker
// followed by touch and by keyboard shows its sources where the reader is
// looking; every control is a target a finger can hit; the page does not
// scroll sideways; and, embedded with everything open, the widget stays
// within the height the loader will grow it to.

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
// the iframe of a host page, whose address starts with frame.
type view struct {
	tb    *tab
	frame string
	where string
}

// way names how the reader meets the widget, for screenshots.
func (v view) way() string {
	switch {
	case v.frame == "":
		return "alone"
	case strings.Contains(v.where, "loader"):
		return "loader"
	}
	return "iframe"
}

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
	tb := open(t, s.hostPage(t, code, ""), tabOptions{width: width, height: 740})
	u := s.url(kind, s.en())
	eval[bool](tb, `document.querySelector(`+frameSel(u)+`).scrollIntoView(); true`)
	frameWaitApp(tb, u)
	return tb
}

// checkReader runs the reader's checks on a kind of widget embedded as a
// plain iframe at a phone's width and a desktop's; on its own, the suite's
// app tabs run them (checkApp, and the 320 px phone in
// TestEveryKindInTheBrowser).
func checkReader(t *testing.T, s *site, kind string) {
	u := s.url(kind, s.en())
	for _, width := range []int64{360, 1280} {
		v := view{tb: plainIframe(t, s, kind, width), frame: u, where: fmt.Sprintf("%s embedded as a plain iframe at %d px", kind, width)}
		noSidewaysScroll(v)
		checkMarker(v, kind, width)
		noConsoleErrors(v.tb, v.where)
	}
}

// checkFirstScreen: on a phone, the first screen holds what a reader
// needs to begin (for the journey: the stage navigation and the first
// technology's name).
func checkFirstScreen(v view, kc kindCheck) {
	v.tb.t.Helper()
	eval[bool](v.tb, `window.scrollTo(0, 0); true`)
	settle(v.tb)
	for _, sel := range kc.firstScreen {
		r := v.rectOf(sel)
		if r.Bottom-r.Top <= 0 || r.Top < 0 || r.Bottom > v.onScreen().Bottom {
			v.tb.t.Errorf("%s: %s is not on the first screen (%.0f to %.0f px of %.0f)", v.where, sel, r.Top, r.Bottom, v.onScreen().Bottom)
		}
	}
	if len(kc.firstScreen) == 0 {
		v.tb.t.Errorf("%s: the kind names nothing its first screen must hold", v.where)
	}
}

// noSidewaysScroll: neither the widget nor the page around it scrolls
// sideways.
func noSidewaysScroll(v view) {
	v.tb.t.Helper()
	if w := veval[[]float64](v, `[document.documentElement.scrollWidth, document.documentElement.clientWidth]`); w[0] > w[1] {
		v.tb.t.Errorf("%s: the widget scrolls sideways (%.0f px wide in %.0f px): %s", v.where, w[0], w[1], veval[string](v, widest))
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
