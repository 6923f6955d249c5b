package widgets

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Compare is the facilitator's page of a workshop with the checklist, at
// /w/checklist/<lang>/compare/: the links the groups copied are pasted in
// one box and their answers show side by side, a table per list with the
// items as rows and a column per group, and a count of each group's done
// items.
//
// Everything happens in the browser: the answers are in the links'
// fragments, which the page reads itself, so nothing pasted is sent to a
// server or kept. For the same reason the prerendered page has no form
// (a form without scripts would send the links in its address); it says
// the page needs scripts, and what to do instead.
type Compare struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	pasted   string         // what the box holds
	groups   []comparedLink // the links read, in the order pasted
	problems []string       // why the others could not be, in that order
	status   string         // what the live region says
}

// comparedLink is one group's answers, read from its link.
type comparedLink struct {
	name    string            // the group's name, or "Group n"
	answers map[string]Answer // item id -> answer
}

// compareLinks reads every link in text (separated by spaces or lines),
// in order: the groups whose links can be read, each named by its link or
// by its place among them, and a sentence for each of the others naming
// it by its place among everything pasted. A link of another language is
// named as such: its items are the same, but its column would head
// another language's words.
func compareLinks(c *data.Content, text string) (groups []comparedLink, problems []string) {
	ui := c.UI
	lists := c.Checklist.Lists
	for i, f := range strings.Fields(text) {
		n := strconv.Itoa(i + 1)
		frag, lang, ok := checklistLink(f)
		if !ok {
			problems = append(problems, strings.ReplaceAll(ui.CompareNotLink, "{n}", n))
			continue
		}
		if lang != "" && lang != ui.Lang {
			name, known := languageName(c, lang)
			if !known {
				problems = append(problems, strings.ReplaceAll(ui.CompareNotLink, "{n}", n))
				continue
			}
			problems = append(problems, strings.NewReplacer("{n}", n, "{lang}", name).Replace(ui.CompareOtherLang))
			continue
		}
		d, err := DecodeAnswers(frag, lists)
		if err != nil {
			problems = append(problems, strings.NewReplacer("{n}", n, "{reason}", err.Error()).Replace(ui.CompareBroken))
			continue
		}
		name := d.Group
		if name == "" {
			name = strings.ReplaceAll(ui.CompareGroupN, "{n}", strconv.Itoa(len(groups)+1))
		}
		groups = append(groups, comparedLink{name: name, answers: d.Answers})
	}
	return groups, problems
}

// checklistLink reads a pasted link to the checklist: its fragment, as
// the browser would give it, and the language its address names ("" for
// a bare fragment, "#states:3:…", which is taken as this language's). ok
// is false for anything else: another widget, another site's address, or
// text that is no address.
func checklistLink(s string) (fragment, lang string, ok bool) {
	u, err := url.Parse(s)
	if err != nil {
		// An address a browser would not open, such as a fragment with a
		// stray "%": named as a link that cannot be read.
		return "#", "", true
	}
	if u.Scheme == "" && u.Host == "" && u.Path == "" {
		return u.Fragment, "", u.Fragment != ""
	}
	_, rest, found := strings.Cut(u.Path, "/w/"+ChecklistName+"/")
	if !found {
		return "", "", false
	}
	lang, _, _ = strings.Cut(rest, "/")
	return u.Fragment, lang, lang != ""
}

// languageName is a language the site has, named in itself; known is
// false for a tag the site lacks, or text that is none.
func languageName(c *data.Content, tag string) (name string, known bool) {
	for _, l := range c.Languages() {
		if l.Tag == tag {
			return l.Name, true
		}
	}
	return "", false
}

// Compare reads the pasted links and says what came of it.
func (p *Compare) Compare(text string) {
	ui := p.Content.UI
	p.pasted = text
	p.groups, p.problems = compareLinks(p.Content, text)
	said := []string{count(ui.CompareGroupsOne, ui.CompareGroupsMany, len(p.groups))}
	p.status = strings.Join(append(said, p.problems...), " ")
}

