//go:build browser

package widgets_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"waymark/data"
	"waymark/widgets"
)

// openStage reads which stage of the journey shows: the selected tab's
// panel, or without the app the stage the fragment targets.
const openStage = `(() => {
	const tab = document.querySelector('[role=tab][aria-selected=true]');
	if (tab) return tab.getAttribute('aria-controls').replace(/^wm-a-/, '');
	return location.hash.slice(1);
})()`

// TestSwitchingLanguageKeepsThePlace: a reader at the border stage who
// picks Français lands on the French journey at the same stage, with the
// app and before it; every widget page names its versions for search
// engines and browsers (hreflang).
func TestSwitchingLanguageKeepsThePlace(t *testing.T) {
	t.Parallel()
	s := served(t)
	en := s.url(widgets.JourneyName, s.en())
	for _, tt := range []struct {
		what string
		o    tabOptions
	}{
		{"with the app", tabOptions{width: 360}},
		{"before the app", tabOptions{width: 360, holdWasm: true}},
	} {
		tb := open(t, en+"#at", tt.o)
		if tt.o.holdWasm {
			waitFor(tb, "the page", `document.readyState === "complete"`)
		} else {
			waitApp(tb)
		}
		links := eval[[]string](tb, `[...document.querySelectorAll('.wm-langs a')].map(a => a.lang + "=" + a.textContent + "@" + new URL(a.href).pathname)`)
		want := []string{"ar=العربية@/w/journey/ar/", "es=Español@/w/journey/es/", "fr=Français@/w/journey/fr/"}
		if strings.Join(links, " ") != strings.Join(want, " ") {
			t.Errorf("%s: language links %v, want %v, each named in its own language", tt.what, links, want)
		}
		if cur := eval[string](tb, `document.querySelector('.wm-langs [aria-current=page]')?.textContent || ""`); cur != "English" {
			t.Errorf("%s: the current language reads %q, want English marked as current", tt.what, cur)
		}
		eval[bool](tb, `(document.querySelector('.wm-langs a[hreflang=fr]').click(), true)`)
		waitAcrossNavigation(tb, "the French journey", `document.documentElement.lang === "fr" && location.pathname === "/w/journey/fr/" && document.readyState === "complete"`)
		if !tt.o.holdWasm {
			waitApp(tb)
		}
		if got := eval[string](tb, `location.hash`); got != "#at" {
			t.Errorf("%s: the French journey opened at %q, want #at, where the reader was", tt.what, got)
		}
		if got := eval[string](tb, openStage); got != "at" {
			t.Errorf("%s: the French journey shows stage %q, want at", tt.what, got)
		}
		if tt.o.holdWasm {
			release(tb)
		}
	}

	tb := open(t, s.origin+"/w/glossary/es/", tabOptions{})
	waitFor(tb, "the page", `document.readyState === "complete"`)
	alts := eval[[]string](tb, `[...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang + "=" + new URL(l.href).pathname)`)
	wantAlts := "en=/w/glossary/en/ ar=/w/glossary/ar/ es=/w/glossary/es/ fr=/w/glossary/fr/ x-default=/w/glossary/en/"
	if got := strings.Join(alts, " "); got != wantAlts {
		t.Errorf("hreflang alternates %q, want %q", got, wantAlts)
	}
}

