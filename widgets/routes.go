package widgets

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Page is one address Waymark serves: a widget in one language. The same
// table registers routes in the browser app and tells the build which pages
// to prerender, so a route cannot exist on one side only.
type Page struct {
	Widget string // e.g. "journey"
	Lang   string // e.g. "en"
	Path   string // e.g. "/w/journey/en/"
	Title  string // the page's <title>
	Dir    string // "ltr" or "rtl"
	New    func() app.Composer
}

// widget describes one kind of widget; Pages crosses it with every language.
type widget struct {
	name  string
	title func(c *data.Content) string
	new   func(c *data.Content) app.Composer
}

var widgetTable = []widget{
	{
		name:  "journey",
		title: func(c *data.Content) string { return c.Journey.Title },
		new: func(c *data.Content) app.Composer {
			return &Journey{Content: c, Interactive: app.IsClient}
		},
	},
	{
		name:  "checklist",
		title: func(c *data.Content) string { return c.Checklist.Title },
		new: func(c *data.Content) app.Composer {
			return &Checklist{Content: c, Interactive: app.IsClient}
		},
	},
	{
		name:  "glossary",
		title: func(c *data.Content) string { return c.Glossary.Title },
		new: func(c *data.Content) app.Composer {
			return &Glossary{Content: c, Interactive: app.IsClient}
		},
	},
	{
		name:  "figures",
		title: func(c *data.Content) string { return c.Figures.Title },
		new: func(c *data.Content) app.Composer {
			return &Figures{Content: c, Interactive: app.IsClient}
		},
	},
}

// WidgetNames lists the widgets, in the order the demo and index show them.
func WidgetNames() []string {
	names := make([]string, len(widgetTable))
	for i, w := range widgetTable {
		names[i] = w.name
	}
	return names
}

// Path is the stable address of a widget in a language.
func Path(widget, lang string) string {
	return "/w/" + widget + "/" + lang + "/"
}

// Pages lists every widget in every language of contents, plus the index
// at "/" (go-app's service worker caches "/", so it must exist).
func Pages(contents map[string]*data.Content) []Page {
	langs := data.Languages(contents)
	var pages []Page
	for _, w := range widgetTable {
		for _, lang := range langs {
			c := contents[lang]
			pages = append(pages, Page{
				Widget: w.name,
				Lang:   lang,
				Path:   Path(w.name, lang),
				Title:  w.title(c),
				Dir:    c.UI.Dir,
				New:    func() app.Composer { return w.new(c) },
			})
		}
	}
	first := contents[langs[0]]
	pages = append(pages, Page{
		Path:  "/",
		Lang:  langs[0],
		Title: "Waymark",
		Dir:   first.UI.Dir,
		New:   func() app.Composer { return &Index{Contents: contents} },
	})
	return pages
}

// Register adds every page to go-app's router.
func Register(contents map[string]*data.Content) {
	for _, p := range Pages(contents) {
		app.Route(p.Path, p.New)
	}
}
