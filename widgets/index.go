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
			app.Range(Kinds).Slice(func(i int) app.UI {
				k := Kinds[i]
				return app.Range(langs).Slice(func(n int) app.UI {
					c := x.Contents[langs[n]]
					return app.Li().Body(
						app.A().Href("%s", Path(k.Name, c)).Lang(langs[n]).Text(k.Title(c)),
						app.Text(" ("+c.UI.LanguageName+")"),
					)
				})
			}),
		),
	)
}