// TestALanguageTheWidgetLacksSaysSo: an embed code or an address asking for
// German gets the English widget with a visible note naming what was
// asked, never a blank frame or a 404 in the article; a note never repeats
// what is not a language tag.
func TestALanguageTheWidgetLacksSaysSo(t *testing.T) {
	t.Parallel()
	s := served(t)
	note := `(() => { const p = document.querySelector('.wm-lang-missing'); return p && p.offsetHeight > 0 ? p.textContent : ""; })()`
	want := strings.ReplaceAll(s.en().UI.LanguageMissing, "{lang}", "de")

	article := s.hostPage(t, `<div data-waymark="glossary" data-lang="de"></div><script src="`+s.origin+`/embed.js" async></script>`, "")
	tb := open(t, article, tabOptions{width: 360})
	frame := s.origin + "/w/glossary/en/"
	frameWaitApp(tb, frame)
	if got := frameEval[string](tb, frame, note); got != want {
		t.Errorf("loader with data-lang=de: the widget says %q, want %q", got, want)
	}
	if got := frameEval[string](tb, frame, `document.documentElement.lang`); got != "en" {
		t.Errorf("loader with data-lang=de: the widget is in %q, want en", got)
	}

	for _, tt := range []struct {
		what string
		o    tabOptions
	}{{"with the app", tabOptions{}}, {"before the app", tabOptions{holdWasm: true}}} {
		tb := open(t, s.origin+"/w/journey/de/#after", tt.o)
		waitAcrossNavigation(tb, "the English journey", `document.readyState === "complete" && location.pathname === "/w/journey/en/"`)
		if !tt.o.holdWasm {
			waitApp(tb)
		}
		if got := eval[string](tb, note); got != want {
			t.Errorf("address /w/journey/de/, %s: the widget says %q, want %q", tt.what, got, want)
		}
		if got := eval[string](tb, `location.hash`); got != "#after" {
			t.Errorf("address /w/journey/de/#after, %s: opened at %q, want #after", tt.what, got)
		}
		if tt.o.holdWasm {
			release(tb)
		}
	}

	// A static host (nginx, Netlify, GitHub Pages) answers with the 404
	// page, whose script sends the reader on.
	static := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(s.dist, filepath.FromSlash(path.Clean(r.URL.Path)))
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			p = filepath.Join(p, "index.html")
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			http.ServeFile(w, r, p)
			return
		}
		b, _ := os.ReadFile(filepath.Join(s.dist, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
	}))
	defer static.Close()
	tb = open(t, static.URL+"/w/checklist/de/?header=hide#organizations", tabOptions{blockWasm: true})
	waitAcrossNavigation(tb, "the English checklist", `document.readyState === "complete" && location.pathname === "/w/checklist/en/"`)
	if got := eval[string](tb, note); got != want {
		t.Errorf("static host, /w/checklist/de/: the widget says %q, want %q", got, want)
	}
	if got := eval[string](tb, `location.search + location.hash`); got != "?header=hide&missing=de#organizations" {
		t.Errorf("static host, /w/checklist/de/: went on to %q, want the options and the list kept", got)
	}

	tb = open(t, s.origin+"/w/journey/en/?missing=%3Cb%3Ecall%20us%3C/b%3E", tabOptions{})
	waitApp(tb)
	if got := eval[string](tb, note); got != "" {
		t.Errorf("an address with a made-up 'language' makes the widget say %q; it must say nothing", got)
	}
}

// TestEveryLanguageInTheBrowser opens every widget in every language
// without scripts (readable), and with the app embedded in an article's
// 320 px column, a phone's: the page says its language and
// direction, shows the widget's own title in that language, fits the
// width (a French label runs a third longer than the English), keeps
// every control a finger's size and passes axe. The thorough checks run
// on English and Arabic (widgetPages); these, on the other languages, are
// what a translation's words alone can break.
func TestEveryLanguageInTheBrowser(t *testing.T) {
	t.Parallel()
	s := served(t)
	thorough := map[string]bool{}
	for _, u := range s.widgetPages(widgets.JourneyName) {
		thorough[s.contentOf(u).UI.Lang] = true
	}
	for _, lang := range data.Languages(s.contents) {
		c := s.contents[lang]
		if thorough[lang] {
			continue // the thorough checks cover it, and more
		}
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			// Before the app, as a reader meets the page when the wasm is
			// blocked or slow (accessible, by axe) and without scripts.
			for _, k := range widgets.Kinds {
				checkWithoutApp(t, s.url(k.Name, c), kindChecks[k.Name])
			}
			// Every kind embedded with the loader in an article in this
			// language, in a 320 px column: the narrowest phone, where a
			// longer translation breaks a layout first (wider, the same
			// rules have room to spare). Each frame is the app at that
			// width, so the checks run there.
			var body strings.Builder
			for _, k := range widgets.Kinds {
				fmt.Fprintf(&body, `<div data-waymark="%s" data-lang="%s"></div>`, k.Name, lang)
			}
			body.WriteString(`<script src="` + s.origin + `/embed.js" async></script>`)
			// The article's column is the window less 16 px each side and
			// the scrollbar.
			tb := open(t, s.hostPage(t, body.String(), ""), tabOptions{width: 352, height: 740})
			waitFor(tb, "the article", `document.readyState === "complete"`)
			if bar := eval[int64](tb, `innerWidth - document.documentElement.clientWidth`); bar > 0 {
				if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(352+bar, 740)); err != nil {
					t.Fatal(err)
				}
			}
			for _, k := range widgets.Kinds {
				frame := s.url(k.Name, c)
				v := view{tb: tb, frame: frame, where: frame + " embedded at 320 px"}
				eval[bool](tb, `((document.querySelector(`+frameSel(frame)+`) || document.body).scrollIntoView(), true)`)
				frameWaitApp(tb, frame)
				if w := veval[int](v, `innerWidth`); w != 320 {
					t.Fatalf("%s: the frame is %d px wide; the check needs a 320 px column", v.where, w)
				}
				if got := veval[[]string](v, `[document.documentElement.lang, document.documentElement.dir]`); got[0] != lang || got[1] != c.UI.Dir {
					t.Errorf("%s: the page says lang=%q dir=%q, want %q, %q", v.where, got[0], got[1], lang, c.UI.Dir)
				}
				if got := veval[string](v, `document.getElementById("wm-title").textContent`); got != k.Title(c) {
					t.Errorf("%s: the title reads %q, want %q", v.where, got, k.Title(c))
				}
				noSidewaysScroll(v)
				targetsIn(v)
				axeIn(v)
				// The frame's first screen: a capture of the whole frame
				// lays the article out again without its scrollbar, and
				// paints nothing of a frame as tall as the checklist's.
				eval[bool](tb, `(document.querySelector(`+frameSel(frame)+`).scrollIntoView(), true)`)
				settle(tb)
				viewShot(tb, fmt.Sprintf("lang-%s-%s-320", lang, k.Name))
			}
			noConsoleErrors(tb, "the "+lang+" article")
		})
	}
}

