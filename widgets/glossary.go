package widgets

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Glossary is the glossary widget: the report's key terminology, with a
// letter index, a stable link to every term (#term-<id>) and links between
// related terms. In the app a box filters the terms as the reader types,
// ignoring case and accents.
//
// Prerendered it is a plain list of entries: the letter index and related
// terms are fragment links, and CSS :target marks the entry a link opened.
type Glossary struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	query  string // what the reader typed in the filter
	target string // id of the term the fragment names
	cites  *sourceList
	terms  []data.Term // in the alphabet's order; see ordered
}

// anchor is the element id for a fragment; see anchorID.
func (g *Glossary) anchor(id string) string { return anchorID(g.Interactive, id) }

// sources numbers the glossary's citations: its own, then each term's.
func (g *Glossary) sources() *sourceList {
	if g.cites == nil {
		g.cites = newSourceList(g.Content, GlossaryName, g.Interactive)
		g.cites.add("glossary", "", g.Content.Glossary.Cite)
		for _, t := range g.Content.Glossary.Terms {
			g.cites.add("term-"+t.ID, "", t.Cite)
		}
	}
	return g.cites
}

// OnInit picks up the term named in the fragment and what the reader typed
// in the filter before the app took over.
func (g *Glossary) OnInit() {
	if !app.IsClient {
		return
	}
	g.target = strings.TrimPrefix(app.Window().URL().Fragment, "term-")
	if in := app.Window().GetElementByID("wm-filter-terms"); in.Truthy() {
		g.query = in.Get("value").String()
	}
}

// OnMount scrolls to the term a link named, unless the widget is framed
// (see Journey.OnMount).
func (g *Glossary) OnMount(ctx app.Context) {
	framed := !app.Window().Get("parent").Equal(app.Window())
	if g.target == "" || framed {
		return
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(g.anchor("term-" + g.target)); el.Truthy() {
			el.Call("scrollIntoView")
		}
	})
}

// OnNav follows a link to a term or, from the sources page, to a citation
// marker: the filter is cleared if it hides the term, and focus moves to
// it.
func (g *Glossary) OnNav(ctx app.Context) {
	f := ctx.Page().URL().Fragment
	if id := strings.TrimPrefix(f, "term-"); id != f && g.term(id) != nil {
		g.target = id
		if !g.Matches(*g.term(id)) {
			g.query = ""
		}
		jumpTo(ctx, g.anchor(f))
		return
	}
	if el := g.sources().markerElement(f); el != "" {
		jumpTo(ctx, el)
	}
}

func (g *Glossary) term(id string) *data.Term {
	for i := range g.Content.Glossary.Terms {
		if g.Content.Glossary.Terms[i].ID == id {
			return &g.Content.Glossary.Terms[i]
		}
	}
	return nil
}

// Filter sets what the reader typed.
func (g *Glossary) Filter(q string) { g.query = q }

// Matches says whether a term shows under the current filter: the filter
// is found in the term or one of its forms, regardless of case and accents.
func (g *Glossary) Matches(t data.Term) bool {
	q := strings.TrimSpace(fold(g.query))
	if q == "" {
		return true
	}
	if strings.Contains(fold(t.Term), q) {
		return true
	}
	for _, f := range t.Forms {
		if strings.Contains(fold(f), q) {
			return true
		}
	}
	return false
}

// Shown lists the ids of the terms the filter shows.
func (g *Glossary) Shown() []string {
	var ids []string
	for _, t := range g.ordered() {
		if g.Matches(t) {
			ids = append(ids, t.ID)
		}
	}
	return ids
}

// ordered lists the terms in the order of the language's alphabet, which
// a translation's file need not follow (it keeps English's order, so the
// files read side by side).
// The order is worked out once: content never changes, and the filter
// renders the list again on every key the reader types.
func (g *Glossary) ordered() []data.Term {
	if g.terms != nil {
		return g.terms
	}
	lang := g.Content.UI.Lang
	keys := map[string]string{}
	for _, t := range g.Content.Glossary.Terms {
		keys[t.ID] = sortKey(lang, t.Term)
	}
	g.terms = slices.Clone(g.Content.Glossary.Terms)
	slices.SortStableFunc(g.terms, func(a, b data.Term) int { return strings.Compare(keys[a.ID], keys[b.ID]) })
	return g.terms
}

