package widgets

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// frame is what every widget is made of around its own body: a main
// landmark named by its heading, a link that skips to the widget's
// content, a header with the heading and the introduction, then the body,
// the way to the full list of sources, the credit line, the widget in its
// other languages and a polite live region for what the widget says when
// something changes. Readers and screen readers find the same landmarks
// in every widget.
type frame struct {
	name        string // the kind's name; the main element's class is wm-<name>
	interactive bool
	title       string
	intro       string
	introClaim  string // the claim whose markers follow the introduction, if any
	sources     *sourceList
	status      string // what the live region says
	// skipTo is the id of where the skip link goes without scripts: the
	// first element marked wm-skip-to, where the reader's content begins.
	// With scripts, web/options.js moves focus to the first such element
	// the page shows (the open stage, the first term the filter leaves).
	skipTo string

	// parts are the ids of the parts a fragment opens (stages, lists).
	// On the prerendered page each is an empty element at the top of the
	// widget that CSS :target reads: a link to a part then scrolls to
	// the top, so a plain iframe opened at #at keeps its heading in view
	// instead of scrolling it away.
	parts []string
}

// render wraps body in the frame. It returns the main element so that a
// widget can add its own attributes to it.
func (f frame) render(body ...app.UI) app.HTMLMain {
	cls := "wm wm-" + f.name
	if f.interactive {
		cls += " wm-app"
	}
	parts := make([]app.UI, 0, len(body)+len(f.parts)+7)
	// First of all, so the first Tab reaches it: a keyboard reader goes
	// past the title, the introduction's controls and the widget's own
	// navigation in one key, embedded as on its own.
	parts = append(parts, app.A().Class("wm-skip").Href("#"+f.skipTo).Text(f.sources.c.UI.SkipToContent))
	if !f.interactive {
		for _, id := range f.parts {
			parts = append(parts, app.Span().Class("wm-anchor").ID(id))
		}
	}
	parts = append(parts,
		app.Header().Body(
			app.H1().ID("wm-title").Body(latinRuns(f.sources.c.UI.Dir, f.title)...),
			app.P().Class("wm-intro").Body(f.introText(), f.sources.markers(f.introClaim)),
		),
		missingNote(f.sources.c, f.interactive),
	)
	parts = append(parts, body...)
	parts = append(parts,
		f.sources.endnotes(),
		f.sources.allSourcesLink(),
		credit(f.sources.c, f.sources.documentIDs()),
		// At the end, with the credit: the first screen belongs to the
		// widget itself (the stages, the first item), and an embed shows
		// the language its editor chose.
		app.If(len(f.sources.c.Languages()) > 1, func() app.UI { return languageLinks(f.name, f.sources.c) }),
		// Shown by the stylesheet once web/offline.js has had the language
		// kept: last, so that nothing moves when it shows.
		app.P().Class("wm-offline").Body(latinRuns(f.sources.c.UI.Dir, f.sources.c.UI.Offline)...),
		app.Div().Class("wm-sr").Role("status").Aria("live", "polite").Text(f.status),
	)
	return app.Main().Class(cls).Aria("labelledby", "wm-title").Body(parts...)
}

// introText is the introduction's text, which a phone shows in two
// lines until the reader asks for the rest.
func (f frame) introText() app.UI {
	ui := f.sources.c.UI
	return &introText{Text: f.intro, Dir: ui.Dir, More: ui.ReadMore, Less: ui.ReadLess}
}

// introText is a widget's introduction. On a phone the introduction would
// fill the first screen before the widget begins (the journey's ran seven
// lines), so there it shows two lines and a button for the rest; wider
// screens show it whole and no button. The clamp is visual only: a screen
// reader reads the whole text either way. The prerendered page has the
// same button, which options.js works until the app takes over, so the
// widget is as tall before the app as after; without JavaScript the
// stylesheet shows the whole text and no button.
type introText struct {
	app.Compo

	Text, More, Less string
	Dir              string // the text's direction (see latinRuns)

	open bool
}

// Render draws the text and its button.
func (t *introText) Render() app.UI {
	text := app.Span().ID("wm-intro-text").Class("wm-intro-text")
	label := t.Less
	if !t.open {
		text = text.Class("wm-clamp")
		label = t.More
	}
	return app.Span().Body(
		text.Body(latinRuns(t.Dir, t.Text)...),
		app.Button().Type("button").Class("wm-intro-more").
			Aria("expanded", strconv.FormatBool(t.open)).Aria("controls", "wm-intro-text").
			DataSet("more", attr(t.More)).DataSet("less", attr(t.Less)).
			OnClick(func(ctx app.Context, e app.Event) { t.open = !t.open }).
			Text(label),
	)
}