// TestAShareLinkReadsTheSameInEveryLanguage: a group's link made on the
// English checklist, opened on the Arabic one (or the reader switching
// language), shows the same answers, and each language keeps its own
// stored answers.
func TestAShareLinkReadsTheSameInEveryLanguage(t *testing.T) {
	t.Parallel()
	s := served(t)
	lists := s.en().Checklist.Lists
	var all []data.ChecklistItem
	for _, l := range lists {
		all = append(all, l.Items...)
	}
	first, second := lists[0].Items[0].ID, lists[1].Items[0].ID
	frag := widgets.EncodeAnswers(lists[0].ID, all, map[string]widgets.Answer{first: widgets.Done, second: widgets.NotApplicable}, "")
	for _, lang := range []string{"ar", "fr"} {
		tb := open(t, s.url(widgets.ChecklistName, s.contents[lang])+"#"+frag, tabOptions{})
		waitApp(tb)
		got := eval[[]bool](tb, `[document.getElementById("wm-`+first+`-d").checked, document.getElementById("wm-`+second+`-x").checked]`)
		if !got[0] || !got[1] {
			t.Errorf("%s: the English share link opened with %q done %v and %q not applicable %v; want both", lang, first, got[0], second, got[1])
		}
	}
}

// latinOutsideEnglish lists the texts of the page's widget that hold Latin
// words without being marked as English (lang="en"), as a screen reader
// would then say EURODAC in the page's Arabic voice. Web addresses and
// the language names, each marked with its own language, are left out.
const latinOutsideEnglish = `(() => {
	const bad = [];
	const w = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
	for (let n; (n = w.nextNode());) {
		if (!/[A-Za-z]{2,}/.test(n.data)) continue;
		const el = n.parentElement;
		if (el.closest("[lang]").lang !== "en" && !el.closest(".wm-langs") && !/^[\w.-]+\.[a-z]{2,}$/.test(n.data.trim())) bad.push(n.data.trim().slice(0, 60));
	}
	return bad.slice(0, 8);
})()`

// namesNotArabic lists the controls and landmarks of an Arabic page whose
// accessible name has no Arabic in it.
const namesNotArabic = `(() => {
	const name = e => (e.getAttribute("aria-label") || (e.labels && e.labels.length ? e.labels[0].textContent : "") || (e.getAttribute("aria-labelledby") || "").split(" ").map(id => (document.getElementById(id) || {}).textContent || "").join(" ") || e.textContent || e.value || "").trim();
	return [...document.querySelectorAll("main, nav, button, a, select, input, [role=tab], [role=tablist], summary")]
		.filter(e => e.getClientRects().length > 0 && !e.closest("[lang]:not([lang=ar])") && !/[\u0600-\u06FF]/.test(name(e)) && !/^[\d\s،,]+$/.test(name(e)))
		.slice(0, 8).map(e => e.tagName.toLowerCase() + " " + JSON.stringify(name(e).slice(0, 40)));
})()`

// checkRightToLeft is the screen reader's pass over a right-to-left page
// (checkApp and checkWithoutApp run it on every Arabic widget, with the
// app and without): every control and landmark is named in the page's
// language, and every Latin name inside its text is marked as English,
// isolated, left to right. A left-to-right page passes untouched.
func checkRightToLeft(tb *tab, where string) {
	tb.t.Helper()
	if eval[string](tb, `document.documentElement.dir`) != "rtl" {
		return
	}
	if bad := eval[[]string](tb, latinOutsideEnglish); len(bad) > 0 {
		tb.t.Errorf("%s: Latin words an Arabic voice would read: %q", where, bad)
	}
	if bad := eval[[]string](tb, namesNotArabic); len(bad) > 0 {
		tb.t.Errorf("%s: named with no Arabic: %v", where, bad)
	}
	// A Latin name broken over two lines of an Arabic paragraph shows its
	// halves at opposite ends of the lines.
	if bad := eval[[]string](tb, `[...document.querySelectorAll(".wm-credit a")].filter(a => new Set([...a.getClientRects()].map(r => Math.round(r.top))).size > 1).map(a => a.textContent)`); len(bad) > 0 {
		tb.t.Errorf("%s: credit links broken over lines: %q", where, bad)
	}
}
