package widgets

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Presentation is a widget as slides for a room, in type sized to the
// screen so the back row can read it: the journey (a title slide, then
// each stage's opener followed by one slide per technology, in stage
// order) or the figures (a title slide, then one figure a slide). Arrow
// keys, Page Up and Page Down (what a clicker sends), Space, Home and End
// change slides, and the address's fragment (#slide-3) follows, so a link
// opens the slide it names. A presenter's view of the same page
// (?presenter), in a second window, shows the current and the next slide,
// the notes (the report's full text behind the slide) and a timer; the two
// windows keep in step through a BroadcastChannel, in the browser only.
//
// Without the app the page lists every slide in order: a reader still has
// the words, and paper gets one slide a page.
type Presentation struct {
	app.Compo

	// Kind is the widget presented: one Presentable names.
	Kind *Kind
	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	slide     int  // the slide shown, from 0
	presenter bool // the presenter's view
	started   time.Time
	elapsed   string // the presenter's timer, m:ss
	status    string // what the live region says

	slides  []slide
	keys    app.Func
	tick    app.Func
	timer   app.Value
	channel app.Value
	onPeer  app.Func
}

// Presentable names the kinds of widget that come as slides too.
var Presentable = []string{JourneyName, FiguresName}

// slide is one slide, whichever widget it comes from: what it is about
// (kicker), its title, a figure's number, its first lines, the counts or
// the rights under them, where in the report it comes from, and the
// presenter's notes.
type slide struct {
	class      string // wm-slide-cover, -stage, -tech or -figure
	id         string // the stage's, technology's or figure's id
	kicker     string
	title      string
	big, unit  string // a figure's number, and what it counts
	lead       string
	lines      []string
	chipsLabel string
	chips      []string
	from       string
	notes      []note
}

// note is a paragraph of the presenter's notes, with the name it is about
// if any (a case).
type note struct{ name, text string }

// Slides lists the presentation's slides, built once from the content,
// which never changes.
func (p *Presentation) Slides() []slide {
	if p.slides != nil {
		return p.slides
	}
	c := p.Content
	ui := c.UI
	intro := p.Kind.Description(c)
	p.slides = []slide{{class: "wm-slide-cover", title: p.Kind.Title(c), lead: firstSentence(intro), notes: []note{{text: intro}}}}
	switch p.Kind.Name {
	case JourneyName:
		for _, st := range c.Journey.Stages {
			rights := map[string]bool{}
			for _, t := range st.Technologies {
				for _, r := range t.Rights {
					rights[r] = true
				}
			}
			p.slides = append(p.slides, slide{class: "wm-slide-stage", id: st.ID, kicker: st.Section, title: st.Title,
				lines: []string{count(ui.TechnologyOne, ui.TechnologyMany, len(st.Technologies)), count(ui.RightOne, ui.RightMany, len(rights))},
				notes: []note{{text: st.Intro}}})
			for _, t := range st.Technologies {
				sl := slide{class: "wm-slide-tech", id: t.ID, kicker: st.Title, title: t.Name, lead: t.Lead, chipsLabel: ui.Threatens,
					from: strings.ReplaceAll(ui.SlideFrom, "{section}", st.Section), notes: []note{{text: t.Summary}}}
				for _, r := range t.Rights {
					sl.chips = append(sl.chips, c.Right(r).Name)
				}
				for _, cs := range t.Cases {
					sl.notes = append(sl.notes, note{name: cs.Name, text: cs.Text})
				}
				p.slides = append(p.slides, sl)
			}
		}
	case FiguresName:
		for _, f := range c.Figures.Figures {
			sl := slide{class: "wm-slide-figure", id: f.ID, kicker: f.Label + whenText(f.When), big: figureValue(ui, f), unit: f.Unit,
				title: f.Label, lead: f.Text, notes: []note{{text: f.Text}}}
			if len(f.Cite) > 0 {
				cit := c.Citation(f.Cite[0])
				where := cit.Section
				if cit.Footnote > 0 {
					where += listSeparator(ui) + strings.ReplaceAll(ui.Footnote, "{n}", strconv.Itoa(cit.Footnote))
				}
				sl.from = strings.ReplaceAll(ui.SlideFrom, "{section}", where)
			}
			p.slides = append(p.slides, sl)
		}
	}
	return p.slides
}

// Slide is the slide shown, from 0.
func (p *Presentation) Slide() int { return p.slide }

// Go shows slide n, kept within the slides, and says which it is.
func (p *Presentation) Go(n int) {
	p.slide = min(max(n, 0), len(p.Slides())-1)
	p.status = p.slideOf(p.slide) + ": " + p.title(p.Slides()[p.slide])
}

