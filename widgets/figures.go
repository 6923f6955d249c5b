package widgets

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// ChartAssets are the addresses of the chart library and of each chart's
// options (chart id -> address). The build sets them before it prerenders
// the figures page, which writes them into the page; the app reads them
// back from there, so the browser never needs them compiled in.
var ChartAssets struct {
	ECharts string
	Options map[string]string
}

// RightsMapRow is one technology of the journey and the rights it threatens.
type RightsMapRow struct {
	Stage      data.Stage
	Technology data.Technology
	Threatens  map[string]bool // right id -> true
}

// RightsMap computes which technologies, at which stage, threaten which
// rights, from the journey itself: the rights in the order of rights.json
// that at least one technology threatens, and a row per technology in
// journey order.
func RightsMap(c *data.Content) (rights []data.Right, rows []RightsMapRow) {
	used := map[string]bool{}
	for _, s := range c.Journey.Stages {
		for _, t := range s.Technologies {
			row := RightsMapRow{Stage: s, Technology: t, Threatens: map[string]bool{}}
			for _, r := range t.Rights {
				row.Threatens[r] = true
				used[r] = true
			}
			rows = append(rows, row)
		}
	}
	for _, r := range c.Rights {
		if used[r.ID] {
			rights = append(rights, r)
		}
	}
	return rights, rows
}

// Figures is the figures widget: the key figures the sources give, each
// with its citation, a chart comparing figures that share a unit, and the
// rights map computed from the journey.
//
// Every chart is also a caption, a one-sentence takeaway and a data table,
// which are the whole content without JavaScript and what a screen reader
// reads. In the app, ECharts (served from the widget's own origin) is
// loaded only when a chart comes near the viewport, and draws the chart
// above its table.
type Figures struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	echarts string            // address of the chart library
	options map[string]string // chart id -> address of its options
	cites   *sourceList
	charts  *chartLoader
}

// sources numbers the figures' citations: each figure's, then each row
// of the rights map's.
func (f *Figures) sources() *sourceList {
	if f.cites == nil {
		f.cites = newSourceList(f.Content, FiguresName, f.Interactive)
		for _, fig := range f.Content.Figures.Figures {
			f.cites.add("fig-"+fig.ID, "", fig.Cite)
		}
		_, rows := RightsMap(f.Content)
		for _, r := range rows {
			f.cites.add("map-"+r.Technology.ID, "", r.Technology.Cite)
		}
	}
	return f.cites
}

// OnInit reads the chart addresses the build wrote into the prerendered
// page, before go-app replaces it.
func (f *Figures) OnInit() {
	f.echarts, f.options = ChartAssets.ECharts, ChartAssets.Options
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	if m := doc.Call("querySelector", ".wm-figures[data-echarts]"); m.Truthy() {
		f.echarts = m.Call("getAttribute", "data-echarts").String()
	}
	f.options = map[string]string{}
	charts := doc.Call("querySelectorAll", ".wm-chart[data-options]")
	for i := 0; i < charts.Length(); i++ {
		el := charts.Index(i)
		f.options[el.Call("getAttribute", "data-chart").String()] = el.Call("getAttribute", "data-options").String()
	}
}

// OnMount starts watching the charts; see chartLoader.
func (f *Figures) OnMount(ctx app.Context) {
	if !f.Interactive || f.echarts == "" {
		return
	}
	f.charts = newChartLoader(ctx, f.echarts, Path(JourneyName, f.Content))
	ctx.Defer(func(app.Context) { f.charts.watch() })
}

// OnDismount stops watching.
func (f *Figures) OnDismount() {
	if f.charts != nil {
		f.charts.stop()
	}
}

