package widgets

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Widget names, as they appear in addresses (/w/<name>/<lang>/), in embed
// codes (data-waymark="<name>") and in each widget's class (wm-<name>).
const (
	JourneyName   = "journey"
	ChecklistName = "checklist"
	GlossaryName  = "glossary"
	FiguresName   = "figures"
	QuizName      = "quiz"
	GuideName     = "guide"
)

// Kind is everything Waymark needs to know about one kind of widget. The
// route table, the build (page descriptions, no-script CSS), the demo page
// and the tests loop over Kinds, so a new kind of widget is one more value
// here; TestEveryKindIsComplete names any part a value leaves out.
type Kind struct {
	// Name is one of the names above.
	Name string
	// Title is the widget's heading in a language: its page's <title> and
	// the iframe title of its embed codes.
	Title func(c *data.Content) string
	// Description says in a sentence or two what the widget holds: its
	// page's meta description, which link previews show.
	Description func(c *data.Content) string
	// New makes the component; interactive says which of its two modes it
	// renders (see the package comment).
	New func(c *data.Content, interactive bool) app.Composer
	// CSS returns the style rules that let the prerendered page respond
	// without JavaScript. They name content ids, so they are made from the
	// content; a kind that needs none says so with noCSS.
	CSS func(c *data.Content) string
	// DemoLead is the demo article's sentence before the embedded widget.
	DemoLead string
	// Fit is how tall the widget is when it loads, in CSS pixels, in its
	// first language, before the app and after (whichever is taller): 300
	// px wide, a phone's column between margins, and 680 px wide, an
	// article's column.
	// The loader reserves it before the widget reports its own height, and
	// the codes that cannot resize (a plain iframe, oEmbed) take it; the
	// browser suite measures it and fails when it drifts.
	Fit Fit
}

// Fit is a widget's height on a phone and in an article column.
type Fit struct {
	Phone, Column int
}

// At is the height to give the widget in a page width pixels wide: the
// phone's up to 360 px, the column's from 720 px (where a column is 680
// px or more), in proportion between. The widget's height falls ever more
// slowly as it widens, so the line between the two is never below it.
func (f Fit) At(width int) int {
	t := min(1, max(0, float64(width-360)/360))
	return int(float64(f.Phone) + float64(f.Column-f.Phone)*t + 0.5)
}

// Kinds lists every kind of widget, in the order the demo page and the
// index show them.
var Kinds = []Kind{
	{
		Name:        JourneyName,
		Title:       func(c *data.Content) string { return c.Journey.Title },
		Description: func(c *data.Content) string { return c.Journey.Intro },
		New: func(c *data.Content, interactive bool) app.Composer {
			return &Journey{Content: c, Interactive: interactive}
		},
		CSS:      JourneyCSS,
		DemoLead: "Walk through the journey: which technologies a person meets before, at and after the border, and which of their rights each one threatens.",
		Fit:      Fit{3520, 1990},
	},
	{
		Name:        ChecklistName,
		Title:       func(c *data.Content) string { return c.Checklist.Title },
		Description: func(c *data.Content) string { return c.Checklist.Intro },
		New: func(c *data.Content, interactive bool) app.Composer {
			return &Checklist{Content: c, Interactive: interactive}
		},
		CSS:      ChecklistCSS,
		DemoLead: "What should change? The report ends with what governments, and organizations deploying these technologies, should do. Go through the list and mark where your own government stands.",
		Fit:      Fit{15830, 7980},
	},
	{
		Name:        GlossaryName,
		Title:       func(c *data.Content) string { return c.Glossary.Title },
		Description: func(c *data.Content) string { return c.Glossary.Intro },
		New: func(c *data.Content, interactive bool) app.Composer {
			return &Glossary{Content: c, Interactive: interactive}
		},
		CSS:      noCSS,
		DemoLead: "The report's key terms, from algorithms to technocolonialism, are defined below; the widgets above link their first use in each text to these definitions.",
		Fit:      Fit{6830, 3470},
	},
	{
		Name:        FiguresName,
		Title:       func(c *data.Content) string { return c.Figures.Title },
		Description: func(c *data.Content) string { return c.Figures.Intro },
		New: func(c *data.Content, interactive bool) app.Composer {
			return &Figures{Content: c, Interactive: interactive}
		},
		CSS:      noCSS,
		DemoLead: "The numbers behind the report, and a map of which technologies threaten which rights, computed from the journey above.",
		Fit:      Fit{6710, 3836},
	},
	{
		Name:        QuizName,
		Title:       func(c *data.Content) string { return c.Quiz.Title },
		Description: func(c *data.Content) string { return c.Quiz.Intro },
		New: func(c *data.Content, interactive bool) app.Composer {
			return &Quiz{Content: c, Interactive: interactive}
		},
		CSS:      noCSS,
		DemoLead: "Test what you have read: questions on the report's facts, each answer explained with its source. In a workshop, reset it between groups; printed, it is a handout with the answers at the end.",
		Fit:      Fit{6310, 4200},
	},
	{
		Name:        GuideName,
		Title:       func(c *data.Content) string { return c.Guide.Title },
		Description: func(c *data.Content) string { return c.Guide.Intro },
		New: func(c *data.Content, interactive bool) app.Composer {
			return &Guide{Content: c, Interactive: interactive}
		},
		CSS:      noCSS,
		DemoLead: "Running a workshop? This facilitator's guide plans 90 minutes on the report: an activity for each stage of the journey, questions on each technology, and a closing action that puts participants' safety first. Print it as a handout with room to write.",
		Fit:      Fit{13320, 6530},
	},
}

// KindNamed is the kind of widget with the given name, nil for none.
func KindNamed(name string) *Kind {
	for i := range Kinds {
		if Kinds[i].Name == name {
			return &Kinds[i]
		}
	}
	return nil
}

// noCSS is the CSS of a kind whose prerendered page needs no rules made
// from its content: waymark.css styles it whole.
func noCSS(*data.Content) string { return "" }

// Path is the stable address of a kind of widget showing the given content.
// Content is identified by its language today; a second report would add
// its own segment here, and every link, route and embed code follows.
func Path(name string, c *data.Content) string {
	return "/w/" + name + "/" + c.UI.Lang + "/"
}
