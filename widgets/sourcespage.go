package widgets

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// cites is what every widget component is: a reader of citations, which
// its sources page lists in the widget's own order.
type cites interface {
	app.Composer
	sources() *sourceList
}

// SourcesPage lists every source a kind of widget cites, numbered as the
// widget's markers number them, each with the place in its document, the
// footnote's text and public address, and links back to where the widget
// cites it. The widget links here from each marker and from its foot; a
// reader arrives in a new tab, so the page stands on its own.
type SourcesPage struct {
	app.Compo

	// Kind is the widget whose sources these are; Content its language.
	Kind    *Kind
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool
}

// list is the widget's list of citations, numbered as the widget numbers
// them (the prerendered widget's: the numbers are the same in both modes).
func (p *SourcesPage) list() *sourceList {
	return p.Kind.New(p.Content, false).(cites).sources()
}

// Render draws the page.
func (p *SourcesPage) Render() app.UI {
	c := p.Content
	title := p.Kind.Title(c)
	s := p.list()
	widget := Path(p.Kind.Name, c)
	cls := "wm wm-sourcespage"
	if p.Interactive {
		cls += " wm-app"
	}
	return app.Main().Class(cls).Aria("labelledby", "wm-title").Body(
		app.Header().Body(
			app.H1().ID("wm-title").Text(strings.ReplaceAll(c.UI.SourcesTitle, "{title}", title)),
			app.P().Class("wm-intro").Text(c.UI.SourcesIntro),
			app.P().Body(app.A().Class("wm-step").Href("%s", widget).Text(strings.ReplaceAll(c.UI.BackTo, "{title}", title))),
		),
		s.list(widget),
		credit(c, s.documentIDs()),
	)
}