// formatNumber writes a figure the way the report does: 110 million,
// 7 million, 260 million; plain digits below a million.
// formatNumber writes v as the language writes it: whole millions in
// words ("110 millions", "110 مليون"); Arabic keeps the Western digits
// that Amnesty International's Arabic publications use.
func formatNumber(ui data.UI, v float64) string {
	switch {
	case v >= 1e6 && v == float64(int64(v/1e6))*1e6:
		return strings.ReplaceAll(ui.Millions, "{n}", strconv.FormatFloat(v/1e6, 'f', -1, 64))
	default:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
}

func figureValue(ui data.UI, fig data.Figure) string {
	s := formatNumber(ui, fig.Value)
	if fig.Upper > 0 {
		s += "–" + formatNumber(ui, fig.Upper)
	}
	return s
}

// Render draws the widget.
func (f *Figures) Render() app.UI {
	fc := f.Content.Figures
	fr := frame{name: FiguresName, interactive: f.Interactive, title: fc.Title,
		intro: fc.Intro, sources: f.sources()}
	if len(fc.Figures) > 0 {
		fr.skipTo = "fig-" + fc.Figures[0].ID
	}
	main := fr.render(
		app.Ul().Class("wm-figure-list").Body(
			app.Range(fc.Figures).Slice(func(i int) app.UI {
				fig := fc.Figures[i]
				// Each a figure a reader reads on its own: the skip link
				// lands on the first.
				return app.Li().Class("wm-figure wm-skip-to").ID("fig-"+fig.ID).TabIndex(-1).Body(
					app.P().Class("wm-figure-value").Body(
						app.Span().Class("wm-number").Text(figureValue(f.Content.UI, fig)),
						app.Text(" "),
						app.Span().Class("wm-unit").Text(fig.Unit),
					),
					app.P().Class("wm-figure-label").Body(latinRuns(f.Content.UI.Dir, fig.Label+whenText(fig.When))...),
					app.P().Body(append(latinRuns(f.Content.UI.Dir, fig.Text), f.sources().markers("fig-"+fig.ID))...),
				)
			}),
		),
		app.Range(fc.Comparisons).Slice(func(i int) app.UI { return f.renderComparison(fc.Comparisons[i]) }),
		f.renderRightsMap(),
		presentLink(FiguresName, f.Content),
	)
	if f.echarts != "" {
		main = main.Attr("data-echarts", f.echarts)
	}
	return main
}

func whenText(when string) string {
	if when == "" {
		return ""
	}
	return " (" + when + ")"
}

// chartBox is where the app draws a chart; prerendered it is empty and
// takes no room, so nothing waits for it. In the app it is an image named
// by the chart's caption; ECharts' aria option adds its own description.
func (f *Figures) chartBox(id, title string) app.UI {
	box := app.Div().Class("wm-chart").Attr("data-chart", id)
	if u := f.options[id]; u != "" {
		box = box.Attr("data-options", u)
	}
	if f.Interactive {
		box = box.Role("img").Aria("label", attr(title))
	}
	return box
}

// chartScroll lets a wide chart scroll sideways; in the app it can be
// focused so a keyboard can scroll it too.
func (f *Figures) chartScroll(chart app.UI) app.UI {
	d := app.Div().Class("wm-chart-scroll")
	if f.Interactive {
		d = d.TabIndex(0).Role("region").Aria("labelledby", "wm-cap-rights-map")
	}
	return d.Body(chart)
}

func (f *Figures) renderComparison(cmp data.Comparison) app.UI {
	var figs []data.Figure
	for _, id := range cmp.Figures {
		for _, fig := range f.Content.Figures.Figures {
			if fig.ID == id {
				figs = append(figs, fig)
			}
		}
	}
	unit := ""
	if len(figs) > 0 {
		unit = figs[0].Unit
	}
	return app.Figure().Class("wm-chart-figure").ID("chart-"+cmp.ID).Aria("labelledby", "wm-cap-"+cmp.ID).Body(
		app.FigCaption().ID("wm-cap-"+cmp.ID).Body(
			app.Strong().Text(cmp.Title),
			app.Span().Class("wm-takeaway").Text(" "+cmp.Takeaway),
		),
		f.chartBox(cmp.ID, cmp.Title),
		app.Table().Class("wm-table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(f.Content.UI.FigureLabel),
				app.Th().Scope("col").Text(unit),
			)),
			app.TBody().Body(
				app.Range(figs).Slice(func(i int) app.UI {
					return app.Tr().Body(
						app.Th().Scope("row").Text(figs[i].Label),
						app.Td().Text(figureValue(f.Content.UI, figs[i])),
					)
				}),
			),
		),
	)
}

