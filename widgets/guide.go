package widgets

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Guide is the facilitator's guide: a plan for a 90-minute workshop on the
// report, for an educator with a projector, printed handouts and a room
// whose Wi-Fi may fail. It holds the session's aims, its timing as a
// table, an activity for each stage of the journey with the discussion
// questions on that stage's technologies, a closing action after a safety
// check, and notes on adapting the session.
//
// It is text, and reads the same in both modes: nothing to choose, check
// or keep, so nothing is stored. Its activities link to the widgets a
// room uses (the journey at the stage, the slides at the stage's opener,
// the quiz, the checklist), each address built from the content rather
// than written in it, so a link follows the journey when its slides move.
// Printed, it is a handout: the timing as a table, each activity with its
// questions and ruled lines to write on under each question.
type Guide struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	cites *sourceList
}

// topicClaim is the claim a technology's discussion context makes, for
// its markers.
func topicClaim(technology string) string { return "t-" + technology }

// sources numbers the guide's citations: the introduction's, then each
// topic's, in the order of the journey, which is the order they show in.
func (g *Guide) sources() *sourceList {
	if g.cites == nil {
		g.cites = newSourceList(g.Content, GuideName, g.Interactive)
		g.cites.add("guide", "", g.Content.Guide.Cite)
		for _, s := range g.Content.Journey.Stages {
			for _, t := range s.Technologies {
				if topic := g.topic(t.ID); topic != nil {
					g.cites.add(topicClaim(t.ID), "", topic.Cite)
				}
			}
		}
	}
	return g.cites
}

// topic is the discussion of a technology, nil for none (the content
// rules give every technology one).
func (g *Guide) topic(technology string) *data.GuideTopic {
	for i := range g.Content.Guide.Discussion {
		if g.Content.Guide.Discussion[i].Technology == technology {
			return &g.Content.Guide.Discussion[i]
		}
	}
	return nil
}

func (g *Guide) stage(id string) *data.Stage {
	for i := range g.Content.Journey.Stages {
		if g.Content.Journey.Stages[i].ID == id {
			return &g.Content.Journey.Stages[i]
		}
	}
	return nil
}

// anchor is the element id for a fragment; see anchorID.
func (g *Guide) anchor(id string) string { return anchorID(g.Interactive, id) }

// OnNav follows a link back from the sources page to the marker it names.
func (g *Guide) OnNav(ctx app.Context) {
	if el := g.sources().markerElement(ctx.Page().URL().Fragment); el != "" {
		jumpTo(ctx, el)
	}
}

// StageSlide is the number, from 1, of the slide that opens a stage in the
// journey's presentation, 0 for a stage it does not have: counted from
// the slides themselves, so a link to it follows when technologies are
// added before it.
func StageSlide(c *data.Content, stage string) int {
	for i, s := range (&Presentation{Kind: KindNamed(JourneyName), Content: c}).Slides() {
		if s.class == "wm-slide-stage" && s.id == stage {
			return i + 1
		}
	}
	return 0
}

// sessionClock writes minutes from the session's start as h:mm.
func sessionClock(minutes int) string { return fmt.Sprintf("%d:%02d", minutes/60, minutes%60) }

// Render draws the widget.
func (g *Guide) Render() app.UI {
	gd := g.Content.Guide
	f := frame{name: GuideName, interactive: g.Interactive, title: gd.Title,
		intro: gd.Intro, introClaim: "guide", sources: g.sources(), skipTo: guideStart}
	return f.render(
		g.section("aims", g.Content.UI.GuideAims, g.renderLines("wm-guide-aims", gd.Aims)),
		g.section("timing", g.Content.UI.GuideTiming, g.renderTiming()),
		g.section("activities", g.Content.UI.GuideActivities,
			app.Ol().Class("wm-guide-activities").Body(
				app.Range(gd.Activities).Slice(func(i int) app.UI { return g.renderActivity(&gd.Activities[i]) }),
			),
		),
		g.section("closing", gd.Closing.Title,
			g.renderLines("wm-guide-safety", gd.Closing.Safety),
			app.P().Class("wm-guide-action").Body(latinRuns(g.Content.UI.Dir, gd.Closing.Action)...),
			g.renderUse(nil, gd.Closing.Use),
		),
		g.section("adapting", g.Content.UI.GuideAdapting,
			app.Div().Class("wm-guide-notes").Body(
				app.Range(gd.Adapting).Slice(func(i int) app.UI { return g.renderNote(&gd.Adapting[i]) }),
			),
		),
	)
}

// guideStart is the heading of the guide's first part, where its skip
// link lands.
const guideStart = "wm-guide-aims-h"

// section is one part of the guide under its heading, which names it for
// screen readers' lists of regions.
func (g *Guide) section(id, heading string, body ...app.UI) app.UI {
	h := "wm-guide-" + id + "-h"
	h2 := app.H2().ID(h)
	if h == guideStart {
		h2 = h2.Class("wm-skip-to").TabIndex(-1)
	}
	return app.Section().Class("wm-guide-part wm-guide-part-"+id).Aria("labelledby", h).Body(
		append([]app.UI{h2.Body(latinRuns(g.Content.UI.Dir, heading)...)}, body...)...,
	)
}

func (g *Guide) renderLines(class string, lines []data.GuideLine) app.UI {
	return app.Ul().Class(class).Body(
		app.Range(lines).Slice(func(i int) app.UI {
			return app.Li().Body(latinRuns(g.Content.UI.Dir, lines[i].Text)...)
		}),
	)
}

