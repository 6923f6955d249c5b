package build

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"waymark/data"
	"waymark/widgets"
)

// The options are built with the light scheme's ink and accent; the app
// puts the page's own in their place (widgets.ChartInk).
const (
	chartInk  = widgets.ChartInk
	chartMark = widgets.ChartMark
)

// chartOptions builds, with go-echarts, the ECharts options of every chart
// of a language's figures widget, as JSON keyed by chart id. They are built
// here, at build time, and shipped as data: go-echarts never reaches the
// browser app.
func chartOptions(c *data.Content) (map[string][]byte, error) {
	out := map[string][]byte{}
	byID := map[string]data.Figure{}
	for _, f := range c.Figures.Figures {
		byID[f.ID] = f
	}
	for _, cmp := range c.Figures.Comparisons {
		var labels []string
		var bars []opts.BarData
		// data validates that a comparison's figures share one unit and
		// that none is a range.
		unit := byID[cmp.Figures[0]].Unit
		for _, id := range cmp.Figures {
			f := byID[id]
			labels = append(labels, f.Label)
			bars = append(bars, opts.BarData{Name: f.ID, Value: f.Value, Label: &opts.Label{Show: opts.Bool(true), Position: "top", Color: chartInk}})
		}
		bar := charts.NewBar()
		bar.SetGlobalOptions(
			common(cmp.Title + ". " + cmp.Takeaway)...,
		)
		bar.SetGlobalOptions(
			charts.WithYAxisOpts(opts.YAxis{Name: unit, NameLocation: "middle", NameGap: 40, AxisLabel: &opts.AxisLabel{Color: chartInk}}),
			charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Color: chartInk, Interval: "0"}}),
		)
		bar.SetXAxis(labels).AddSeries(unit, bars)
		b, err := optionJSON(bar, c.UI.Dir)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", cmp.ID, err)
		}
		out[cmp.ID] = b
	}

	rights, rows := widgets.RightsMap(c)
	var rightNames []string
	techs := []string{}
	for _, r := range rights {
		rightNames = append(rightNames, r.Name)
	}
	var cells []opts.HeatMapData
	for x, row := range rows {
		techs = append(techs, row.Technology.Name)
		for y, r := range rights {
			if row.Threatens[r.ID] {
				// The cell's name is the technology's id: choosing the cell
				// opens that technology in the journey.
				cells = append(cells, opts.HeatMapData{Name: row.Technology.ID, Value: [3]int{x, y, 1}})
			}
		}
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(common(c.Figures.RightsMap.Title + ". " + c.Figures.RightsMap.Takeaway + " " + widgets.RightsMapSummary(c))...)
	hm.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: techs, AxisLabel: &opts.AxisLabel{Color: chartInk, Interval: "0", Rotate: 45}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: rightNames, AxisLabel: &opts.AxisLabel{Color: chartInk, Interval: "0"}}),
		charts.WithVisualMapOpts(opts.VisualMap{Show: opts.Bool(false), Min: 0, Max: 1, InRange: &opts.VisualMapInRange{Color: []string{chartMark}}}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "3%", Bottom: "3%", ContainLabel: opts.Bool(true)}),
	)
	hm.AddSeries("threatens", cells)
	b, err := optionJSON(hm, c.UI.Dir)
	if err != nil {
		return nil, fmt.Errorf("chart rights-map: %w", err)
	}
	out["rights-map"] = b
	return out, nil
}

// common are the options every chart shares: ECharts' aria description
// and decal patterns on, so no chart relies on colour alone; no legend or
// tooltip, since labels and the table say it all; and no animation, so
// readers who asked for reduced motion get none.
func common(description string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
		}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(false)}),
		charts.WithColorsOpts(opts.Colors{chartMark}),
		charts.WithAnimation(false),
	}
}

type validator interface {
	Validate()
	JSON() map[string]interface{}
}

// optionJSON writes a chart's options. In a right-to-left language the
// chart is mirrored as the page is: categories run from the right, the
// value axis stands on the right, and slanted labels lean the other way.
func optionJSON(c validator, dir string) ([]byte, error) {
	c.Validate()
	o := c.JSON()
	// Titles and captions live in the page, as text; the chart repeats
	// none of them. go-echarts always writes an empty toolbox, which
	// shows nothing and would need a component the bundle leaves out.
	delete(o, "title")
	delete(o, "toolbox")
	b, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	// Every text is drawn in the ink the app swaps for the page's: left to
	// ECharts, an axis name is a fixed grey that fails contrast on a dark
	// page. go-echarts has no field for it, so it is set on the JSON.
	var generic map[string]any
	if err := json.Unmarshal(b, &generic); err != nil {
		return nil, err
	}
	ink := map[string]any{"color": chartInk}
	generic["textStyle"] = ink
	for _, axis := range []string{"xAxis", "yAxis"} {
		list, _ := generic[axis].([]any)
		for _, a := range list {
			a, ok := a.(map[string]any)
			if !ok {
				continue
			}
			a["nameTextStyle"] = ink
			if dir != "rtl" {
				continue
			}
			if axis == "xAxis" {
				a["inverse"] = true
			} else {
				a["position"] = "right"
			}
			if l, ok := a["axisLabel"].(map[string]any); ok {
				if r, ok := l["rotate"].(float64); ok {
					l["rotate"] = -r
				}
			}
		}
	}
	return json.Marshal(generic)
}
