package widgets

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ChartInk and ChartMark are the colours chart options are built with: the
// light scheme's text and accent (--wm-fg and --wm-accent in
// web/waymark.css). Drawing a chart, the app replaces them with the values
// those properties have on the page, so a chart follows the dark scheme
// and any accent an embed sets, and meets the same contrast as the text.
const (
	ChartInk  = "#1b1c20"
	ChartMark = "#1d3557"
)

// chartLoader draws the figures widget's charts with ECharts. The library
// is fetched from the widget's own origin only when the first chart comes
// within 200 px of the viewport, so a reader who never scrolls there never
// downloads it, and the prerendered content never waits for it. Each chart's
// options were built with go-echarts at build time and are fetched as JSON,
// which keeps go-echarts out of the browser app.
type chartLoader struct {
	ctx     app.Context
	src     string // address of the chart library
	journey string // address of the journey, where a cell of the map leads

	observer app.Value
	funcs    []app.Func
	loading  bool
	pending  []app.Value
	charts   []drawnChart
	// scheme is the reader's preference of colour scheme, which a page
	// on its own follows while the reader reads: a chart drawn in the
	// light scheme's ink would turn unreadable on the dark page.
	scheme   app.Value
	onScheme app.Func
	// resizer resizes a chart whenever its box changes width: on a window
	// resize, and also when the page's scrollbar appears or the box's
	// container changes, which fire no window event and would leave the
	// chart wider than its box (the page then scrolls sideways on a phone).
	resizer app.Value
}

// drawnChart is a chart drawn in box, with the options it was built with,
// in the light scheme's colours (ChartInk, ChartMark).
type drawnChart struct {
	box, chart app.Value
	options    string
}

func newChartLoader(ctx app.Context, src, journey string) *chartLoader {
	return &chartLoader{ctx: ctx, src: src, journey: journey}
}

func (l *chartLoader) fn(f func(this app.Value, args []app.Value) any) app.Func {
	fn := app.FuncOf(f)
	l.funcs = append(l.funcs, fn)
	return fn
}

// watch observes every chart box; a browser without IntersectionObserver
// draws them at once.
func (l *chartLoader) watch() {
	boxes := app.Window().Get("document").Call("querySelectorAll", ".wm-chart[data-options]")
	io := app.Window().Get("IntersectionObserver")
	if !io.Truthy() {
		for i := 0; i < boxes.Length(); i++ {
			l.draw(boxes.Index(i))
		}
		return
	}
	opts := app.Window().Get("Object").New()
	opts.Set("rootMargin", "200px")
	l.observer = io.New(l.fn(func(this app.Value, args []app.Value) any {
		entries := args[0]
		for i := 0; i < entries.Length(); i++ {
			e := entries.Index(i)
			if e.Get("isIntersecting").Bool() {
				this.Call("unobserve", e.Get("target"))
				l.draw(e.Get("target"))
			}
		}
		return nil
	}), opts)
	for i := 0; i < boxes.Length(); i++ {
		l.observer.Call("observe", boxes.Index(i))
	}
}

// stop undoes everything watch and draw set up, so that leaving the page
// (a map cell opens the journey) leaves no listener calling released Go
// functions.
func (l *chartLoader) stop() {
	if l.observer != nil && l.observer.Truthy() {
		l.observer.Call("disconnect")
	}
	if l.resizer != nil && l.resizer.Truthy() {
		l.resizer.Call("disconnect")
	}
	if l.scheme != nil && l.scheme.Truthy() {
		l.scheme.Call("removeEventListener", "change", l.onScheme)
	}
	for _, c := range l.charts {
		c.chart.Call("dispose")
	}
	l.charts = nil
	for _, f := range l.funcs {
		f.Release()
	}
	l.funcs = nil
}

