//go:build browser

package widgets_test

// Real-browser checks of the figures widget beyond the suite every kind
// passes (kinds_browser_test.go).

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"waymark/widgets"
)

// What the suite every kind passes (kinds_browser_test.go) needs to know
// of this one.
func init() {
	kindChecks[widgets.FiguresName] = kindCheck{
		firstScreen: []string{".wm-figure"},
		content:     ".wm-figure",
		themed:      chartsTakeTheInk,
		readable:    figuresReadable,
		embedded: []embedStep{
			// The host page scrolls to the rights map, as a reader would:
			// the charts draw and the frame grows with them.
			// (On a phone the rights map is a list, and only the comparison
			// chart is drawn.)
			{what: "a chart is drawn", scrollTo: `.wm-chart`, until: `!!document.querySelector('.wm-chart[data-drawn]')`},
		},
		live: drawCharts,
	}
}

const chartsDrawn = `document.querySelectorAll(".wm-chart[data-drawn]").length`

// shownCharts selects the chart boxes the page shows at its width (on a
// phone the rights map is a list instead).
const shownCharts = `[...document.querySelectorAll(".wm-chart")].filter(e => e.getClientRects().length > 0)`

// drawCharts scrolls past each chart the page shows, as a reader would, so
// all are drawn, then back to the top.
func drawCharts(tb *tab) {
	tb.t.Helper()
	n := eval[int](tb, shownCharts+`.length`)
	if n == 0 {
		tb.t.Fatal("the page shows no chart")
	}
	for i := 1; i <= n; i++ {
		eval[bool](tb, fmt.Sprintf(shownCharts+`[%d].scrollIntoView(); true`, i-1))
		waitFor(tb, fmt.Sprintf("chart %d of %d to be drawn", i, n), fmt.Sprintf(chartsDrawn+` >= %d`, i))
	}
	eval[bool](tb, `window.scrollTo(0, 0); true`)
}

// chartsTakeTheInk draws every chart the widget shows, the reader
// scrolling past each, and checks their text is drawn in the page's ink,
// light or dark, embedded or on its own: not in the light scheme's.
func chartsTakeTheInk(v view) {
	t := v.tb.t
	t.Helper()
	ids := veval[[]string](v, shownCharts+`.map(e => e.dataset.chart)`)
	if len(ids) == 0 {
		t.Fatalf("%s: the widget shows no chart", v.where)
	}
	for i, id := range ids {
		v.bringTo(`.wm-chart[data-chart="`+id+`"]`, 0.5)
		v.wait(fmt.Sprintf("chart %d of %d to be drawn", i+1, len(ids)), `!!document.querySelector('.wm-chart[data-chart="`+id+`"][data-drawn]')`)
	}
	v.settle()
	ink := veval[string](v, `getComputedStyle(document.querySelector(".wm-chart")).color`)
	fills := veval[[]string](v, `[...new Set([...document.querySelectorAll(".wm-chart svg text")].map(e => getComputedStyle(e).fill))]`)
	if len(fills) == 0 {
		t.Errorf("%s: the charts have no text", v.where)
	}
	for _, f := range fills {
		if f != ink && !strings.HasPrefix(f, "rgba(") && f != "none" {
			t.Errorf("%s: chart text drawn in %s; the page's ink is %s", v.where, f, ink)
		}
	}
}

// echartsRequests counts the requests for the chart library so far.
func echartsRequests(tb *tab) int {
	n := 0
	for _, r := range tb.Requests() {
		if strings.Contains(r, "/web/echarts.") {
			n++
		}
	}
	return n
}

