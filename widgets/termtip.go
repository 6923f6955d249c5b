package widgets

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// termTip is a glossary term inside a text, in the app. Its definition
// shows next to it on focus, on hover and on tap, stays while the pointer
// is over the definition itself, and closes with Escape wherever focus is
// (WCAG 1.4.13: hoverable, dismissible, persistent). The term is a button,
// so a tap or Enter opens it; the definition is also the button's
// description, so a screen reader hears it without opening anything.
//
// The definition shows and hides by the two attributes that say so, set
// here, not by drawing the term again: go-app draws again every component
// around the one an event reaches, which for a pointer passing over a word
// would be the whole widget. Render draws the same state, so whichever
// draws last, the page shows what the state says.
type termTip struct {
	app.Compo

	Term       string // the entry's heading
	Definition string
	Word       string // the term as the text writes it
	Dir        string // the text's direction: in Arabic, Latin words are marked English (latinRuns)
	TipID      string // element id of the definition, unique in the page

	hover, focus, open, dismissed bool
	shown                         bool // what the page shows
	escape                        app.Func
}

func (t *termTip) visible() bool {
	return (t.hover || t.focus || t.open) && !t.dismissed
}

// OnDismount drops the page-wide Escape listener, if any.
func (t *termTip) OnDismount() { t.listen(nil, false) }

// listen adds or removes the page-wide Escape listener: only while the
// definition shows, so a page with many terms keeps one or two listeners.
func (t *termTip) listen(ctx *app.Context, on bool) {
	doc := app.Window().Get("document")
	if !on {
		if t.escape != nil {
			doc.Call("removeEventListener", "keydown", t.escape)
			t.escape.Release()
			t.escape = nil
		}
		return
	}
	if t.escape != nil || ctx == nil {
		return
	}
	c := *ctx
	t.escape = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 && args[0].Get("key").String() == "Escape" {
			c.Dispatch(func(ctx app.Context) {
				t.dismissed = true
				t.changed(ctx)
			})
		}
		return nil
	})
	doc.Call("addEventListener", "keydown", t.escape)
}

// changed shows or hides the definition after its state changed, and
// keeps go-app from drawing the term and everything around it again.
func (t *termTip) changed(ctx app.Context) {
	ctx.PreventUpdate()
	show := t.visible()
	t.listen(&ctx, show)
	if show == t.shown {
		return
	}
	t.shown = show
	root := t.JSValue()
	if !root.Truthy() {
		return
	}
	root.Get("firstElementChild").Call("setAttribute", "aria-expanded", strconv.FormatBool(show))
	root.Get("lastElementChild").Set("hidden", !show)
	if show {
		t.fit()
	}
}

// fit moves the definition sideways so it stays inside the page: a term
// near the edge of a phone screen would otherwise push it out, and the
// page would scroll sideways.
func (t *termTip) fit() {
	el := app.Window().GetElementByID(t.TipID)
	if !el.Truthy() {
		return
	}
	style := el.Get("style")
	style.Call("removeProperty", "translate")
	r := el.Call("getBoundingClientRect")
	width := app.Window().Get("document").Get("documentElement").Get("clientWidth").Float()
	left, right := r.Get("left").Float(), r.Get("right").Float()
	const margin = 8
	shift := 0.0
	if right > width-margin {
		shift = width - margin - right
	}
	if left+shift < margin {
		shift = margin - left
	}
	if shift != 0 {
		style.Call("setProperty", "translate", strconv.FormatFloat(shift, 'f', 0, 64)+"px 0")
	}
}

// Render draws the term and its definition.
func (t *termTip) Render() app.UI {
	show := t.visible()
	t.shown = show
	return app.Span().Class("wm-term-wrap").
		OnMouseEnter(func(ctx app.Context, e app.Event) {
			t.hover, t.dismissed = true, false
			t.changed(ctx)
		}).
		OnMouseLeave(func(ctx app.Context, e app.Event) {
			t.hover = false
			t.changed(ctx)
		}).
		Body(
			app.Button().Type("button").Class("wm-term").
				Aria("describedby", t.TipID).Aria("expanded", show).
				OnFocus(func(ctx app.Context, e app.Event) {
					t.focus, t.dismissed = true, false
					t.changed(ctx)
				}).
				OnBlur(func(ctx app.Context, e app.Event) {
					t.focus, t.open = false, false
					t.changed(ctx)
				}).
				OnClick(func(ctx app.Context, e app.Event) {
					// Opens, never closes: the tap's own focus has
					// already shown the definition.
					t.open, t.dismissed = true, false
					t.changed(ctx)
				}).
				Body(latinRuns(t.Dir, t.Word)...),
			app.Span().ID(t.TipID).Role("tooltip").Class("wm-def").Hidden(!show).Body(
				append([]app.UI{app.Strong().Body(latinRuns(t.Dir, t.Term+": ")...)}, latinRuns(t.Dir, t.Definition)...)...,
			),
		)
}
