package widgets

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Index is the page at "/": every widget, every set of slides and the
// checklist's comparison of groups, by language, so that someone who opens the widget origin finds their way.
// It is what a workshop's participants open first (the workshop server's
// address points here), so each language is a section of its own, named
// and laid out in that language.
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
		app.Range(langs).Slice(func(n int) app.UI {
			c := x.Contents[langs[n]]
			id := "wm-index-" + c.UI.Lang
			return app.Section().Lang(c.UI.Lang).Dir(c.UI.Dir).Aria("labelledby", id).Body(
				app.H2().ID(id).Text(c.UI.LanguageName),
				app.Ul().Body(
					app.Range(Kinds).Slice(func(i int) app.UI {
						k := Kinds[i]
						return app.Li().Body(app.A().Href("%s", Path(k.Name, c)).Text(k.Title(c)))
					}),
					app.Range(Presentable).Slice(func(i int) app.UI {
						k := KindNamed(Presentable[i])
						return app.Li().Body(app.A().Href("%s", PresentPath(k.Name, c)).
							Text(strings.ReplaceAll(c.UI.PresentTitle, "{title}", k.Title(c))))
					}),
					// For the facilitator, who brings the groups' answers
					// together.
					app.Li().Body(app.A().Href("%s", ComparePath(c)).
						Text(strings.ReplaceAll(c.UI.CompareTitle, "{title}", c.Checklist.Title))),
				),
			)
		}),
	)
}
