//go:build browser

package widgets_test

// Real-browser checks of the embed builder, and of every code it gives
// pasted into an article the way an editor would.

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"waymark/data"
	"waymark/widgets"
)

// builderState is what the builder shows for the options chosen: the
// previews' addresses and the codes.
type builderState struct {
	Previews []string `json:"previews"`
	Codes    []string `json:"codes"`
}

const readBuilder = `({
	previews: [...document.querySelectorAll(".wm-preview iframe")].map(f => f.src),
	codes: [...document.querySelectorAll(".wm-code")].map(c => c.value),
})`

// Every option of the builder changes the preview and the codes, as the
// address and the loader read it; the previews measure the widget and the
// codes that cannot resize take those heights; a copy says what it did.
func TestBuilderEveryOptionChangesThePreviewAndTheCodes(t *testing.T) {
	t.Parallel()
	s := served(t)
	tb := open(t, s.origin+"/builder/", tabOptions{width: 1280, height: 900})
	waitApp(tb)
	checkAxe(tb, "the builder")
	// An editor can choose every language the site has, by its own name.
	offered := eval[[]string](tb, `[...document.getElementById("wm-b-lang").options].map(o => o.value + " " + o.textContent.trim())`)
	var want []string
	for _, lang := range data.Languages(s.contents) {
		want = append(want, lang+" "+s.contents[lang].UI.LanguageName)
	}
	if !slices.Equal(offered, want) {
		t.Errorf("the builder offers the languages %q, want %q", offered, want)
	}
	setSelect := func(id, value string) string {
		return fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, id, value)
	}
	steps := []struct {
		what, do string
		want     []string // in the preview's address and the codes
	}{
		{"choosing the glossary", setSelect("wm-b-widget", widgets.GlossaryName), []string{"/w/glossary/en/", `data-waymark="glossary"`}},
		{"opening it at a term", setSelect("wm-b-open", "term-"+s.en().Glossary.Terms[1].ID), []string{"#term-" + s.en().Glossary.Terms[1].ID, `data-open="term-` + s.en().Glossary.Terms[1].ID + `"`}},
		{"choosing French", setSelect("wm-b-lang", "fr"), []string{"/w/glossary/fr/", `data-lang="fr"`}},
		{"choosing English again", setSelect("wm-b-lang", "en"), []string{"/w/glossary/en/", `data-lang="en"`}},
		{"choosing the checklist", setSelect("wm-b-widget", widgets.ChecklistName), []string{"/w/checklist/en/", `data-waymark="checklist"`}},
		{"opening it at the second list", setSelect("wm-b-open", s.en().Checklist.Lists[1].ID), []string{"#" + s.en().Checklist.Lists[1].ID, `data-open="` + s.en().Checklist.Lists[1].ID + `"`}},
		{"choosing the quiz", setSelect("wm-b-widget", widgets.QuizName), []string{"/w/quiz/en/", `data-waymark="quiz"`}},
		{"opening it at its third question", setSelect("wm-b-open", "q-"+s.en().Quiz.Questions[2].ID), []string{"#q-" + s.en().Quiz.Questions[2].ID, `data-open="q-` + s.en().Quiz.Questions[2].ID + `"`}},
		{"choosing the journey", setSelect("wm-b-widget", widgets.JourneyName), []string{"/w/journey/en/", `data-waymark="journey"`}},
		{"opening it at the border", setSelect("wm-b-open", "at"), []string{"#at", `data-open="at"`}},
		{"dark colours", `document.getElementById("wm-b-theme-dark").click(); true`, []string{"theme=dark", `data-theme="dark"`}},
		{"the reader's colours", `document.getElementById("wm-b-theme-auto").click(); true`, []string{"theme=auto", `data-theme="auto"`}},
		{"an accent of one's own", `document.getElementById("wm-b-own-accent").click(); true`, []string{"accent=1d3557", `accent=1d3557`}},
		{"another accent", `(() => { const e = document.getElementById("wm-b-accent"); e.value = "#aa3300"; e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, []string{"accent=aa3300", `data-accent="aa3300"`}},
		{"no title and introduction", `document.getElementById("wm-b-header").click(); true`, []string{"header=hide", `data-header="hide"`}},
		{"no link to the full list of sources", `document.getElementById("wm-b-sources").click(); true`, []string{"sources=hide", `data-sources="hide"`}},
	}
	// The codes also change as the previews report their heights, so each
	// step waits for what it asked for, not for any change.
	state := eval[builderState](tb, readBuilder)
	for _, st := range steps {
		before := state
		eval[bool](tb, st.do)
		for deadline := time.Now().Add(patience); ; time.Sleep(50 * time.Millisecond) {
			state = eval[builderState](tb, readBuilder)
			if strings.Contains(state.Previews[0], st.want[0]) && strings.Contains(strings.Join(state.Codes, "\n"), st.want[1]) || time.Now().After(deadline) {
				break
			}
		}
		for i, p := range state.Previews {
			if p == before.Previews[i] || !strings.Contains(p, st.want[0]) {
				t.Errorf("the builder, after %s: preview %d shows %s, want an address with %s", st.what, i+1, p, st.want[0])
			}
		}
		if !strings.Contains(strings.Join(state.Codes, "\n"), st.want[1]) {
			t.Errorf("the builder, after %s: no code holds %s", st.what, st.want[1])
		}
	}
	// Both previews show the widget with what was chosen.
	frame := state.Previews[0]
	frameWaitApp(tb, frame)
	if !frameHas(tb, frame, `document.documentElement.dataset.theme === undefined && document.documentElement.dataset.header === "hide" && document.querySelector(".wm-open").id === "wm-a-at" && !document.querySelector(".wm-all-sources").checkVisibility()`) {
		t.Errorf("the phone preview does not show the widget as chosen")
	}
	// The plain iframe code takes the height the phone preview measured:
	// the tallest the page was, before the app and after, so nothing is
	// cut off.
	measured := frameEval[float64](tb, frame, `document.documentElement.getBoundingClientRect().height`)
	k := widgets.KindNamed(widgets.JourneyName)
	var height float64
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		code := eval[string](tb, `document.getElementById("wm-code-iframe").value`)
		fmt.Sscanf(code[strings.Index(code, `height="`)+len(`height="`):], "%f", &height)
		if height != float64(k.Fit.Phone) && height >= measured {
			break
		}
	}
	// With the title hidden the widget is shorter than its kind's fit,
	// and the code follows the preview, never shorter than the page is now.
	if height < measured || height >= float64(k.Fit.Phone) {
		t.Errorf("the plain iframe code is %.0f px tall; the phone preview measures %.0f px now, and the kind's fit is %d", height, measured, k.Fit.Phone)
	}
	// Each copy button puts its own code on the clipboard and says so
	// beside it; where the browser refuses, it says that and selects the
	// code to copy by hand. The clipboard is a stand-in that keeps what it
	// is given, or refuses.
	eval[bool](tb, `(() => { window.waymarkCopied = []; Object.defineProperty(navigator, "clipboard", {configurable: true, value: {writeText: t => window.waymarkRefuse ? Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) : (window.waymarkCopied.push(t), Promise.resolve())}}); return true; })()`)
	for _, id := range eval[[]string](tb, `[...document.querySelectorAll(".wm-code")].map(c => c.id)`) {
		eval[bool](tb, `document.querySelector("#`+id+` ~ button").click(); true`)
		waitFor(tb, "the copy of #"+id+" to say what it did", `document.getElementById("`+id+`-note").textContent !== ""`)
		copied := eval[[]string](tb, `window.waymarkCopied.splice(0)`)
		if code := eval[string](tb, `document.getElementById("`+id+`").value`); len(copied) != 1 || copied[0] != code {
			t.Errorf("the builder's copy of #%s put %q on the clipboard, want its code %q", id, copied, code)
		}
		if note := eval[string](tb, `document.getElementById("`+id+`-note").textContent`); note != s.en().UI.Copied {
			t.Errorf("the builder's copy of #%s says %q, want %q", id, note, s.en().UI.Copied)
		}
	}
	eval[bool](tb, `window.waymarkRefuse = true; document.querySelector("#wm-code-iframe ~ button").click(); true`)
	waitFor(tb, "the refused copy to say so", `document.getElementById("wm-code-iframe-note").textContent === `+jsString(s.en().UI.CopyFailed))
	waitFor(tb, "the refused code to be selected", `(() => { const a = document.getElementById("wm-code-iframe"); return document.activeElement === a && a.selectionStart === 0 && a.selectionEnd === a.value.length; })()`)
	screenshot(tb, "builder-1280")
	checkAxe(tb, "the builder with every option changed")
	noConsoleErrors(tb, "the builder")

	phone := open(t, s.origin+"/builder/", tabOptions{width: 360, height: 740})
	waitApp(phone)
	checkTargets(phone, "the builder at 360 px")
	noSidewaysScroll(view{tb: phone, where: "the builder at 360 px"})
	screenshot(phone, "builder-360")
}

// strictCSP is a host page's policy that allows the widget origin, and
// nothing else, to frame and to script: what Amnesty's CSP plugin can do.
func strictCSP(origin string) string {
	return "default-src 'self'; script-src " + origin + "; frame-src " + origin + "; style-src 'self'; img-src 'self'"
}

// Each code, pasted into an article that allows only the widget origin
// (and the plain iframe into one that keeps inline styles too), shows the
// widget at a phone's width and a desktop's with no scrollbar of its own
// and nothing cut off, and moves nothing on the page as it loads (a
// layout shift under 0.1).
func TestEveryCodeWorksInAStrictArticle(t *testing.T) {
	t.Parallel()
	s := served(t)
	k := widgets.KindNamed(widgets.JourneyName)
	frame := s.url(k.Name, s.en())
	codes := widgets.EmbedCodes(s.origin, k, s.en(), nil, k.Fit)
	res, err := http.Get(s.origin + "/oembed?" + url.Values{"url": {frame}, "maxwidth": {"700"}}.Encode())
	if err != nil {
		t.Fatal(err)
	}
	var oembed struct{ HTML string }
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if err := json.Unmarshal(b, &oembed); err != nil || oembed.HTML == "" {
		t.Fatalf("oEmbed answered %s (%v)", b, err)
	}
	strict := strictCSP(s.origin)
	cases := []struct {
		name, body, csp string
		resizes         bool // the loader keeps it as tall as its content
	}{
		{"the loader code", codes.Loader, strict, true},
		{"the div code", codes.Div, strict, true},
		{"the plain iframe code", codes.IFrame, strict, false},
		// Where the page keeps inline styles, the plain iframe's height
		// follows the page's width.
		{"the plain iframe code with styles", codes.IFrame, "", false},
		{"an oEmbed html with the loader on the page", oembed.HTML + `<script src="` + s.origin + `/embed.js" async></script>`, strict, true},
		{"the load-on-click code", codes.Private, strict, false},
	}
	for _, width := range []int64{360, 1280} {
		for _, c := range cases {
			where := fmt.Sprintf("%s at %d px", c.name, width)
			tb := open(t, s.hostPage(t, c.body, c.csp), tabOptions{width: width, height: 740})
			waitFor(tb, "the article", `document.readyState === "complete"`)
			eval[bool](tb, `window.waymarkShift = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.waymarkShift += e.value; }).observe({type: "layout-shift", buffered: true}); true`)
			if c.name == "the load-on-click code" {
				settle(tb)
				for _, r := range tb.Requests() {
					if strings.HasPrefix(r, s.origin) {
						t.Errorf("%s: the page asked the widget origin for %s before the reader pressed the button", where, r)
					}
				}
				waitFrame(tb, "about:srcdoc")
				screenshot(tb, fmt.Sprintf("code-private-%d-before", width))
				frameEval[bool](tb, "about:srcdoc", `document.querySelector("a").click(); true`)
			}
			eval[bool](tb, `document.querySelector("figure").scrollIntoView(); true`)
			frameWaitApp(tb, frame)
			h := readHeights(tb, frame, c.resizes)
			if h.Scroll {
				t.Errorf("%s: the widget scrolls inside its frame (%.0f px frame, %.0f px content)", where, h.Frame, h.Content)
			}
			if h.Frame < h.Content-3 {
				t.Errorf("%s: the frame is %.0f px for %.0f px of content; the bottom is cut off", where, h.Frame, h.Content)
			}
			if c.resizes && math.Abs(h.Frame-h.Content) > 3 {
				t.Errorf("%s: the loader left the frame at %.0f px for %.0f px of content", where, h.Frame, h.Content)
			}
			if c.csp == "" && h.Frame > 1.25*h.Content {
				t.Errorf("%s: the frame is %.0f px for %.0f px of content; it leaves too much empty", where, h.Frame, h.Content)
			}
			if shift := eval[float64](tb, `window.waymarkShift`); shift >= 0.1 {
				t.Errorf("%s: the page moved as the widget loaded (layout shift %.3f)", where, shift)
			} else {
				t.Logf("%s: layout shift %.3f, frame %.0f px for %.0f px of content", where, shift, h.Frame, h.Content)
			}
			onlyFrom(t, where, tb.Requests(), s.host, s.origin)
			viewShot(tb, fmt.Sprintf("code-%s-%d", strings.Join(strings.Fields(c.name)[1:3], "-"), width))
			noConsoleErrors(tb, where)
		}
	}
}