func TestFiguresBrowserChartsLoadNearTheViewportOnly(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.FiguresName) {
		tb := open(t, u, tabOptions{width: 1280, height: 700})
		waitApp(tb)
		// An IntersectionObserver made now reports after the app's own has
		// had its first look at the charts: ECharts would have been asked
		// for by then if a chart were near.
		eval[bool](tb, `new Promise(r => new IntersectionObserver((e, o) => { o.disconnect(); r(true); }, {rootMargin: "200px"}).observe(document.querySelector(".wm-chart")))`)
		settle(tb)
		if n := echartsRequests(tb); n != 0 && eval[float64](tb, `document.querySelector(".wm-chart").getBoundingClientRect().top`) > 900 {
			t.Errorf("%s: ECharts was requested %d times before any chart came near the viewport", u, n)
		}
		start := time.Now()
		eval[bool](tb, `document.querySelector(".wm-chart").scrollIntoView(); true`)
		waitFor(tb, "the first chart to be drawn", chartsDrawn+` >= 1`)
		t.Logf("%s: first chart drawn %v after it was scrolled into view (loopback)", u, time.Since(start).Round(time.Millisecond))
		eval[bool](tb, `document.querySelector('.wm-chart[data-chart="rights-map"]').scrollIntoView(); true`)
		waitFor(tb, "the rights map to be drawn", `!!document.querySelector('.wm-chart[data-chart="rights-map"][data-drawn] svg')`)
		if n := echartsRequests(tb); n != 1 {
			t.Errorf("%s: ECharts requested %d times, want once", u, n)
		}
		if label := eval[string](tb, `document.querySelector('.wm-chart[data-chart="rights-map"]').getAttribute("aria-label") || ""`); label == "" {
			t.Errorf("%s: the drawn rights map has no accessible name", u)
		}
		noConsoleErrors(tb, u)
	}
}

// Every chart draws each of its values with a decal pattern over its
// colour, so none relies on colour alone, and says what it shows to a
// screen reader in the page's language. The chart library is cut to what
// the charts use (build/echarts.go): a part left out draws nothing, and
// says nothing either.
func TestFiguresBrowserChartsDrawEveryValuePatternedAndDescribed(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.FiguresName) {
		tb := open(t, u, tabOptions{width: 1280, height: 900})
		waitApp(tb)
		drawCharts(tb)
		charts := eval[[]struct {
			ID                 string
			Values, Patterned  int
			Label, Description string
		}](tb, shownCharts+`.map(box => {
			const o = echarts.getInstanceByDom(box).getOption();
			return {
				ID: box.getAttribute("data-chart"),
				Values: o.series.reduce((n, s) => n + s.data.length, 0),
				Patterned: box.querySelectorAll('svg [fill^="url(#"]').length,
				Label: box.getAttribute("aria-label") || "",
				Description: [].concat(o.aria)[0].label.description,
			};
		})`)
		if len(charts) != 2 {
			t.Errorf("%s: %d charts drawn, want the comparison and the rights map", u, len(charts))
		}
		for _, c := range charts {
			if c.Values == 0 || c.Patterned != c.Values {
				t.Errorf("%s: chart %s draws %d of its %d values with a pattern", u, c.ID, c.Patterned, c.Values)
			}
			if c.Label == "" || c.Label != c.Description {
				t.Errorf("%s: chart %s is described to screen readers as %q, want its description %q", u, c.ID, c.Label, c.Description)
			}
		}
		noConsoleErrors(tb, u)
	}
}

// Choosing a cell of the rights map opens that technology in the journey,
// in a new tab: embedded in an article, opening it in place would replace
// the figures the reader was looking at.
func TestFiguresBrowserRightsMapCellOpensTheJourney(t *testing.T) {
	t.Parallel()
	s := served(t)
	for _, u := range s.widgetPages(widgets.FiguresName) {
		tb := open(t, u, tabOptions{width: 1280, height: 900})
		waitApp(tb)
		eval[bool](tb, `document.querySelector('.wm-chart[data-chart="rights-map"]').scrollIntoView(); true`)
		waitFor(tb, "the rights map", `!!document.querySelector('.wm-chart[data-chart="rights-map"][data-drawn] svg')`)
		// The charts above may still be drawing and push the map down: a
		// click aimed before it stops lands beside the cell.
		waitFor(tb, "the rights map to stay put", `(() => {
			const r = document.querySelector('.wm-chart[data-chart="rights-map"]').getBoundingClientRect();
			const at = [r.top, r.left, r.width, r.height].join();
			const still = window.wmMapAt === at;
			window.wmMapAt = at;
			return still;
		})()`)
		// The first cell of the first technology, through ECharts' own
		// coordinate system, clicked as a mouse would.
		xy := eval[[]float64](tb, `(() => {
			const box = document.querySelector('.wm-chart[data-chart="rights-map"]');
			const chart = echarts.getInstanceByDom(box);
			const cell = chart.getOption().series[0].data[0];
			const p = chart.convertToPixel({seriesIndex: 0}, cell.value.slice(0, 2));
			const r = box.getBoundingClientRect();
			return [r.left + p[0], r.top + p[1]];
		})()`)
		want := eval[string](tb, `echarts.getInstanceByDom(document.querySelector('.wm-chart[data-chart="rights-map"]')).getOption().series[0].data[0].name`)
		journey := s.url(widgets.JourneyName, s.contentOf(u))
		opened := chromedp.WaitNewTarget(tb.ctx, func(info *target.Info) bool { return strings.HasPrefix(info.URL, journey) })
		for _, typ := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
			if _, err := chromedp.Call(tb.ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: typ, X: xy[0], Y: xy[1], Button: input.MouseButtonLeft, ClickCount: 1}); err != nil {
				t.Fatal(err)
			}
		}
		var id target.ID
		select {
		case id = <-opened:
		case <-time.After(patience):
			t.Fatalf("%s: choosing a cell opened no journey", u)
		}
		journeyTab := &tab{ctx: tb.ctx, t: t}
		ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(id))
		defer cancel()
		journeyTab.ctx = ctx
		waitFor(journeyTab, "the technology's stage", `!!document.querySelector(".wm-open #wm-a-`+want+`")`)
		if got := eval[string](tb, `location.pathname`); got != widgets.Path(widgets.FiguresName, s.contentOf(u)) {
			t.Errorf("%s: the figures tab went to %s", u, got)
		}
		noConsoleErrors(tb, u)
	}
}

