package widgets

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Index is the page at "/": the list of widgets and languages, so that
// someone who opens the widget origin finds their way.
type Index struct {
	app.Compo

	// Contents is every language's content.
	Contents map[string]*data.Content
}

// Render draws the list.
func (x *Index) Render() app.UI {
	langs := data.Languages(x.Contents)
	return app.Main().Class("wm wm-index").Body(
		app.H1().Text("Waymark"),
		app.Ul().Body(
			app.Range(WidgetNames()).Slice(func(i int) app.UI {
				name := WidgetNames()[i]
				return app.Range(langs).Slice(func(k int) app.UI {
					c := x.Contents[langs[k]]
					return app.Li().Body(
						app.A().Href("%s", Path(name, langs[k])).Lang(langs[k]).Text(widgetTitle(name, c)),
						app.Text(" ("+c.UI.LanguageName+")"),
					)
				})
			}),
		),
	)
}

func widgetTitle(name string, c *data.Content) string {
	for _, w := range widgetTable {
		if w.name == name {
			return w.title(c)
		}
	}
	return name
}
