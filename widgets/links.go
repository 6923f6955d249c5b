package widgets

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// widgetLink links to a part of another widget (fragment may be ""). It
// opens in a new tab, embedded or not: in an article, a link followed in
// place would replace the widget the reader is in, and go-app routes every
// link of its own origin inside the frame unless it targets a new one.
// The words saying so are for screen readers; sighted readers get the
// browser's own cue.
func widgetLink(c *data.Content, kind, fragment string, body ...app.UI) app.HTMLA {
	href := Path(kind, c)
	if fragment != "" {
		href += "#" + fragment
	}
	return pageLink(c, href, body...)
}

// pageLink is widgetLink to any page of the widget origin, for the pages
// that are not a kind's own address (the journey's slides).
func pageLink(c *data.Content, href string, body ...app.UI) app.HTMLA {
	return app.A().Class("wm-widget-link").Href(href).Target("_blank").Rel("noopener").
		Body(append(body, app.Span().Class("wm-sr").Text(" "+c.UI.NewTab))...)
}

// openWidget opens another widget's address the way widgetLink does, for
// a chart, where the reader clicks a mark rather than a link.
func openWidget(address string) {
	app.Window().Call("open", address, "_blank", "noopener")
}