// renderTiming is the timing as a table: when each part starts, counted
// from the minutes, how long it is, and what happens in it, with the total
// under them. A start and a length, not a range: a range wraps on a
// phone, and in Arabic its dash would be placed by the bidirectional
// algorithm rather than between its two times.
func (g *Guide) renderTiming() app.UI {
	ui := g.Content.UI
	dir := ui.Dir
	parts := g.Content.Guide.Timing
	starts := make([]int, len(parts)+1)
	for i, s := range parts {
		starts[i+1] = starts[i] + s.Minutes
	}
	return app.Table().Class("wm-guide-timing").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(ui.GuideTime),
			app.Th().Scope("col").Class("wm-guide-min").Text(ui.GuideMinutes),
			app.Th().Scope("col").Text(ui.GuidePart),
		)),
		app.TBody().Body(
			app.Range(parts).Slice(func(i int) app.UI {
				s := parts[i]
				return app.Tr().Body(
					app.Td().Class("wm-guide-when").Body(app.Time().Text(sessionClock(starts[i]))),
					app.Td().Class("wm-guide-min").Text(strconv.Itoa(s.Minutes)),
					app.Td().Body(
						app.Strong().Body(latinRuns(dir, s.Title)...),
						app.Span().Class("wm-guide-what").Body(latinRuns(dir, s.Text)...),
					),
				)
			}),
		),
		app.TFoot().Body(app.Tr().Body(
			app.Th().Scope("row").Text(ui.GuideTotal),
			app.Td().Class("wm-guide-min").Text(strconv.Itoa(starts[len(parts)])),
			app.Td(),
		)),
	)
}

// renderActivity is one stage's activity: what participants do, with
// which widgets, and the questions on each of the stage's technologies.
func (g *Guide) renderActivity(a *data.GuideActivity) app.UI {
	ui := g.Content.UI
	dir := ui.Dir
	s := g.stage(a.Stage)
	h := "wm-guide-a-" + a.ID
	return app.Li().ID(g.anchor(a.ID)).Class("wm-guide-activity").Aria("labelledby", h).Body(
		app.P().Class("wm-guide-kicker").Body(latinRuns(dir, s.Section)...),
		app.H3().ID(h).Body(latinRuns(dir, a.Title)...),
		app.H4().Text(ui.GuideDo),
		app.P().Body(latinRuns(dir, a.Do)...),
		g.renderUse(s, a.Use),
		app.H4().Text(ui.GuideQuestions),
		app.Range(s.Technologies).Slice(func(i int) app.UI { return g.renderTopic(&s.Technologies[i]) }),
	)
}

// renderTopic is a technology's context, read out before its questions,
// and the questions, each with ruled lines that only paper shows.
func (g *Guide) renderTopic(t *data.Technology) app.UI {
	dir := g.Content.UI.Dir
	topic := g.topic(t.ID)
	if topic == nil {
		return nil
	}
	return app.Div().Class("wm-guide-topic").Body(
		app.H5().Body(latinRuns(dir, t.Name)...),
		app.P().Class("wm-guide-context").Body(append(latinRuns(dir, topic.Context), g.sources().markers(topicClaim(t.ID)))...),
		app.Ol().Class("wm-guide-questions").Body(
			app.Range(topic.Questions).Slice(func(i int) app.UI {
				return app.Li().Body(
					app.P().Body(latinRuns(dir, topic.Questions[i].Text)...),
					// Empty, so a screen reader has nothing to say of it.
					// (aria-hidden="true" cannot be written: go-app's server
					// renderer writes a "true" attribute bare, which ARIA
					// reads as not hidden.)
					app.Div().Class("wm-guide-write").Body(app.Span(), app.Span(), app.Span()),
				)
			}),
		),
	)
}

// renderNote is one note on adapting the session.
func (g *Guide) renderNote(n *data.GuideNote) app.UI {
	dir := g.Content.UI.Dir
	return app.Div().Class("wm-guide-note").Body(
		app.H3().Body(latinRuns(dir, n.Title)...),
		app.P().Body(latinRuns(dir, n.Text)...),
		app.If(len(n.Use) > 0, func() app.UI { return g.renderUse(nil, n.Use) }),
	)
}

// renderUse links the widgets an activity, the closing or a note uses.
// Within a stage's activity the journey opens at the stage and the slides
// at its opener; elsewhere both open at their start.
func (g *Guide) renderUse(s *data.Stage, use []string) app.UI {
	ui := g.Content.UI
	return app.Div().Class("wm-guide-use").Body(
		app.Span().Class("wm-guide-use-label").Text(ui.GuideUse),
		app.Ul().Body(
			app.Range(use).Slice(func(i int) app.UI { return app.Li().Body(g.toolLink(s, use[i])) }),
		),
	)
}

func (g *Guide) toolLink(s *data.Stage, tool string) app.UI {
	c := g.Content
	ui := c.UI
	switch {
	case tool == "present" && s != nil:
		n := StageSlide(c, s.ID)
		return pageLink(c, PresentPath(JourneyName, c)+"#slide-"+strconv.Itoa(n), app.Text(fill(ui.GuideSlides, "n", strconv.Itoa(n))))
	case tool == "present":
		return pageLink(c, PresentPath(JourneyName, c), app.Text(ui.GuideSlidesAll))
	case tool == JourneyName && s != nil:
		return widgetLink(c, JourneyName, s.ID, latinRuns(ui.Dir, fill(ui.GuideJourneyAt, "stage", s.Title))...)
	}
	k := KindNamed(tool)
	if k == nil {
		return nil // the content's enum allows only kinds and "present"
	}
	return widgetLink(c, tool, "", latinRuns(ui.Dir, k.Title(c))...)
}
