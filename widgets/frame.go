package widgets

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// frame is what every widget is made of around its own body: a main
// landmark named by its heading, a header with the heading and the
// introduction, then the body, the sources panel, the credit line and a
// polite live region for what the widget says when something changes.
// Readers and screen readers find the same landmarks in every widget.
type frame struct {
	name        string // the kind's name; the main element's class is wm-<name>
	interactive bool
	title       string
	intro       []app.UI
	sources     *sourceList
	status      string // what the live region says
}

// render wraps body in the frame. It returns the main element so that a
// widget can add its own attributes to it.
func (f frame) render(body ...app.UI) app.HTMLMain {
	cls := "wm wm-" + f.name
	if f.interactive {
		cls += " wm-app"
	}
	parts := make([]app.UI, 0, len(body)+4)
	parts = append(parts, app.Header().Body(
		app.H1().ID("wm-title").Text(f.title),
		app.P().Class("wm-intro").Body(f.intro...),
	))
	parts = append(parts, body...)
	parts = append(parts,
		f.sources.panel(),
		credit(f.sources.c, f.sources.documentIDs()),
		app.Div().Class("wm-sr").Role("status").Aria("live", "polite").Text(f.status),
	)
	return app.Main().Class(cls).Aria("labelledby", "wm-title").Body(parts...)
}
