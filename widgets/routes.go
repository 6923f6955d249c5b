package widgets

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Page is one address Waymark serves: a widget in one language, its
// sources page, or the index. The same table registers routes in the
// browser app and tells the build which pages to prerender, so a route
// cannot exist on one side only.
type Page struct {
	Kind        *Kind  // nil for the index
	Sources     bool   // the kind's sources page, not the widget
	Present     bool   // the kind's presentation for a room, not the widget
	Compare     bool   // the kind's page comparing groups' answers, not the widget
	Lang        string // e.g. "en"
	Path        string // e.g. "/w/journey/en/"
	Title       string // the page's <title>
	Description string // the page's meta description
	Dir         string // "ltr" or "rtl"
	New         func() app.Composer
}

// Pages lists every kind of widget in every language of contents, then
// each one's sources page, the slides of each Presentable kind in every
// language, the checklist's page comparing groups in every language, the
// embed builder and the index at "/"
// (go-app's service worker caches "/", so it must exist).
// Components render the app's markup in the browser and the prerendered
// markup everywhere else.
func Pages(contents map[string]*data.Content) []Page {
	langs := data.Languages(contents)
	var pages []Page
	for i := range Kinds {
		k := &Kinds[i]
		for _, lang := range langs {
			c := contents[lang]
			pages = append(pages, Page{
				Kind:        k,
				Lang:        lang,
				Path:        Path(k.Name, c),
				Title:       k.Title(c),
				Description: k.Description(c),
				Dir:         c.UI.Dir,
				New:         func() app.Composer { return k.New(c, app.IsClient) },
			})
		}
	}
	for i := range Kinds {
		k := &Kinds[i]
		for _, lang := range langs {
			c := contents[lang]
			title := strings.ReplaceAll(c.UI.SourcesTitle, "{title}", k.Title(c))
			pages = append(pages, Page{
				Kind:        k,
				Sources:     true,
				Lang:        lang,
				Path:        Path(k.Name, c) + "sources/",
				Title:       title,
				Description: title,
				Dir:         c.UI.Dir,
				New:         func() app.Composer { return &SourcesPage{Kind: k, Content: c, Interactive: app.IsClient} },
			})
		}
	}
	for _, name := range Presentable {
		k := KindNamed(name)
		for _, lang := range langs {
			c := contents[lang]
			title := strings.ReplaceAll(c.UI.PresentTitle, "{title}", k.Title(c))
			pages = append(pages, Page{
				Kind:        k,
				Present:     true,
				Lang:        lang,
				Path:        PresentPath(name, c),
				Title:       title,
				Description: title,
				Dir:         c.UI.Dir,
				New:         func() app.Composer { return &Presentation{Kind: k, Content: c, Interactive: app.IsClient} },
			})
		}
	}
	checklist := KindNamed(ChecklistName)
	for _, lang := range langs {
		c := contents[lang]
		title := strings.ReplaceAll(c.UI.CompareTitle, "{title}", c.Checklist.Title)
		pages = append(pages, Page{
			Kind:        checklist,
			Compare:     true,
			Lang:        lang,
			Path:        ComparePath(c),
			Title:       title,
			Description: c.UI.CompareIntro,
			Dir:         c.UI.Dir,
			New:         func() app.Composer { return &Compare{Content: c, Interactive: app.IsClient} },
		})
	}
	first := contents[langs[0]]
	pages = append(pages, Page{
		Path:        "/builder/",
		Lang:        langs[0],
		Title:       first.UI.BuilderTitle,
		Description: first.UI.BuilderIntro,
		Dir:         first.UI.Dir,
		New:         func() app.Composer { return &Builder{Contents: contents, Interactive: app.IsClient} },
	})
	pages = append(pages, Page{
		Path:        "/",
		Lang:        langs[0],
		Title:       "Waymark",
		Description: "Waymark",
		Dir:         first.UI.Dir,
		New:         func() app.Composer { return &Index{Contents: contents} },
	})
	return pages
}

// PresentPath is the address of a kind's slides (see Presentable).
func PresentPath(name string, c *data.Content) string { return Path(name, c) + "present/" }

// ComparePath is the address of the page that compares groups' checklists.
func ComparePath(c *data.Content) string { return Path(ChecklistName, c) + "compare/" }

// Widget says whether the page is a kind of widget itself, which can be
// embedded, rather than its sources page, its presentation, the
// checklist's comparison of groups or a page of the site.
func (p Page) Widget() bool { return p.Kind != nil && !p.Sources && !p.Present && !p.Compare }

// Register adds every page to go-app's router.
func Register(contents map[string]*data.Content) {
	for _, p := range Pages(contents) {
		app.Route(p.Path, p.New)
	}
}
