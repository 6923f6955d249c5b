package widgets

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// The journey's stage navigation is drawn as the route itself: each stage
// a station on one line, numbered, with what the reader will meet there
// (how many technologies, how many rights they threaten). Each stage's
// control holds its own piece of the drawing, so the drawing is the
// navigation, keyboard and screen reader included, and the pieces join
// into one line because the controls sit side by side.

const svgNS = "http://www.w3.org/2000/svg"

// svgEl is an element of an inline SVG; the browser app must create each
// one in the SVG namespace, where the server renderer's markup gets it
// from the HTML parser.
func svgEl(tag string) app.HTMLElem {
	return app.Elem(tag).XMLNS(svgNS)
}

// station draws stage i of n: a circle with its number, and the line to
// its neighbours. In right-to-left text the first stage stands on the
// right, so its line leaves towards the left.
func station(i, n int, rtl bool) app.UI {
	const y = "18"
	before, after := i > 0, i < n-1 // a neighbour earlier, later on the route
	if rtl {
		before, after = after, before
	}
	var lines []app.UI
	if before {
		lines = append(lines, svgEl("line").Attr("x1", "0").Attr("x2", "50%").Attr("y1", y).Attr("y2", y).Class("wm-route-line"))
	}
	if after {
		lines = append(lines, svgEl("line").Attr("x1", "50%").Attr("x2", "100%").Attr("y1", y).Attr("y2", y).Class("wm-route-line"))
	}
	// Presentation, not an image: the drawing says nothing the words
	// beside it do not, and its number reads as part of the control's
	// name. (aria-hidden is not an option: go-app's server renderer writes
	// a true value as a bare attribute, which means no value at all.)
	return svgEl("svg").Class("wm-station").Role("presentation").
		Attr("width", "100%").Attr("height", "36").Body(
		append(lines,
			svgEl("circle").Attr("cx", "50%").Attr("cy", y).Attr("r", "15").Class("wm-route-stop"),
			svgEl("text").Attr("x", "50%").Attr("y", y).Attr("dy", "0.35em").Attr("text-anchor", "middle").
				Class("wm-route-n").Text(strconv.Itoa(i+1)),
		)...,
	)
}

// stageCounts says what a reader meets at a stage: its technologies and
// the rights they threaten, each right counted once. Each count is a line
// of its own; the comma between them is for screen readers.
func stageCounts(ui data.UI, s data.Stage) app.UI {
	rights := map[string]bool{}
	for _, t := range s.Technologies {
		for _, r := range t.Rights {
			rights[r] = true
		}
	}
	return app.Span().Class("wm-tab-counts").Body(
		app.Span().Text(count(ui.TechnologyOne, ui.TechnologyMany, len(s.Technologies))),
		app.Span().Class("wm-sr").Text(", "),
		app.Span().Text(count(ui.RightOne, ui.RightMany, len(rights))),
	)
}

// count writes n with the catalog's singular or plural.
func count(one, many string, n int) string {
	form := many
	if n == 1 {
		form = one
	}
	return strings.ReplaceAll(form, "{n}", strconv.Itoa(n))
}

// tabBody is what every stage control holds: its piece of the route, its
// title and what the stage holds.
func tabBody(ui *data.UI, stages []data.Stage, i int) []app.UI {
	return []app.UI{
		&routeStation{I: i, N: len(stages), RTL: ui.Dir == "rtl"},
		app.Span().Class("wm-tab-title").Text(stages[i].Title),
		&routeCounts{UI: ui, Stage: &stages[i]},
	}
}

// routeStation and routeCounts are the parts of a stage's control that a
// stage change leaves as they are, as components that go-app skips while
// their fields are unchanged (see techCard): the controls are drawn on
// every stage change, and the drawing is most of what they hold.
type routeStation struct {
	app.Compo

	I, N int // the station's index, of n
	RTL  bool
}

// Render draws the station.
func (s *routeStation) Render() app.UI { return station(s.I, s.N, s.RTL) }

// routeCounts says what a reader meets at a stage; see stageCounts.
type routeCounts struct {
	app.Compo

	UI    *data.UI // compared by identity, as the content never changes
	Stage *data.Stage
}

// Render draws the counts.
func (c *routeCounts) Render() app.UI { return stageCounts(*c.UI, *c.Stage) }