// key is what a key does: +1, -1, or a slide to go to; ok is false for a
// key the presentation leaves alone. Right to left, the arrows point the
// other way: the next slide is to the left.
func (p *Presentation) key(name string, rtl bool) (delta int, to int, ok bool) {
	next, prev := "ArrowRight", "ArrowLeft"
	if rtl {
		next, prev = prev, next
	}
	switch name {
	case next, "ArrowDown", "PageDown", " ", "n", "N":
		return 1, 0, true
	case prev, "ArrowUp", "PageUp", "p", "P":
		return -1, 0, true
	case "Home":
		return 0, 0, true
	case "End":
		return 0, len(p.Slides()) - 1, true
	}
	return 0, 0, false
}

func (p *Presentation) slideOf(n int) string {
	return strings.NewReplacer("{n}", strconv.Itoa(n+1), "{total}", strconv.Itoa(len(p.Slides()))).Replace(p.Content.UI.SlideOf)
}

func (p *Presentation) title(s slide) string { return s.title }

// OnInit reads which slide the address names and which view it asks for.
func (p *Presentation) OnInit() {
	if !app.IsClient {
		return
	}
	u := app.Window().URL()
	p.presenter = u.Query().Has("presenter")
	p.Go(slideFromFragment(u.Fragment))
	p.status = ""
}

// slideFromFragment reads "slide-3" as the third slide (2); anything else
// is the first.
func slideFromFragment(f string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(f, "slide-"))
	if err != nil || !strings.HasPrefix(f, "slide-") || n < 1 {
		return 0
	}
	return n - 1
}

// OnMount listens for the keys, joins the channel the other view is on
// and, in the presenter's view, starts the timer.
func (p *Presentation) OnMount(ctx app.Context) {
	if !p.Interactive {
		return
	}
	// The prerendered page scrolled to the slide its address named; the
	// app shows that slide from the top.
	app.Window().Call("scrollTo", 0, 0)
	rtl := p.Content.UI.Dir == "rtl"
	p.keys = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("altKey").Bool() || e.Get("metaKey").Bool() || e.Get("defaultPrevented").Bool() {
			return nil
		}
		name := e.Get("key").String()
		// Space and Enter work the focused button or link themselves.
		if tag := e.Get("target").Get("tagName").String(); name == " " && (tag == "BUTTON" || tag == "A") {
			return nil
		}
		if name == "f" || name == "F" {
			fullScreen()
			return nil
		}
		delta, to, ok := p.key(name, rtl)
		if !ok {
			return nil
		}
		e.Call("preventDefault")
		ctx.Dispatch(func(ctx app.Context) {
			if delta != 0 {
				to = p.slide + delta
			}
			p.show(ctx, to, true)
		})
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "keydown", p.keys)

	if bc := app.Window().Get("BroadcastChannel"); bc.Truthy() {
		p.channel = bc.New("waymark-present-" + p.Kind.Name + "-" + p.Content.UI.Lang)
		p.onPeer = app.FuncOf(func(this app.Value, args []app.Value) any {
			// Only a number from a page of this origin and language: a
			// channel is never shared with another origin.
			d := args[0].Get("data")
			if d.Type() != app.TypeObject || d.Get("slide").Type() != app.TypeNumber {
				return nil
			}
			n := d.Get("slide").Int()
			ctx.Dispatch(func(ctx app.Context) { p.show(ctx, n, false) })
			return nil
		})
		p.channel.Call("addEventListener", "message", p.onPeer)
	}
	if p.presenter {
		p.started = time.Now()
		p.elapsed = "0:00"
		p.tick = app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.Dispatch(func(app.Context) { p.elapsed = clock(time.Since(p.started)) })
			return nil
		})
		p.timer = app.Window().Call("setInterval", p.tick, 1000)
	}
}

// OnDismount stops listening, leaves the channel and stops the timer.
func (p *Presentation) OnDismount() {
	if p.keys != nil {
		app.Window().Get("document").Call("removeEventListener", "keydown", p.keys)
		p.keys.Release()
		p.keys = nil
	}
	if p.onPeer != nil {
		p.channel.Call("close")
		p.onPeer.Release()
		p.onPeer = nil
	}
	if p.tick != nil {
		app.Window().Call("clearInterval", p.timer)
		p.tick.Release()
		p.tick = nil
	}
}

// OnNav follows a link to a slide within the page.
func (p *Presentation) OnNav(ctx app.Context) {
	if n := slideFromFragment(ctx.Page().URL().Fragment); n != p.slide {
		p.show(ctx, n, true)
	}
}

// show goes to slide n, writes it into the address and, if it was this
// view's reader who moved, tells the other view.
func (p *Presentation) show(ctx app.Context, n int, tell bool) {
	was := p.slide
	p.Go(n)
	if p.slide == was && !tell {
		return
	}
	app.Window().Get("history").Call("replaceState", nil, "", app.Window().URL().Path+queryOf(p.presenter)+"#slide-"+strconv.Itoa(p.slide+1))
	if tell && p.channel.Truthy() {
		msg := app.Window().Get("Object").New()
		msg.Set("slide", p.slide)
		p.channel.Call("postMessage", msg)
	}
}