// renderRightsMap draws the map three ways. Where there is room, the
// chart. On a phone, or without the app, a list: each technology and the
// rights it threatens, which fits any width (the chart needs 44 rem for
// its labels and the table 77). And, one tap away at every width, the full
// table, whose first column stays in view as it scrolls sideways.
func (f *Figures) renderRightsMap() app.UI {
	ui := f.Content.UI
	rm := f.Content.Figures.RightsMap
	rights, rows := RightsMap(f.Content)
	return app.Figure().Class("wm-chart-figure").ID("chart-rights-map").Aria("labelledby", "wm-cap-rights-map").Body(
		app.FigCaption().ID("wm-cap-rights-map").Body(
			app.Strong().Text(rm.Title),
			app.Span().Class("wm-takeaway").Text(" "+rm.Takeaway),
		),
		f.chartScroll(f.chartBox("rights-map", rm.Title)),
		app.Ul().Class("wm-map-list").Body(
			app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				return app.Li().Body(
					app.P().Class("wm-map-tech").Body(
						widgetLink(f.Content, JourneyName, r.Technology.ID, app.Text(r.Technology.Name)),
						app.Span().Class("wm-stage-name").Text(" ("+r.Stage.Title+")"),
						f.sources().markers("map-"+r.Technology.ID),
					),
					app.Ul().Class("wm-rights").Aria("label", attr(ui.Threatens)).Body(
						app.Range(r.Technology.Rights).Slice(func(k int) app.UI {
							right := f.Content.Right(r.Technology.Rights[k])
							return app.Li().Class("wm-right").Text(right.Name)
						}),
					),
				)
			}),
		),
		app.Details().Class("wm-map-full").Attr("data-yes", attr(ui.Threatened)).Body(
			app.Summary().Text(ui.FullTable),
			app.Div().Class("wm-table-scroll").TabIndex(0).Role("region").Aria("label", attr(ui.FullTable)).Body(
				app.Table().Class("wm-table wm-map-table").Body(
					app.THead().Body(app.Tr().Body(
						app.Th().Scope("col").Text(ui.Technology),
						app.Range(rights).Slice(func(i int) app.UI {
							return app.Th().Scope("col").Text(rights[i].Name)
						}),
					)),
					app.TBody().Body(
						app.Range(rows).Slice(func(i int) app.UI {
							r := rows[i]
							return app.Tr().Body(
								app.Th().Scope("row").Body(
									app.Text(r.Technology.Name),
									app.Span().Class("wm-stage-name").Text(" ("+r.Stage.Title+")"),
								),
								app.Range(rights).Slice(func(k int) app.UI {
									if r.Threatens[rights[k].ID] {
										return app.Td().Class("wm-yes").Text(ui.Threatened)
									}
									return app.Td().Class("wm-no").Text(ui.NotThreatened)
								}),
							)
						}),
					),
				),
			),
		),
	)
}

// RightsMapSummary says in words what the rights map shows, technology by
// technology; the build puts it in the chart's accessible description.
func RightsMapSummary(c *data.Content) string {
	_, rows := RightsMap(c)
	var parts []string
	for _, r := range rows {
		var names []string
		for _, id := range r.Technology.Rights {
			names = append(names, c.Right(id).Name)
		}
		parts = append(parts, r.Technology.Name+": "+strings.Join(names, ", "))
	}
	return strings.Join(parts, "; ")
}