// draw draws a chart, loading the library first if needed.
func (l *chartLoader) draw(box app.Value) {
	if app.Window().Get("echarts").Truthy() {
		l.render(box)
		return
	}
	l.pending = append(l.pending, box)
	if l.loading {
		return
	}
	l.loading = true
	s := app.Window().Get("document").Call("createElement", "script")
	s.Set("src", l.src)
	s.Set("onload", l.fn(func(app.Value, []app.Value) any {
		for _, b := range l.pending {
			l.render(b)
		}
		l.pending = nil
		return nil
	}))
	app.Window().Get("document").Get("head").Call("appendChild", s)
}

// render fetches the chart's options and draws it. A chart that cannot be
// drawn leaves its caption and table, which say everything it says.
func (l *chartLoader) render(box app.Value) {
	url := box.Call("getAttribute", "data-options").String()
	app.Window().Call("fetch", url).
		Call("then", l.fn(func(this app.Value, args []app.Value) any { return args[0].Call("text") })).
		Call("then", l.fn(func(this app.Value, args []app.Value) any {
			raw := args[0].String()
			opts := app.Window().Get("Object").New()
			opts.Set("renderer", "svg")
			chart := app.Window().Get("echarts").Call("init", box, nil, opts)
			chart.Call("setOption", inked(box, raw))
			box.Call("setAttribute", "data-drawn", "true")
			chart.Call("on", "click", l.fn(func(this app.Value, args []app.Value) any {
				if id := args[0].Get("data").Get("name"); id.Truthy() && box.Call("getAttribute", "data-chart").String() == "rights-map" {
					openWidget(l.journey + "#" + id.String())
				}
				return nil
			}))
			l.charts = append(l.charts, drawnChart{box: box, chart: chart, options: raw})
			l.observeSize(box)
			l.followScheme()
			return nil
		}))
}

// inked parses a chart's options with the colours the page shows now.
func inked(box app.Value, options string) app.Value {
	style := app.Window().Call("getComputedStyle", box)
	colours := strings.NewReplacer(
		ChartInk, pageColour(style, "color", ChartInk),
		ChartMark, pageColour(style, "accent-color", ChartMark),
	)
	return app.Window().Get("JSON").Call("parse", colours.Replace(options))
}

// followScheme draws every chart again, in the page's new colours, when
// the reader's system changes scheme (a phone turning dark at dusk).
func (l *chartLoader) followScheme() {
	if l.scheme != nil {
		return
	}
	l.scheme = app.Window().Call("matchMedia", "(prefers-color-scheme: dark)")
	l.onScheme = l.fn(func(app.Value, []app.Value) any {
		for _, c := range l.charts {
			c.chart.Call("setOption", inked(c.box, c.options), true)
		}
		return nil
	})
	l.scheme.Call("addEventListener", "change", l.onScheme)
}

// observeSize resizes the chart in box whenever box changes size.
func (l *chartLoader) observeSize(box app.Value) {
	if l.resizer == nil {
		ro := app.Window().Get("ResizeObserver")
		if !ro.Truthy() {
			return
		}
		l.resizer = ro.New(l.fn(func(this app.Value, args []app.Value) any {
			entries := args[0]
			for i := 0; i < entries.Length(); i++ {
				if c := app.Window().Get("echarts").Call("getInstanceByDom", entries.Index(i).Get("target")); c.Truthy() {
					c.Call("resize")
				}
			}
			return nil
		}))
	}
	l.resizer.Call("observe", box)
}

// pageColour is the computed value of a colour property of the chart's box
// (the stylesheet sets its color and accent-color from the scheme), or
// fallback if it is not a plain colour ECharts can draw with. Custom
// properties cannot be read instead: they compute to the light-dark()
// text they were given, not to a colour.
func pageColour(style app.Value, property, fallback string) string {
	v := strings.TrimSpace(style.Call("getPropertyValue", property).String())
	if v == "" || strings.ContainsAny(v, "\"'\\;{}") {
		return fallback
	}
	return v
}