// Render draws the page.
func (p *Compare) Render() app.UI {
	c := p.Content
	ui := c.UI
	cls := "wm wm-compare"
	if p.Interactive {
		cls += " wm-app"
	}
	widget := Path(ChecklistName, c)
	return app.Main().Class(cls).Aria("labelledby", "wm-title").Body(
		app.Header().Body(
			app.H1().ID("wm-title").Text(strings.ReplaceAll(ui.CompareTitle, "{title}", c.Checklist.Title)),
			app.P().Class("wm-intro").Text(ui.CompareIntro),
			app.P().Body(app.A().Class("wm-step").Href("%s", widget).Text(strings.ReplaceAll(ui.BackTo, "{title}", c.Checklist.Title))),
		),
		app.If(!p.Interactive, func() app.UI {
			return app.NoScript().Body(app.P().Class("wm-notice").Text(ui.CompareNoScript))
		}).Else(func() app.UI { return p.renderForm() }),
		app.If(len(p.problems) > 0, func() app.UI {
			return app.Ul().Class("wm-compare-problems").Body(
				app.Range(p.problems).Slice(func(i int) app.UI {
					return app.Li().Class("wm-notice").Body(latinRuns(p.Content.UI.Dir, p.problems[i])...)
				}),
			)
		}),
		app.If(len(p.groups) > 0, func() app.UI {
			lists := c.Checklist.Lists
			return app.Div().Class("wm-compare-tables").Body(
				app.Range(lists).Slice(func(i int) app.UI { return p.renderTable(lists[i]) }),
			)
		}),
		credit(c, []string{c.Sources.Documents[0].ID}),
		app.Div().Class("wm-sr").Role("status").Aria("live", "polite").Text(p.status),
	)
}

// renderForm is the box the links are pasted in. Links read left to
// right in every language, so the box does too.
func (p *Compare) renderForm() app.UI {
	ui := p.Content.UI
	return app.Form().Class("wm-compare-form").
		OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			p.Compare(p.pasted)
		}).
		Body(
			app.Label().For("wm-compare-links").Text(ui.CompareLinks),
			app.Textarea().ID("wm-compare-links").Class("wm-compare-links").Rows(6).Dir("ltr").
				Spellcheck(false).Aria("describedby", "wm-compare-hint").
				Text(p.pasted).
				OnInput(func(ctx app.Context, e app.Event) { p.pasted = e.Get("target").Get("value").String() }),
			app.P().ID("wm-compare-hint").Class("wm-hint").Text(ui.CompareLinksHint),
			app.Button().Type("submit").Class("wm-step").Text(ui.CompareButton),
		)
}

// renderTable is one list's table: a row per item, a column per group,
// each answer in words (the stylesheet adds colour, never alone), and
// each group's count of done items at the foot. The scrolling box around
// it can be focused, so a keyboard can scroll a wide table too.
func (p *Compare) renderTable(l data.ChecklistList) app.UI {
	heading := "wm-compare-h-" + l.ID
	// The list's name heads the table outside its scrolling box, where a
	// phone scrolling the table sideways still shows it; the caption
	// names the table for screen readers.
	return app.Section().Class("wm-compare-list").Aria("labelledby", heading).Body(
		app.H2().ID(heading).Text(l.Title),
		p.renderGrid(l, heading),
	)
}

// renderGrid is the table of renderTable, in its scrolling box.
func (p *Compare) renderGrid(l data.ChecklistList, heading string) app.UI {
	ui := p.Content.UI
	word := map[Answer]string{Done: ui.AnswerDone, NotYet: ui.AnswerNotYet, NotApplicable: ui.AnswerNA}
	return app.Div().Class("wm-table-scroll").Role("region").TabIndex(0).Aria("labelledby", heading).Body(
		app.Table().Class("wm-table wm-compare-table").Body(
			app.Caption().Class("wm-sr").Text(l.Title),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(ui.CompareItem),
				app.Range(p.groups).Slice(func(g int) app.UI {
					return app.Th().Scope("col").Body(app.Bdi().Text(p.groups[g].name))
				}),
			)),
			app.TBody().Body(
				app.Range(l.Items).Slice(func(i int) app.UI {
					it := l.Items[i]
					return app.Tr().Body(
						app.Th().Scope("row").Body(latinRuns(ui.Dir, it.Text)...),
						app.Range(p.groups).Slice(func(g int) app.UI {
							a, ok := p.groups[g].answers[it.ID]
							if !ok {
								return app.Td().Class("wm-cell-none").Text(ui.CompareNoAnswer)
							}
							return app.Td().Class("wm-cell-" + string(a)).Text(word[a])
						}),
					)
				}),
			),
			app.TFoot().Body(app.Tr().Body(
				app.Th().Scope("row").Text(ui.CompareCount),
				app.Range(p.groups).Slice(func(g int) app.UI {
					done := 0
					for _, it := range l.Items {
						if p.groups[g].answers[it.ID] == Done {
							done++
						}
					}
					return app.Td().Text(progressText(ui, done, len(l.Items)))
				}),
			)),
		),
	)
}