func queryOf(presenter bool) string {
	if presenter {
		return "?presenter"
	}
	return ""
}

// clock writes a duration as m:ss.
func clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// fullScreen asks for the whole screen; a browser that refuses (an iframe
// without leave) leaves the slides as they are.
func fullScreen() {
	doc := app.Window().Get("document")
	if doc.Get("fullscreenElement").Truthy() {
		doc.Call("exitFullscreen").Call("catch", ignore)
		return
	}
	if el := doc.Get("documentElement"); el.Get("requestFullscreen").Truthy() {
		el.Call("requestFullscreen").Call("catch", ignore)
	}
}

// ignore is a promise's rejection handler that does nothing, made once.
var ignore = app.FuncOf(func(app.Value, []app.Value) any { return nil })

// Render draws the slides and their controls, or the presenter's view.
func (p *Presentation) Render() app.UI {
	c := p.Content
	ui := c.UI
	cls := "wm wm-present"
	if p.Interactive {
		cls += " wm-app"
	}
	slides := p.Slides()
	if p.Interactive && p.presenter {
		return p.renderPresenter(cls)
	}
	body := []app.UI{}
	if !p.Interactive {
		// The title slide is the page's heading; the rest follow.
		body = append(body, app.P().Class("wm-present-how").Text(ui.PresentHow))
	}
	for i := range slides {
		body = append(body, p.renderSlide(i, true))
	}
	return app.Main().Class(cls).Aria("labelledby", "wm-title").Body(
		append(body,
			app.If(p.Interactive, func() app.UI { return p.renderBar() }),
			app.Div().Class("wm-present-credit").Body(credit(c, []string{c.Sources.Documents[0].ID})),
			app.Div().Class("wm-sr").Role("status").Aria("live", "polite").Text(p.status),
		)...,
	)
}

// renderSlide draws slide i. main is false for the presenter's copies,
// which carry no ids.
func (p *Presentation) renderSlide(i int, main bool) app.UI {
	c := p.Content
	ui := c.UI
	s := p.Slides()[i]
	sec := app.Section().Class("wm-slide").Aria("roledescription", attr(ui.SlideRole)).Aria("label", attr(p.slideOf(i)+": "+p.title(s)))
	if main {
		sec = sec.ID("slide-" + strconv.Itoa(i+1))
		if p.Interactive && i != p.slide {
			sec = sec.Hidden(true)
		}
	}
	text := func(cls, t string) app.UI {
		if t == "" {
			return nil
		}
		return app.P().Class(cls).Body(latinRuns(ui.Dir, t)...)
	}
	var title app.UI
	switch {
	case s.class == "wm-slide-cover" && main:
		title = app.H1().ID("wm-title").Class("wm-slide-title").Body(latinRuns(ui.Dir, s.title)...)
	case s.class == "wm-slide-cover":
		// The presenter's copy: its page has a heading of its own.
		title = text("wm-slide-title", s.title)
	case s.big != "":
		// A figure: its number is what the room reads; its label, above,
		// is the slide's heading.
		title = app.H2().Class("wm-slide-kicker").Body(latinRuns(ui.Dir, s.kicker)...)
	default:
		title = app.H2().Class("wm-slide-title").Body(latinRuns(ui.Dir, s.title)...)
	}
	var kicker app.UI
	if s.big == "" {
		kicker = text("wm-slide-kicker", s.kicker)
	}
	var lines, chips app.UI
	if len(s.lines) > 0 {
		lines = app.Ul().Class("wm-slide-counts").Body(app.Range(s.lines).Slice(func(k int) app.UI { return app.Li().Text(s.lines[k]) }))
	}
	if len(s.chips) > 0 {
		chips = app.Div().Body(
			text("wm-slide-threat", s.chipsLabel),
			app.Ul().Class("wm-rights").Body(app.Range(s.chips).Slice(func(k int) app.UI {
				return app.Li().Class("wm-right").Text(s.chips[k])
			})),
		)
	}
	var from app.UI
	if s.class == "wm-slide-cover" {
		from = documentTitle(c)
	} else {
		from = text("wm-slide-from", s.from)
	}
	return sec.Class(s.class).Body(
		kicker,
		title,
		app.If(s.big != "", func() app.UI {
			return app.P().Class("wm-slide-big").Body(
				app.Span().Text(s.big), app.Text(" "),
				app.Span().Class("wm-slide-unit").Body(latinRuns(ui.Dir, s.unit)...),
			)
		}),
		text("wm-slide-lead", s.lead),
		lines,
		chips,
		from,
	)
}

