package widgets

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// citeEntry is one citation as a marker shows it.
type citeEntry struct {
	N     int    // its number in the widget
	Where string // document, section and footnote
	Text  string // the footnote's own words
	URL   string // its public address, if any
	Host  string // the address's site, which names the link
	Dir   string // the widget's writing direction: in Arabic, the English parts are marked (latinRuns)
}

// citeTip is a claim's citation marker in the app: one button for all of
// the claim's citations, which opens them under the text it ends, in the
// flow of the page. In the flow, not floating: in an iframe that is as
// tall as its content, a box laid over the page (or pinned to the
// iframe's viewport) can land where the host page shows nothing, while
// the line under the marker is always where the reader is looking. The
// button says whether it is open; Escape closes it and keeps focus on
// it; a tap toggles it.
type citeTip struct {
	app.Compo

	ID       string // element id of the button
	BoxID    string // element id of the box of sources
	Numbers  string // the visible numbers, e.g. "3, 4"
	Label    string // the button's accessible name, e.g. "Sources 3, 4"
	Entries  []citeEntry
	AllHref  string // the widget's sources page
	AllLabel string // e.g. "All 123 sources"
	NewTab   string // said of links that open a new tab
	Leaves   string // said of links that leave the widget

	open bool
}

// Render draws the marker and, when open, its sources.
func (t *citeTip) Render() app.UI {
	return app.Span().Class("wm-refs").
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if t.open && e.Get("key").String() == "Escape" {
				e.PreventDefault()
				t.open = false
				ctx.Defer(func(app.Context) { focusByID(t.ID) })
			}
		}).
		Body(
			app.Button().Type("button").Class("wm-ref").ID(t.ID).
				Aria("expanded", t.open).Aria("controls", t.BoxID).Aria("label", attr(t.Label)).
				OnClick(func(ctx app.Context, e app.Event) {
					t.open = !t.open
					if t.open {
						ctx.Defer(func(app.Context) { t.reveal() })
					}
				}).
				Text(t.Numbers),
			t.box().Body(
				app.Range(t.Entries).Slice(func(i int) app.UI {
					e := t.Entries[i]
					return app.Span().Class("wm-cite").Body(
						app.Span().Class("wm-cite-n").Text(strconv.Itoa(e.N)+"."),
						app.Text(" "),
						app.Span().Class("wm-cite-where").Body(latinRuns(e.Dir, e.Where+". ")...),
						app.If(e.Text != "", func() app.UI { return app.Span().Body(latinRuns(e.Dir, e.Text+" ")...) }),
						app.If(e.URL != "", func() app.UI {
							return app.A().Href("%s", attr(e.URL)).Target("_blank").Rel("noopener noreferrer").Body(
								app.Text(e.Host),
								app.Span().Class("wm-sr").Text(" "+t.Leaves),
							)
						}),
					)
				}),
				app.A().Class("wm-cite-all").Href("%s", t.AllHref).Target("_blank").Body(
					app.Text(t.AllLabel),
					app.Span().Class("wm-sr").Text(" "+t.NewTab),
				),
			),
		)
}

// box is the element that holds the sources. Hidden is only ever set to
// true: go-app's server renderer writes hidden="false", which HTML reads
// as hidden.
func (t *citeTip) box() app.HTMLSpan {
	b := app.Span().Class("wm-cite-box").ID(t.BoxID)
	if !t.open {
		b = b.Hidden(true)
	}
	return b
}

// reveal scrolls the opened sources into view as little as it takes. In
// an iframe this scrolls the host page too, which is what the reader who
// tapped the marker asked for.
func (t *citeTip) reveal() {
	if el := app.Window().GetElementByID(t.BoxID); el.Truthy() {
		opts := app.Window().Get("Object").New()
		opts.Set("block", "nearest")
		el.Call("scrollIntoView", opts)
	}
}

// focusByID moves focus to an element, if it is there.
func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}