// figuresReadable: without the app, every figure and the rights map's
// table are readable, no empty chart box takes room and ECharts is never
// requested.
func figuresReadable(tb *tab, where string) {
	t := tb.t
	t.Helper()
	if n := eval[int](tb, `document.querySelectorAll(".wm-figure").length`); n < 5 {
		t.Errorf("%s: %d figures readable", where, n)
	}
	if n := eval[int](tb, `document.querySelectorAll(".wm-map-table td.wm-yes").length`); n == 0 {
		t.Errorf("%s: the rights map's table is not readable", where)
	}
	if h := eval[float64](tb, `Math.max(...[...document.querySelectorAll(".wm-chart")].map(e => e.getBoundingClientRect().height))`); h != 0 {
		t.Errorf("%s: an empty chart box takes %.0f px", where, h)
	}
	if n := echartsRequests(tb); n != 0 {
		t.Errorf("%s: ECharts requested without the app", where)
	}
}

// On a phone the rights map is a list that fits, and the full table keeps
// each row's technology in view while it scrolls sideways.
func TestFiguresBrowserRightsMapOnAPhone(t *testing.T) {
	t.Parallel()
	s := served(t)
	u := s.url(widgets.FiguresName, s.en())
	tb := open(t, u, tabOptions{width: 360, height: 740})
	waitApp(tb)
	if got := shownCount(tb, ".wm-map-list > li"); got != len(s.en().Journey.Stages[0].Technologies)+len(s.en().Journey.Stages[1].Technologies)+len(s.en().Journey.Stages[2].Technologies) {
		t.Errorf("%s at 360 px: %d technologies listed", u, got)
	}
	if shownCount(tb, `.wm-chart[data-chart=rights-map]`) != 0 {
		t.Errorf("%s at 360 px: the rights map chart takes room on a phone", u)
	}
	if over := eval[float64](tb, `(() => { const r = document.querySelector(".wm-map-list").getBoundingClientRect(); return r.right - document.documentElement.clientWidth; })()`); over > 0 {
		t.Errorf("%s at 360 px: the list runs %.0f px past the screen", u, over)
	}
	shotOf(tb, ".wm-map-list", "figures-360-map-list")
	eval[bool](tb, `document.querySelector(".wm-map-full > summary").click(); true`)
	waitFor(tb, "the full table", `document.querySelector(".wm-map-full").open`)
	stays := eval[float64](tb, `(() => {
		const region = document.querySelector(".wm-map-full .wm-table-scroll");
		region.scrollLeft = 300;
		const th = region.querySelector("tbody th");
		return th.getBoundingClientRect().left - region.getBoundingClientRect().left;
	})()`)
	if stays < -0.5 || stays > 0.5 {
		t.Errorf("%s at 360 px: scrolled sideways, the technology column moved %.0f px", u, stays)
	}
	shotOf(tb, ".wm-map-full", "figures-360-map-table")
	noConsoleErrors(tb, u)
}