// documentTitle names the report, in English whatever the slides'
// language: marked so, for a screen reader's voice, and read left to right
// as one unit in an Arabic page.
func documentTitle(c *data.Content) app.UI {
	title := app.Span().Text(c.Sources.Documents[0].Title)
	if c.UI.Lang != data.Base {
		title = title.Lang(data.Base).Dir("ltr")
	}
	return app.P().Class("wm-slide-from").Body(title)
}

// firstSentence is a text's first sentence: a cover slide holds one line.
func firstSentence(s string) string {
	for i, r := range s {
		if (r == '.' || r == '؟' || r == '?') && (i+1 == len(s) || s[i+1] == ' ') {
			return s[:i+1]
		}
	}
	return s
}

// renderBar is the row under the slides: previous, where we are, next,
// full screen and the presenter's view.
func (p *Presentation) renderBar() app.UI {
	ui := p.Content.UI
	n := len(p.Slides())
	step := func(label, cls string, delta int, disabled bool) app.UI {
		return app.Button().Type("button").Class("wm-step " + cls).Disabled(disabled).
			OnClick(func(ctx app.Context, e app.Event) { p.show(ctx, p.slide+delta, true) }).
			Text(label)
	}
	return app.Nav().Class("wm-present-bar").Aria("label", attr(ui.SlidesNav)).Body(
		step(ui.PrevSlide, "wm-prev", -1, p.slide == 0),
		app.Span().Class("wm-present-where").Body(
			app.Span().Text(p.slideOf(p.slide)),
			app.Progress().Max(n).Value(p.slide+1).Aria("label", attr(p.slideOf(p.slide))),
		),
		step(ui.NextSlide, "wm-next", 1, p.slide == n-1),
		app.Button().Type("button").Class("wm-present-full").OnClick(func(ctx app.Context, e app.Event) { fullScreen() }).Text(ui.FullScreen),
		app.A().Class("wm-present-presenter").Href("?presenter#slide-"+strconv.Itoa(p.slide+1)).Target("waymark-presenter").Text(ui.PresenterView),
	)
}

// renderPresenter is the presenter's view: the slide the room sees, the
// next one, the notes and the time since the view opened.
func (p *Presentation) renderPresenter(cls string) app.UI {
	ui := p.Content.UI
	n := len(p.Slides())
	var next app.UI = app.P().Text(ui.PresentEnd)
	if p.slide+1 < n {
		next = p.renderSlide(p.slide+1, false)
	}
	return app.Main().Class(cls+" wm-presenter").Aria("labelledby", "wm-title").Body(
		app.H1().ID("wm-title").Class("wm-presenter-h").Text(ui.PresenterView+": "+p.Kind.Title(p.Content)),
		app.Div().Class("wm-presenter-grid").Body(
			app.Section().Class("wm-presenter-now").Aria("labelledby", "wm-now-h").Body(
				app.H2().ID("wm-now-h").Text(p.slideOf(p.slide)),
				p.renderSlide(p.slide, false),
			),
			app.Section().Class("wm-presenter-next").Aria("labelledby", "wm-next-h").Body(
				app.H2().ID("wm-next-h").Text(ui.ComingNext),
				next,
			),
			app.Section().Class("wm-presenter-notes").Aria("labelledby", "wm-notes-h").Body(
				app.H2().ID("wm-notes-h").Text(ui.Notes),
				p.renderNotes(p.Slides()[p.slide]),
			),
		),
		app.Div().Class("wm-presenter-bar").Body(
			app.P().Class("wm-presenter-time").Body(app.Span().Text(ui.Elapsed+" "), app.Span().Class("wm-presenter-clock").Text(p.elapsed)),
			p.renderBar(),
		),
		app.Div().Class("wm-sr").Role("status").Aria("live", "polite").Text(p.status),
	)
}

// renderNotes are what the presenter says around a slide: the report's
// text behind it, and its cases.
func (p *Presentation) renderNotes(s slide) app.UI {
	dir := p.Content.UI.Dir
	return app.Div().Body(app.Range(s.notes).Slice(func(i int) app.UI {
		n := s.notes[i]
		if n.name == "" {
			return app.P().Body(latinRuns(dir, n.text)...)
		}
		return app.P().Body(app.Strong().Body(latinRuns(dir, n.name)...), app.Text(" "), app.Span().Body(latinRuns(dir, n.text)...))
	}))
}

// presentLink is a widget's way to its slides, for an educator: in a tab
// of its own, as an embed is no place for a projector.
func presentLink(name string, c *data.Content) app.UI {
	return app.P().Class("wm-present-link").Body(
		app.A().Href(PresentPath(name, c)).Target("_blank").Body(
			app.Text(c.UI.PresentLink),
			app.Span().Class("wm-sr").Text(" "+c.UI.NewTab),
		),
	)
}
