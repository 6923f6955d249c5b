//go:build !wasm

package widgets

// Real-browser checks of a widget embedded in the demo page with the embed
// loader: the iframe fits its content and ignores hostile messages.

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// frameWaitApp waits until the app has taken over the widget iframe.
func frameWaitApp(tb *tab, frame string) {
	tb.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		loaded := eval[bool](tb, `(() => { const f = document.querySelector('iframe[src^="`+frame+`"]'); return !!f && !!f.contentWindow && f.getBoundingClientRect().height > 0; })()`)
		if loaded && frameHas(tb, frame, `!!document.querySelector(".wm-app")`) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.t.Fatalf("the app never took over the embedded widget %s", frame)
}

// frameHas evaluates a condition in the widget frame; a frame that is not
// there yet counts as false.
func frameHas(tb *tab, frame, js string) bool {
	tree, err := chromedp.Call(tb.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return false
	}
	for _, c := range tree.FrameTree.ChildFrames {
		if strings.HasPrefix(c.Frame.URL, frame) {
			return frameEval[bool](tb, frame, js)
		}
	}
	return false
}

// frameWait polls a condition in the widget frame, then lets the app
// finish rendering.
func frameWait(tb *tab, frame, what, js string) {
	tb.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !frameHas(tb, frame, js) {
		if time.Now().After(deadline) {
			tb.t.Fatalf("waiting in the widget frame for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Not requestAnimationFrame: Chrome does not run it in an iframe that is
	// out of view, and some checks keep the widget below the fold.
	frameEval[bool](tb, frame, `new Promise(r => setTimeout(() => r(true), 100))`)
}

type heights struct {
	Frame   float64 `json:"frame"`
	Content float64 `json:"content"`
	Scroll  bool    `json:"scroll"`
}

// measure compares the iframe's height with its content's, once they have
// stopped changing.
func measure(tb *tab, frame string) heights {
	tb.t.Helper()
	// A reader looks at the widget: Chrome holds back layout observations
	// in a cross-origin iframe out of view, so bring it into view first.
	eval[bool](tb, `document.querySelector('iframe[src^="`+frame+`"]').scrollIntoView(); true`)
	var last heights
	same := 0
	for i := 0; i < 60; i++ {
		h := heights{
			Frame:   eval[float64](tb, `document.querySelector('iframe[src^="`+frame+`"]').getBoundingClientRect().height`),
			Content: frameEval[float64](tb, frame, `document.documentElement.getBoundingClientRect().height`),
			Scroll:  frameEval[bool](tb, frame, `document.scrollingElement.scrollHeight > window.innerHeight + 2`),
		}
		if i > 0 && h == last && math.Abs(h.Frame-h.Content) <= 3 {
			if same++; same >= 3 {
				return h
			}
		} else {
			same = 0
		}
		last = h
		time.Sleep(100 * time.Millisecond)
	}
	return last
}

// checkEmbedding loads the demo page at three widths and checks that the
// widget iframe whose address starts with frame always fits its content:
// after load, after each interaction interact makes (it calls check after
// each), and after hostile messages, which must change nothing.
func checkEmbedding(t *testing.T, s *site, frame string, interact func(tb *tab, check func(after string))) {
	t.Helper()
	for _, width := range []int64{320, 768, 1280} {
		where := fmt.Sprintf("demo page at %d px, %s", width, strings.TrimPrefix(frame, s.origin))
		tb := open(t, s.demo+"/", tabOptions{width: width, height: 900})
		eval[bool](tb, `document.querySelector('iframe[src^="`+frame+`"]').scrollIntoView(); true`)
		frameWaitApp(tb, frame)
		check := func(after string) {
			h := measure(tb, frame)
			if math.Abs(h.Frame-h.Content) > 3 || h.Scroll {
				t.Errorf("%s, %s: iframe is %.0f px for %.0f px of content (inner scrollbar: %v)", where, after, h.Frame, h.Content, h.Scroll)
			}
		}
		check("after load")
		interact(tb, check)

		// Hostile messages from other windows, and malformed ones from the
		// widget itself, must leave the iframe as it is.
		before := eval[string](tb, `document.querySelector('iframe[src^="`+frame+`"]').style.height`)
		bad := "['{\"type\":\"waymark:height\",\"height\":5}', '{\"type\":\"waymark:height\",\"height\":1e9}', " +
			"'{\"type\":\"waymark:height\",\"height\":-400}', '{\"type\":\"waymark:height\",\"height\":\"300\"}', " +
			"'{\"type\":\"other\",\"height\":300}', 'hello', '{\"type\":\"waymark:height\",\"height\":NaN}', " +
			"{type: \"waymark:height\", height: 300}]"
		// From the host page's own window (wrong sender, wrong origin) ...
		eval[bool](tb, `(async () => {
			for (const m of `+bad+`) window.postMessage(m, "*");
			const other = document.createElement("iframe");
			other.id = "hostile";
			document.body.appendChild(other);
			await new Promise(r => setTimeout(r, 100));
			return true;
		})()`)
		// ... and from another frame on the page.
		frameEval[bool](tb, "about:blank", `(async () => {
			for (const m of `+bad+`) parent.postMessage(m, "*");
			await new Promise(r => setTimeout(r, 300));
			return true;
		})()`)
		eval[bool](tb, `document.getElementById("hostile").remove(); true`)
		// A window of the widget origin that is not this widget's iframe
		// (another page of the widget site, which reports its own height)
		// sends well-formed messages: they are not this iframe's either.
		eval[bool](tb, `(async () => {
			const other = document.createElement("iframe");
			other.id = "impostor";
			other.src = "`+s.origin+`/?impostor";
			document.body.appendChild(other);
			await new Promise(r => other.onload = r);
			return true;
		})()`)
		frameEval[bool](tb, s.origin+"/?impostor", `(async () => {
			for (const h of [5, 160, 12345]) parent.postMessage(JSON.stringify({type: "waymark:height", height: h}), "*");
			await new Promise(r => setTimeout(r, 300));
			return true;
		})()`)
		eval[bool](tb, `document.getElementById("impostor").remove(); true`)
		frameEval[bool](tb, frame, `(async () => {
			for (const m of ['{"type":"waymark:height","height":-5}', '{"type":"waymark:height","height":NaN}', '{"type":"waymark:height","height":"9"}', '{"type":"waymark:height"}', 'x'.repeat(500)])
				parent.postMessage(m, "*");
			parent.postMessage({type: "waymark:height", height: 9}, "*");
			await new Promise(r => setTimeout(r, 300));
			return true;
		})()`)
		if after := eval[string](tb, `document.querySelector('iframe[src^="`+frame+`"]').style.height`); after != before {
			t.Errorf("%s: hostile messages changed the iframe height from %s to %s", where, before, after)
		}
		noConsoleErrors(tb, where)
	}
}
