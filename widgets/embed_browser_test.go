//go:build browser

package widgets_test

// Real-browser checks of a widget embedded in the demo page with the embed
// loader: the iframe fits its content and ignores hostile messages.

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"waymark/widgets"
)

// frameSel is a JavaScript string of the CSS selector of the iframe that
// shows address frame: by its src, or, for the load-on-click code, by the
// link its srcdoc holds.
func frameSel(frame string) string {
	return "'iframe[src^=\"" + frame + "\"], iframe[srcdoc*=\"" + frame + "\"]'"
}

// frameWaitApp waits until the app has taken over the widget iframe.
func frameWaitApp(tb *tab, frame string) {
	tb.t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		loaded := eval[bool](tb, `(() => { const f = document.querySelector(`+frameSel(frame)+`); return !!f && !!f.contentWindow && f.getBoundingClientRect().height > 0; })()`)
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
		if strings.HasPrefix(c.Frame.URL+c.Frame.URLFragment, frame) {
			return frameEval[bool](tb, frame, js)
		}
	}
	return false
}

// waitFrame waits until the page has a frame whose address starts with
// prefix.
func waitFrame(tb *tab, prefix string) {
	tb.t.Helper()
	deadline := time.Now().Add(patience)
	for !frameHas(tb, prefix, "true") {
		if time.Now().After(deadline) {
			tb.t.Fatalf("waiting for a frame of %s", prefix)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// frameWait polls a condition in the widget frame. What it leads to is
// measured by measure, which waits for heights to settle.
func frameWait(tb *tab, frame, what, js string) {
	tb.t.Helper()
	deadline := time.Now().Add(patience)
	for !frameHas(tb, frame, js) {
		if time.Now().After(deadline) {
			tb.t.Fatalf("waiting in the widget frame for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type heights struct {
	Frame   float64 `json:"frame"`
	Content float64 `json:"content"`
	Scroll  bool    `json:"scroll"`
}

// measure compares the iframe's height with its content's, once they have
// stopped changing and agree; if they never agree, it returns the last
// reading for the caller to report.
func measure(tb *tab, frame string) heights {
	tb.t.Helper()
	return readHeights(tb, frame, true)
}

// readHeights reads the iframe's height and its content's until three
// readings in a row are the same (and, if agree, within 3 px of each
// other), and returns the last.
func readHeights(tb *tab, frame string, agree bool) heights {
	tb.t.Helper()
	// A reader looks at the widget: Chrome holds back layout observations
	// in a cross-origin iframe out of view, so bring it into view first.
	eval[bool](tb, `document.querySelector(`+frameSel(frame)+`).scrollIntoView(); true`)
	var last heights
	same := 0
	for deadline, i := time.Now().Add(patience/3), 0; time.Now().Before(deadline); i++ {
		h := heights{
			Frame:   eval[float64](tb, `document.querySelector(`+frameSel(frame)+`).getBoundingClientRect().height`),
			Content: frameEval[float64](tb, frame, `document.documentElement.getBoundingClientRect().height`),
			Scroll:  frameEval[bool](tb, frame, `document.scrollingElement.scrollHeight > window.innerHeight + 2`),
		}
		if i > 0 && h == last && (!agree || math.Abs(h.Frame-h.Content) <= 3) {
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

// checkEmbedding loads the demo article that embeds one kind of widget
// alone with the loader code, at three widths, and checks that its iframe
// always fits its content: after load, after each of the kind's embedded
// steps, and after hostile messages, which must change nothing; at a
// phone's width and a desktop's, what a reader does there too, where the
// reader's system prefers dark and the code asks for no theme: the
// widget is light.
func checkEmbedding(t *testing.T, s *site, kc kindCheck) {
	kind, steps := kc.name, kc.embedded
	frame := s.url(kind, s.en())
	t.Helper()
	for _, width := range []int64{360, 1280} {
		where := fmt.Sprintf("%s embedded with the loader at %d px", kind, width)
		tb := open(t, s.demo+"/"+kind+".html", tabOptions{width: width, height: 740, dark: true})
		eval[bool](tb, `document.querySelector(`+frameSel(frame)+`).scrollIntoView(); true`)
		frameWaitApp(tb, frame)
		check := func(after string) {
			h := measure(tb, frame)
			if math.Abs(h.Frame-h.Content) > 3 || h.Scroll {
				t.Errorf("%s, %s: iframe is %.0f px for %.0f px of content (inner scrollbar: %v)", where, after, h.Frame, h.Content, h.Scroll)
			}
		}
		check("after load")
		v := view{tb: tb, frame: frame, where: where, code: byLoader}
		checkArrival(v, kc, width)
		for _, st := range steps {
			if st.scrollTo != "" {
				top := frameEval[float64](tb, frame, `document.querySelector('`+st.scrollTo+`').getBoundingClientRect().top + scrollY`)
				eval[bool](tb, fmt.Sprintf(`window.scrollTo(0, document.querySelector(%s).getBoundingClientRect().top + scrollY + %f - 100); true`, frameSel(frame), top))
			}
			if st.do != "" {
				frameEval[bool](tb, frame, st.do+`; true`)
			}
			frameWait(tb, frame, st.what, st.until)
			check("after " + st.what)
		}
		// What a reader does there (reader_browser_test.go).
		checkReading(v, kc, width, false)
		if width == 360 {
			hostileMessages(t, tb, s, frame, where)
		}
		if width == 1280 {
			// The window narrowed to a tablet's width, as a reader resizing
			// it or turning a tablet does, with everything still open: the
			// loader refits the frame to what the widget now holds.
			if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(768, 740)); err != nil {
				t.Fatal(err)
			}
			check("the window narrowed to 768 px")
		}
		noConsoleErrors(tb, where)
	}
}

// hostileMessages sends the loader messages from other windows, and
// malformed ones from the widget itself: none may set the iframe's
// height. Every height the iframe takes meanwhile is recorded, with every
// height the widget reports in the protocol's own shape: the widget may
// resize itself while the messages arrive (a reader's hover can open a
// definition), but each height the iframe takes must be one the widget
// reported. The loader's answer does not depend on the page's width, so
// one width checks it.
func hostileMessages(t *testing.T, tb *tab, s *site, frame, where string) {
	t.Helper()
	eval[bool](tb, `(() => {
		const frame = document.querySelector(`+frameSel(frame)+`);
		const seen = window.waymarkCheckHeights = {set: [], reported: [frame.style.height]};
		addEventListener("message", e => {
			if (e.source !== frame.contentWindow || typeof e.data !== "string") return;
			try {
				const m = JSON.parse(e.data);
				if (m.type === "waymark:height" && typeof m.height === "number" && m.height > 0)
					seen.reported.push(Math.min(3e4, Math.max(150, Math.ceil(m.height))) + "px");
			} catch (err) {}
		});
		new MutationObserver(() => seen.set.push(frame.style.height)).observe(frame, {attributes: true, attributeFilter: ["style"]});
		return true;
	})()`)
	bad := "['{\"type\":\"waymark:height\",\"height\":5}', '{\"type\":\"waymark:height\",\"height\":1e9}', " +
		"'{\"type\":\"waymark:height\",\"height\":-400}', '{\"type\":\"waymark:height\",\"height\":\"300\"}', " +
		"'{\"type\":\"other\",\"height\":300}', 'hello', '{\"type\":\"waymark:height\",\"height\":NaN}', " +
		"{type: \"waymark:height\", height: 300}]"
	// Messages from one window arrive in the order it sent them, so a
	// last, harmless one tells when the loader has seen them all.
	const done = `parent.postMessage("waymark-check:done", "*"); return true;`
	sent := func(post func()) {
		eval[bool](tb, `window.waymarkCheckDone = new Promise(r => addEventListener("message", function f(e) {
			if (e.data === "waymark-check:done") { removeEventListener("message", f); r(true); }
		})); true`)
		post()
		eval[bool](tb, `window.waymarkCheckDone`)
	}
	// From the host page's own window (wrong sender, wrong origin) ...
	sent(func() {
		eval[bool](tb, `(() => { for (const m of `+bad+`) window.postMessage(m, "*"); `+done+` })()`)
	})
	// ... and from another frame on the page.
	eval[bool](tb, `(() => { const other = document.createElement("iframe"); other.id = "hostile"; document.body.appendChild(other); return true; })()`)
	waitFrame(tb, "about:blank")
	sent(func() {
		frameEval[bool](tb, "about:blank", `(() => { for (const m of `+bad+`) parent.postMessage(m, "*"); `+done+` })()`)
	})
	eval[bool](tb, `document.getElementById("hostile").remove(); true`)
	// A window of the widget origin that is not this widget's iframe
	// (another page of the widget site, which reports its own height)
	// sends well-formed messages: they are not this iframe's either.
	eval[bool](tb, `(async () => {
		const other = document.createElement("iframe");
		other.id = "impostor";
		other.src = "`+s.origin+`/?impostor";
		const loaded = new Promise(r => other.onload = r);
		document.body.appendChild(other);
		await loaded;
		return true;
	})()`)
	sent(func() {
		frameEval[bool](tb, s.origin+"/?impostor", `(() => {
			for (const h of [5, 160, 12345]) parent.postMessage(JSON.stringify({type: "waymark:height", height: h}), "*");
			`+done+`
		})()`)
	})
	eval[bool](tb, `document.getElementById("impostor").remove(); true`)
	sent(func() {
		frameEval[bool](tb, frame, `(() => {
			for (const m of ['{"type":"waymark:height","height":-5}', '{"type":"waymark:height","height":NaN}', '{"type":"waymark:height","height":"9"}', '{"type":"waymark:height"}', 'x'.repeat(500)])
				parent.postMessage(m, "*");
			parent.postMessage({type: "waymark:height", height: 9}, "*");
			`+done+`
		})()`)
	})
	// The mutation records of the last change are delivered before the
	// next task, which this evaluation is.
	seen := eval[struct{ Set, Reported []string }](tb, `new Promise(r => setTimeout(() => r(window.waymarkCheckHeights)))`)
	for _, h := range seen.Set {
		if !slices.Contains(seen.Reported, h) {
			t.Errorf("%s: while hostile messages arrived the iframe took a height the widget never reported: %s (heights set: %v; reported: %v)", where, h, seen.Set, seen.Reported)
		}
	}
	if len(seen.Set) > 0 {
		t.Logf("%s: the widget resized itself while hostile messages arrived: %v", where, seen.Set)
	}
}

// The demo page embeds every kind of widget: each iframe loads as the
// reader scrolls to it, the app takes over in each and each fits its
// content; the page is accessible, nothing is requested from any origin
// but the page's and the widgets', and the console stays clean.
func TestDemoPageInTheBrowser(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, width := range []int64{320, 1280} {
		where := fmt.Sprintf("demo page at %d px", width)
		tb := open(t, s.demo+"/", tabOptions{width: width})
		waitFor(tb, "the demo page", `document.readyState === "complete"`)
		for _, k := range widgets.Kinds {
			frame := s.url(k.Name, s.en())
			eval[bool](tb, `document.querySelector(`+frameSel(frame)+`).scrollIntoView(); true`)
			frameWaitApp(tb, frame)
			if h := measure(tb, frame); math.Abs(h.Frame-h.Content) > 3 || h.Scroll {
				t.Errorf("%s: the %s iframe is %.0f px for %.0f px of content (inner scrollbar: %v)", where, k.Name, h.Frame, h.Content, h.Scroll)
			}
		}
		checkAxe(tb, where)
		onlyFrom(t, where, tb.Requests(), s.demo, s.origin)
		noConsoleErrors(tb, where)
		eval[bool](tb, `window.scrollTo(0, 0); true`)
		screenshot(tb, fmt.Sprintf("demo-%d", width))
	}
}

// A host page's markup, with no script of its own, cannot point the loader
// at another site or stop it: named elements that shadow document's own
// properties (an image named currentScript, a form named currentScript,
// images named after the methods the loader calls) leave the widget framed
// from its own origin and working.
func TestLoaderIgnoresShadowingMarkup(t *testing.T) {
	t.Parallel()
	s := served(t)
	frame := s.url(widgets.JourneyName, s.en())
	for _, shadows := range []string{
		`<img name="currentScript" src="/not-the-widget-origin.svg" alt="">`,
		`<form name="currentScript"></form><img name="querySelectorAll" alt=""><img name="createElement" alt="">`,
		// Window's named properties come before EventTarget.prototype.
		`<div id="addEventListener"></div><img name="getElementsByTagName" alt="">`,
	} {
		tb := open(t, s.demo+"/"+widgets.JourneyName+".html", tabOptions{})
		waitFor(tb, "the article", `document.readyState === "complete"`)
		// Everything is made before the shadowing markup is in the page,
		// whose names would shadow this script's own calls too.
		eval[bool](tb, `new Promise(done => {
			const P = Document.prototype;
			P.querySelectorAll.call(document, "figure.embed").forEach(e => e.remove());
			const markup = P.createElement.call(document, "div");
			markup.innerHTML = `+"`"+shadows+"`"+`;
			const embed = P.createElement.call(document, "div");
			Object.assign(embed.dataset, {waymark: "journey", lang: "en", title: "Journey"});
			const loader = P.createElement.call(document, "script");
			loader.src = "`+s.origin+`/embed.js";
			loader.onload = loader.onerror = () => done(true);
			document.body.append(...markup.childNodes, embed);
			document.body.append(loader);
		})`)
		where := "host page with " + shadows
		src := eval[string](tb, `(Document.prototype.querySelector.call(document, "[data-waymark] iframe") || {}).src || ""`)
		if !strings.HasPrefix(src, frame) {
			t.Fatalf("%s: the loader framed %q, want the widget from %s", where, src, frame)
		}
		frameWaitApp(tb, frame)
		if h := measure(tb, frame); math.Abs(h.Frame-h.Content) > 3 {
			t.Errorf("%s: the iframe is %.0f px for %.0f px of content; the loader no longer hears the widget", where, h.Frame, h.Content)
		}
		noConsoleErrors(tb, where)
	}
}

// TestLoaderSaysWhatIsWrongWithACode pastes codes with a mistyped widget,
// wrong languages and option values the widget does not take, as an
// editor might.
func TestLoaderSaysWhatIsWrongWithACode(t *testing.T) {
	t.Parallel()
	s := served(t)
	english := s.url(widgets.JourneyName, s.en())
	tb := open(t, s.demo+"/"+widgets.JourneyName+".html", tabOptions{})
	waitFor(tb, "the article", `document.readyState === "complete"`)
	eval[bool](tb, `new Promise(done => {
		document.querySelectorAll("figure.embed").forEach(e => e.remove());
		for (const [id, widget, lang] of [["typo", "jurney", "en"], ["unknown", "journey", "xx"], ["hostile", "journey", '"><img src=x onerror=alert(1)>']]) {
			const embed = document.createElement("div");
			embed.id = id;
			Object.assign(embed.dataset, {waymark: widget, lang: lang});
			document.body.append(embed);
		}
		const bad = document.createElement("div");
		bad.id = "bad";
		Object.assign(bad.dataset, {waymark: "journey", lang: "en", theme: "purple", sources: "none", open: "at", height: "640"});
		document.body.append(bad);
		const loader = document.createElement("script");
		loader.src = "`+s.origin+`/embed.js";
		// The heights the loader reserved, before any widget can report its own.
		loader.onload = () => {
			window.waymarkReserved = Object.fromEntries([...document.querySelectorAll("iframe")].map(f => [f.parentNode.id, [f.style.height, f.parentNode.clientWidth]]));
			done(true);
		};
		loader.onerror = () => done(true);
		document.body.append(loader);
	})`)
	note := func(id string) string {
		return eval[string](tb, `(document.querySelector("#`+id+` [data-waymark-note]") || {}).textContent || ""`)
	}
	if got := note("typo"); !strings.Contains(got, `no widget "jurney"`) || !strings.Contains(got, "checklist") || !strings.Contains(got, "glossary") {
		t.Errorf("a mistyped widget shows %q, want a note naming it and the widgets there are", got)
	}
	if n := eval[int](tb, `document.querySelectorAll("#typo iframe").length`); n != 0 {
		t.Errorf("a mistyped widget got %d frames, want none", n)
	}
	for _, id := range []string{"unknown", "hostile"} {
		if got := note(id); !strings.Contains(got, "shows in English") {
			t.Errorf("%s language: the note says %q, want that it shows in English", id, got)
		}
		src := eval[string](tb, `(document.querySelector("#`+id+` iframe") || {}).src || ""`)
		if !strings.HasPrefix(src, english) {
			t.Errorf("%s language: framed %q, want the English widget %s", id, src, english)
		}
	}
	if n := eval[int](tb, `document.querySelectorAll("img").length`); n != 0 {
		t.Errorf("the loader turned a data-lang value into %d elements", n)
	}
	// A value an option does not take is named and left out; the others
	// stay, and the height the code gives is reserved.
	notes := eval[string](tb, `[...document.querySelectorAll("#bad [data-waymark-note]")].map(n => n.textContent).join("\n")`)
	for _, want := range []string{`data-theme="purple" is not valid`, `data-sources="none" is not valid`} {
		if !strings.Contains(notes, want) {
			t.Errorf("a code with bad option values shows %q, want a note that %s", notes, want)
		}
	}
	if src := eval[string](tb, `(document.querySelector("#bad iframe") || {}).src || ""`); src != english+"#at" {
		t.Errorf("a code with bad option values framed %q, want %s#at", src, english)
	}
	at := eval[map[string][2]any](tb, `window.waymarkReserved`)
	k := widgets.KindNamed(widgets.JourneyName)
	for id, want := range map[string]func(width float64) string{
		"bad": func(float64) string { return "640px" },
		"unknown": func(width float64) string {
			if width < 540 {
				return fmt.Sprintf("%dpx", k.Fit.Phone)
			}
			return fmt.Sprintf("%dpx", k.Fit.Column)
		},
	} {
		got, _ := at[id][0].(string)
		width, _ := at[id][1].(float64)
		if got != want(width) {
			t.Errorf("the loader reserved %q for the %s code in a %.0f px column, want %s", got, id, width, want(width))
		}
	}
	frameWaitApp(tb, english)
	said := strings.Join(tb.ConsoleErrors(), "\n")
	// The console shows each message as a quoted string.
	for _, want := range []string{`no widget \"jurney\"`, `no language \"xx\"`} {
		if !strings.Contains(said, want) {
			t.Errorf("the host page's console does not say %s; it has:\n%s", want, said)
		}
	}
}

// TestAMistypedPlainIframeSaysSoSmall pastes a plain iframe code whose
// address names a widget there is not, on a host page that has the
// loader: the frame shrinks from the room the widget needed to the short
// page saying what is wrong, and the console an editor looks in says it.
func TestAMistypedPlainIframeSaysSoSmall(t *testing.T) {
	t.Parallel()
	s := served(t)
	k := widgets.KindNamed(widgets.JourneyName)
	code := widgets.EmbedCodes(s.origin, k, s.en(), nil, k.Fit).IFrame
	typo := strings.Replace(code, "/w/"+widgets.JourneyName+"/", "/w/jurney/", 1)
	if typo == code {
		t.Fatalf("the plain iframe code does not name the widget's address: %s", code)
	}
	frame := s.origin + "/w/jurney/"
	tb := open(t, s.hostPage(t, typo+`<script src="`+s.origin+`/embed.js"></script>`, ""), tabOptions{width: 360, height: 740})
	waitFor(tb, "the article", `document.readyState === "complete"`)
	before := eval[float64](tb, `document.querySelector(`+frameSel(frame)+`).getBoundingClientRect().height`)
	h := measure(tb, frame)
	if h.Frame > 900 || math.Abs(h.Frame-h.Content) > 3 {
		t.Errorf("the mistyped frame is %.0f px (it started at %.0f) for %.0f px of content; it should shrink to the short page", h.Frame, before, h.Content)
	}
	t.Logf("the mistyped frame: %.0f px, from %.0f px", h.Frame, before)
	if !frameEval[bool](tb, frame, `document.title === "No such Waymark widget" && !!document.querySelector('a[href="/w/journey/en/"]')`) {
		t.Errorf("the mistyped frame does not say what is wrong and what exists")
	}
	said := strings.Join(tb.ConsoleErrors(), "\n")
	if !strings.Contains(said, "Waymark: no such widget") || !strings.Contains(said, "checklist") {
		t.Errorf("the console does not say the address names no widget, and which there are; it has:\n%s", said)
	}
	viewShot(tb, "mistyped-plain-iframe-360")
}

// A widget the loader frames far down an article loads when the reader
// comes near it, not with the article: a reader who never scrolls there
// downloads only the loader.
func TestLoaderFramesLazily(t *testing.T) {
	t.Parallel()
	s := served(t)
	frame := s.url(widgets.JourneyName, s.en())
	// No policy: a strict one would drop the spacer's inline style.
	tb := open(t, s.hostPage(t, `<div style="height:12000px"></div><div data-waymark="journey" data-lang="en"></div><script src="`+s.origin+`/embed.js"></script>`, ""), tabOptions{})
	waitFor(tb, "the article", `document.readyState === "complete" && !!document.querySelector("[data-waymark] iframe")`)
	settle(tb)
	for _, r := range tb.Requests() {
		if strings.HasPrefix(r, frame) {
			t.Errorf("the article asked for %s with the widget 12,000 px below", r)
		}
	}
	eval[bool](tb, `document.querySelector("[data-waymark]").scrollIntoView(); true`)
	frameWaitApp(tb, frame)
	noConsoleErrors(tb, "an article with the widget far down")
}

// TestIsolatedHostPageEmbeds embeds a widget in a host page that isolates
// itself with Cross-Origin-Embedder-Policy, as some newsrooms' pages do.
func TestIsolatedHostPageEmbeds(t *testing.T) {
	t.Parallel()
	s := served(t)
	frame := s.url(widgets.JourneyName, s.en())
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>Isolated article</title><h1>Article</h1>
<div data-waymark="journey" data-lang="en"></div><script src="%s/embed.js"></script>`, s.origin)
	}))
	t.Cleanup(host.Close)
	tb := open(t, host.URL+"/", tabOptions{})
	if !eval[bool](tb, `crossOriginIsolated`) {
		t.Fatal("the host page is not isolated; the check would prove nothing")
	}
	frameWaitApp(tb, frame)
	noConsoleErrors(tb, "isolated host page")
}
