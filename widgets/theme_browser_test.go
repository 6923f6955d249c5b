//go:build browser

package widgets_test

import (
	"strings"
	"testing"

	"waymark/widgets"
)

// pageIsDark reads whether the page's background is dark, from the colour
// the reader sees rather than from an attribute.
const pageIsDark = `(() => {
	const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).map(Number);
	return (0.2126 * r + 0.7152 * g + 0.0722 * b) < 128;
})()`

// TestThemeFollowsTheRules: a widget opened on its own follows the
// reader's system unless its address says otherwise; embedded in an
// article it is light unless the embed code asks for dark, whatever the
// reader's system says; charts take the page's colours.
func TestThemeFollowsTheRules(t *testing.T) {
	t.Parallel()
	s := served(t)
	journey := s.url(widgets.JourneyName, s.en())
	standalone := []struct {
		what string
		url  string
		dark bool // the reader's system prefers dark
		want bool
	}{
		{"system light", journey, false, false},
		{"system dark", journey, true, true},
		{"system dark, address asks light", journey + "?theme=light", true, false},
		{"system light, address asks dark", journey + "?theme=dark", false, true},
	}
	for _, tt := range standalone {
		tb := open(t, tt.url, tabOptions{dark: tt.dark})
		waitFor(tb, "the page", `document.readyState === "complete"`)
		if got := eval[bool](tb, pageIsDark); got != tt.want {
			t.Errorf("standalone, %s: dark %v, want %v", tt.what, got, tt.want)
		}
		// The scheme is fixed before the app starts and stays after.
		waitApp(tb)
		if got := eval[bool](tb, pageIsDark); got != tt.want {
			t.Errorf("standalone, %s, after the app took over: dark %v, want %v", tt.what, got, tt.want)
		}
	}

	for _, tt := range []struct {
		what  string
		theme string // the embed code's data-theme
		want  bool
	}{
		{"no theme asked", "", false},
		{"dark asked", "dark", true},
		{"auto asked", "auto", true},
	} {
		// The reader's system prefers dark throughout.
		tb := open(t, s.hostPage(t, "", ""), tabOptions{dark: true})
		waitFor(tb, "the article", `document.readyState === "complete"`)
		eval[bool](tb, `new Promise(done => {
			const embed = document.createElement("div");
			Object.assign(embed.dataset, {waymark: "journey", lang: "en"});
			if ("`+tt.theme+`") embed.dataset.theme = "`+tt.theme+`";
			document.body.append(embed);
			const loader = document.createElement("script");
			loader.src = "`+s.origin+`/embed.js";
			loader.onload = loader.onerror = () => done(true);
			document.body.append(loader);
		})`)
		frameWaitApp(tb, journey)
		if got := frameEval[bool](tb, journey, pageIsDark); got != tt.want {
			t.Errorf("embedded, system dark, %s: dark %v, want %v", tt.what, got, tt.want)
		}
	}

	// Charts: drawn with the page's ink, not the light scheme's.
	figures := s.url(widgets.FiguresName, s.en())
	for _, dark := range []bool{false, true} {
		tb := open(t, figures, tabOptions{dark: dark})
		waitApp(tb)
		drawCharts(tb)
		ink := eval[string](tb, `getComputedStyle(document.querySelector(".wm-chart")).color`)
		fills := eval[[]string](tb, `[...new Set([...document.querySelectorAll(".wm-chart svg text")].map(e => getComputedStyle(e).fill))]`)
		if len(fills) == 0 {
			t.Fatalf("dark %v: the charts have no text", dark)
		}
		for _, f := range fills {
			if f != ink && !strings.HasPrefix(f, "rgba(") && f != "none" {
				t.Errorf("dark %v: chart text drawn in %s; the page's ink is %s", dark, f, ink)
			}
		}
		if got := eval[bool](tb, pageIsDark); got != dark {
			t.Errorf("figures, system dark %v: page dark %v", dark, got)
		}
		checkAxe(tb, "figures with charts drawn, dark "+map[bool]string{false: "off", true: "on"}[dark])
	}
}

// An accent colour from the embed code keeps every text in it and on it
// readable in every theme: a pale yellow that would fail on white is
// darkened there and kept in the dark, and axe finds no contrast to
// fault. A code that hides the header leaves the title to screen readers.
func TestAccentAndHeaderFromTheCode(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.JourneyName, s.en())
	for _, c := range []struct {
		theme string
		dark  bool // the reader's system prefers dark
	}{{"light", false}, {"dark", false}, {"auto", true}} {
		addr := u + "?accent=ffd400&header=hide&theme=" + c.theme
		tb := open(t, addr, tabOptions{dark: c.dark, width: 360})
		waitApp(tb)
		accent := eval[string](tb, `getComputedStyle(document.querySelector(".wm-route-stop")).stroke`)
		if c.theme == "light" && accent == "rgb(255, 212, 0)" {
			t.Errorf("%s: the pale accent is drawn as given on white", addr)
		}
		checkAxe(tb, addr)
		if r := eval[[]float64](tb, `(() => { const r = document.getElementById("wm-title").getBoundingClientRect(); return [r.width, r.height]; })()`); r[0] > 1 || r[1] > 1 {
			t.Errorf("%s: the title shows (%v); the code hid it", addr, r)
		}
		if name := eval[string](tb, `document.getElementById("wm-title").textContent`); name != s.en().Journey.Title {
			t.Errorf("%s: the hidden title says %q", addr, name)
		}
		if eval[bool](tb, `getComputedStyle(document.querySelector(".wm-intro")).display !== "none"`) {
			t.Errorf("%s: the introduction shows; the code hid it", addr)
		}
		screenshot(tb, "accent-"+c.theme+"-360")
		noConsoleErrors(tb, addr)
	}
}