// Render draws the widget.
func (g *Glossary) Render() app.UI {
	gl := g.Content.Glossary
	ui := g.Content.UI
	shown := g.Shown()
	terms := g.ordered()
	// The skip link goes past the filter and the letter index, a row of
	// links, to the first term the filter leaves, or to the note that it
	// left none.
	skipTo := "wm-no-terms"
	if len(shown) > 0 {
		skipTo = g.anchor("term-" + shown[0])
	}
	f := frame{name: GlossaryName, interactive: g.Interactive, title: gl.Title,
		intro: gl.Intro, introClaim: "glossary", sources: g.sources(), status: g.status(len(shown)), skipTo: skipTo}
	return f.render(
		app.If(g.Interactive, func() app.UI {
			return app.Div().Class("wm-find").Body(
				app.Label().For("wm-filter-terms").Text(ui.FilterTerms),
				app.Input().Type("search").ID("wm-filter-terms").Value(g.query).
					AutoComplete(false).Attr("spellcheck", "false").
					OnInput(func(ctx app.Context, e app.Event) {
						g.query = ctx.JSSrc().Get("value").String()
					}),
			)
		}),
		g.renderLetters(shown),
		app.Div().Class("wm-entries").Body(
			app.Range(terms).Slice(func(i int) app.UI { return g.renderTerm(terms[i]) }),
		),
		app.If(g.Interactive && len(shown) == 0, func() app.UI {
			return app.P().ID("wm-no-terms").Class("wm-notice wm-skip-to").TabIndex(-1).Text(ui.NoTerms)
		}),
	)
}

func (g *Glossary) status(n int) string {
	if g.query == "" {
		return ""
	}
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(len(g.Content.Glossary.Terms))).Replace(g.Content.UI.TermsShown)
}

// renderLetters is the letter index: each letter that files a shown term
// links to its first term; other letters are plain text, so the index
// keeps its shape while the filter narrows it.
func (g *Glossary) renderLetters(shown []string) app.UI {
	first := map[string]string{}
	var letters []string
	for _, t := range g.ordered() {
		l := initial(g.Content.UI.Lang, t.Term)
		if _, ok := first[l]; !ok {
			letters = append(letters, l)
			first[l] = ""
		}
		if first[l] == "" && slices.Contains(shown, t.ID) {
			first[l] = t.ID
		}
	}
	return app.Nav().Class("wm-letters").Aria("label", attr(g.Content.UI.LettersLabel)).Body(
		app.Ul().Body(
			app.Range(letters).Slice(func(i int) app.UI {
				l := letters[i]
				if id := first[l]; id != "" {
					return app.Li().Body(app.A().Href("#term-" + id).Text(l))
				}
				return app.Li().Body(app.Span().Class("wm-letter-off").Text(l))
			}),
		),
	)
}

func (g *Glossary) renderTerm(t data.Term) app.UI {
	art := app.Article().ID(g.anchor("term-"+t.ID)).Class("wm-entry wm-skip-to").TabIndex(-1).Aria("labelledby", "wm-h-"+t.ID)
	if g.Interactive && !g.Matches(t) {
		art = art.Hidden(true)
	}
	if g.Interactive && g.target == t.ID {
		art = art.Class("wm-target")
	}
	var related []app.UI
	for k, id := range t.Related {
		if k > 0 {
			related = append(related, app.Text(listSeparator(g.Content.UI)))
		}
		related = append(related, app.A().Href("#term-"+id).Body(latinRuns(g.Content.UI.Dir, g.term(id).Term)...))
	}
	return art.Body(
		app.H2().ID("wm-h-"+t.ID).Body(latinRuns(g.Content.UI.Dir, t.Term)...),
		app.P().Body(append(latinRuns(g.Content.UI.Dir, t.Definition), g.sources().markers("term-"+t.ID))...),
		app.If(len(related) > 0, func() app.UI {
			return app.P().Class("wm-related").Body(append([]app.UI{app.Text(g.Content.UI.Related + " ")}, related...)...)
		}),
	)
}
