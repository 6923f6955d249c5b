package widgets

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Journey is the journey widget: the stages a person on the move passes
// through (before, at and after the border), the technologies met at each,
// the rights they threaten and the cases and sources behind them.
//
// The stages are drawn as a route (route.go) that is also the navigation;
// each technology is a card with its name, its lead sentence and the
// rights it threatens, its details, cases and sources one tap away; one
// compact control highlights the technologies that threaten a right and
// says how many there are next to itself.
//
// It renders in two modes. Prerendered (Interactive false) it is plain HTML
// that works without JavaScript: stages are sections reached by anchor links
// and shown one at a time with CSS :target, and the right filter is a
// select whose chosen option CSS :has() turns into highlights. In the
// browser app (Interactive true) the same content becomes an ARIA tabs
// widget.
//
// Tabs rather than a stepper: readers jump between stages as often as they
// walk through them in order (a workshop discusses "at the border" first,
// a campaign link opens "after"), the three stages are peers that a tab list
// shows all at once, and the APG tabs pattern is the one screen readers
// announce reliably. The next and previous buttons at the end of each panel
// give the walk-through order on top of it, and repeat the navigation
// where a long stage ends.
type Journey struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	stage    string // id of the open stage
	right    string // id of the highlighted right, "" for none
	announce string // text for the live region, set when the stage changes
	// Technologies whose details the reader opened on the prerendered
	// page, by id: the app's first render keeps them open.
	opened map[string]bool
	// rest is true once the stages that were not open when the app took
	// over are drawn in full (see later.go).
	rest bool
	els  *stageView // see paint

	// Built on first use from the content, which never changes.
	cites *sourceList
	terms *termIndex
}

// sources numbers the journey's citations in reading order: each stage's
// introduction, then its technologies and their cases.
func (j *Journey) sources() *sourceList {
	if j.cites != nil {
		return j.cites
	}
	s := newSourceList(j.Content, JourneyName, j.Interactive)
	for _, st := range j.Content.Journey.Stages {
		s.add(st.ID, st.ID, st.Cite)
		for _, t := range st.Technologies {
			s.add(t.ID, st.ID, t.Cite)
			for i, c := range t.Cases {
				s.add(caseClaim(t.ID, i), st.ID, c.Cite)
			}
		}
	}
	j.cites = s
	return s
}

func caseClaim(tech string, i int) string { return tech + "-case-" + strconv.Itoa(i) }

// termIndex finds the glossary terms in the journey's texts.
func (j *Journey) termIndex() *termIndex {
	if j.terms == nil {
		j.terms = newTermIndex(j.Content)
	}
	return j.terms
}

// prose renders a text of the journey with its glossary terms marked and
// the markers of its citations after it.
func (j *Journey) prose(claim, text string) []app.UI {
	return append(withTerms(j.termIndex(), text, "wm-t-"+claim, j.Interactive), j.sources().markers(claim))
}

// OnInit picks up what the reader did on the prerendered page before the
// app took over (go-app replaces that DOM when it mounts): the stage named
// in the fragment, the right chosen in the filter and the technologies
// whose details they opened.
func (j *Journey) OnInit() {
	if !app.IsClient {
		return
	}
	j.Open(app.Window().URL().Fragment)
	if sel := app.Window().GetElementByID("wm-right"); sel.Truthy() {
		j.Highlight(sel.Get("value").String())
	}
	open := app.Window().Get("document").Call("querySelectorAll", ".wm-tech details.wm-more[open]")
	for i := 0; i < open.Length(); i++ {
		if li := open.Index(i).Call("closest", ".wm-tech"); li.Truthy() {
			if j.opened == nil {
				j.opened = map[string]bool{}
			}
			// The prerendered page's ids are the technologies' own; a
			// page the app drew, which a navigation inside it leaves,
			// has them prefixed (anchorID).
			j.opened[strings.TrimPrefix(li.Get("id").String(), anchorID(true, ""))] = true
		}
	}
}

// OnMount scrolls a technology named in the fragment into view, but only
// when the widget is the whole page: in an iframe, scrolling into view
// scrolls the host page too, dragging the reader away from the article.
func (j *Journey) OnMount(ctx app.Context) {
	afterPaint(ctx, j.drawRest)
	f := app.Window().URL().Fragment
	framed := !app.Window().Get("parent").Equal(app.Window())
	if f == "" || f == j.Stage() || framed {
		return
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(j.anchor(f)); el.Truthy() {
			el.Call("scrollIntoView")
		}
	})
}

// drawRest draws in full the stages the first render left as headings.
func (j *Journey) drawRest(app.Context) { j.rest = true }

// anchor is the element id for a stage or technology id; see anchorID.
func (j *Journey) anchor(id string) string { return anchorID(j.Interactive, id) }

// panelID is the element id of a stage's section. It is never the stage's
// own id, which on the prerendered page belongs to the empty element at
// the top of the widget that a link to the stage targets (see frame).
func panelID(stage string) string { return anchorID(true, stage) }

// OnNav follows the fragment when it changes after load: a link to a stage
// or a technology, or the browser's back button.
func (j *Journey) OnNav(ctx app.Context) {
	if f := ctx.Page().URL().Fragment; f != "" {
		j.sources().follow(ctx, f, func(stage string) {
			j.stage = stage
			j.paint()
		})
	}
}

// Open shows the stage that id names, or the stage holding the technology
// or citation marker that id names. Unknown ids are ignored.
func (j *Journey) Open(id string) {
	if stage, ok := j.sources().partOf(id); ok {
		j.stage = stage
	}
}

// Highlight marks the technologies that threaten the right with the given
// id; "" clears it. Unknown ids clear it too.
func (j *Journey) Highlight(id string) {
	if j.Content.Right(id) == nil {
		id = ""
	}
	j.right = id
}

// Stage is the id of the open stage.
func (j *Journey) Stage() string {
	if j.stage == "" {
		return j.Content.Journey.Stages[0].ID
	}
	return j.stage
}

// Step moves delta stages forward (negative: back), stopping at the ends,
// and returns the id of the stage now open.
func (j *Journey) Step(delta int) string {
	stages := j.Content.Journey.Stages
	i := j.stageIndex() + delta
	i = max(0, min(len(stages)-1, i))
	j.stage = stages[i].ID
	return j.stage
}

func (j *Journey) stageIndex() int {
	for i, s := range j.Content.Journey.Stages {
		if s.ID == j.Stage() {
			return i
		}
	}
	return 0
}

// rightsUsed lists the rights that some technology threatens, in the order
// of rights.json, so the filter offers no choice that highlights nothing.
func (j *Journey) rightsUsed() []data.Right {
	used := map[string]bool{}
	for _, s := range j.Content.Journey.Stages {
		for _, t := range s.Technologies {
			for _, r := range t.Rights {
				used[r] = true
			}
		}
	}
	var out []data.Right
	for _, r := range j.Content.Rights {
		if used[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// Render draws the widget.
func (j *Journey) Render() app.UI {
	stages := j.Content.Journey.Stages
	parts := make([]string, len(stages))
	for i, st := range stages {
		parts[i] = st.ID
	}
	// The skip link goes past the route and the filter to the open stage:
	// on a desktop the header holds no control, so a skip to the route
	// would skip nothing, and the route is two Tabs from the top for a
	// reader who wants it.
	f := frame{name: JourneyName, interactive: j.Interactive, title: j.Content.Journey.Title,
		intro: j.Content.Journey.Intro, sources: j.sources(), status: j.announce, parts: parts,
		skipTo: j.skipTo()}
	return f.render(
		j.renderNav(),
		j.renderFilter(),
		app.Div().Class("wm-stages").Body(
			app.Range(stages).Slice(func(i int) app.UI {
				return j.renderStage(i)
			}),
		),
		presentLink(JourneyName, j.Content),
	)
}

// skipTo is where the skip link goes: the open stage's heading. paint
// writes the same.
func (j *Journey) skipTo() string { return "wm-h-" + j.Stage() }

// renderFilter is the one control that highlights the technologies that
// threaten a right, with what it found next to it. It offers only rights
// some technology threatens, so no choice highlights nothing everywhere.
func (j *Journey) renderFilter() app.UI {
	ui := j.Content.UI
	option := func(id, label string) app.UI {
		o := app.Option().Value(id).Text(label)
		// Boolean attributes are only ever set to true: go-app's server
		// renderer writes selected="false", which HTML reads as selected.
		if j.right == id {
			o = o.Selected(true)
		}
		return o
	}
	rights := j.rightsUsed()
	sel := app.Select().ID("wm-right").Name("wm-right").Body(
		option("", ui.AllRights),
		app.Range(rights).Slice(func(i int) app.UI {
			return option(rights[i].ID, rights[i].Name)
		}),
	)
	if j.Interactive {
		sel = sel.Aria("describedby", "wm-matches").OnChange(func(ctx app.Context, e app.Event) {
			j.Highlight(ctx.JSSrc().Get("value").String())
			j.announce = j.matchesText(j.Content.Journey.Stages[j.stageIndex()])
			// go-app draws the cards' marks; the count and the live
			// region are written here too, as after a stage change, so
			// that what go-app last drew never disagrees with the page
			// (see paint).
			j.paint()
		})
	}
	return app.Form().Class("wm-filter").Body(
		app.Label().For("wm-right").Text(ui.FilterLegend),
		sel,
		app.If(j.Interactive, func() app.UI {
			return app.P().ID("wm-matches").Class("wm-matches").Text(j.matchesText(j.Content.Journey.Stages[j.stageIndex()]))
		}),
	)
}

// renderNav is the route of the stages: anchor links when prerendered, an
// ARIA tab list in the app. Each control draws its station of the route.
func (j *Journey) renderNav() app.UI {
	ui := j.Content.UI
	stages := j.Content.Journey.Stages
	if !j.Interactive {
		return app.Nav().Class("wm-nav wm-route").Aria("label", attr(ui.StagesLabel)).Body(
			app.Ol().Class("wm-tabs").Body(
				app.Range(stages).Slice(func(i int) app.UI {
					return app.Li().Body(
						app.A().Class("wm-tab").ID("wm-tab-"+stages[i].ID).Href("#%s", stages[i].ID).Body(tabBody(&j.Content.UI, stages, i)...),
					)
				}),
			),
		)
	}
	return app.Div().Class("wm-nav wm-route").Body(
		app.Div().Class("wm-tabs").Role("tablist").Aria("label", attr(ui.StagesLabel)).Body(
			app.Range(stages).Slice(func(i int) app.UI {
				s := stages[i]
				selected := s.ID == j.Stage()
				return app.Button().
					Type("button").
					Class("wm-tab").
					ID("wm-tab-"+s.ID).
					Role("tab").
					Aria("selected", strconv.FormatBool(selected)).
					Aria("controls", panelID(s.ID)).
					TabIndex(tabIndex(selected)).
					OnClick(func(ctx app.Context, e app.Event) { j.show(ctx, s.ID, "wm-tab-"+s.ID) }).
					OnKeyDown(j.onTabKey).
					Body(tabBody(&j.Content.UI, stages, i)...)
			}),
		),
	)
}

// onTabKey moves between tabs with the arrow keys, Home and End, as the APG
// tabs pattern asks, activating the tab it lands on (the panels are already
// rendered, so automatic activation costs nothing). In right-to-left text
// the arrows follow the visual order.
func (j *Journey) onTabKey(ctx app.Context, e app.Event) {
	to, ok := j.tabKeyTarget(e.Get("key").String())
	if !ok {
		// Tab, Enter and the rest change nothing go-app draws.
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	j.show(ctx, to, "wm-tab-"+to)
}

// tabKeyTarget is the stage a key press on the tab list moves to, and false
// for keys the tab list leaves to the browser.
func (j *Journey) tabKeyTarget(key string) (string, bool) {
	if j.Content.UI.Dir == "rtl" {
		switch key {
		case "ArrowLeft":
			key = "ArrowRight"
		case "ArrowRight":
			key = "ArrowLeft"
		}
	}
	stages := j.Content.Journey.Stages
	switch key {
	case "ArrowRight":
		return stages[(j.stageIndex()+1)%len(stages)].ID, true
	case "ArrowLeft":
		return stages[(j.stageIndex()+len(stages)-1)%len(stages)].ID, true
	case "Home":
		return stages[0].ID, true
	case "End":
		return stages[len(stages)-1].ID, true
	}
	return "", false
}

// show opens a stage in the app: it records the stage in the fragment
// without adding a history entry or scrolling (so a copied link opens it),
// tells screen readers which stage is open, and moves focus to focusID so it
// never falls back to the page.
//
// It changes the page itself, in the click, and keeps go-app from drawing
// the widget: go-app would draw only on its next frame timer, compare the
// whole widget first, and find the same dozen attributes and two texts
// that paint writes.
func (j *Journey) show(ctx app.Context, stage, focusID string) {
	if j.rest {
		ctx.PreventUpdate()
	} else {
		// A click before the other stages are drawn: this once, go-app
		// draws them now.
		j.rest = true
	}
	j.Open(stage)
	i := j.stageIndex()
	s := j.Content.Journey.Stages[i]
	j.announce = s.Title + ". " + stageOf(j.Content.UI, i, len(j.Content.Journey.Stages))
	j.paint()
	// A clicked tab has focus already; focusing it again would lay the
	// page out once more.
	if el := app.Window().GetElementByID(focusID); el.Truthy() && !el.Equal(app.Window().Get("document").Get("activeElement")) {
		el.Call("focus")
	}
	recordFragment(s.ID)
}

// paint writes into the page what the open stage and the highlighted
// right decide outside the cards: which panel shows, which tab is
// selected (and, once that shows, in the tab order), where the skip link
// goes, the count
// next to the filter and the live region. It writes exactly what Render
// draws for them, so go-app's record of the page may lag behind it
// without harm: a later draw compares that record with the same state
// and writes, where it sees a difference, only the value already there.
// Every change of the stage goes through it, or a draw could leave the
// page showing an old stage.
func (j *Journey) paint() {
	if !app.IsClient || !j.Interactive {
		return
	}
	v := j.view()
	if v == nil {
		return
	}
	open := j.stageIndex()
	for i := range v.panels {
		shown := i == open
		v.setProp.Invoke(v.panels[i], v.hidden, !shown)
		v.toggle.Invoke(v.classes[i], v.openClass, shown)
	}
	v.setAttr.Invoke(v.skip, v.href, v.skipHrefs[open])
	setText(v.matches, j.matchesText(j.Content.Journey.Stages[open]))
	setText(v.status, j.announce)
	for i := range v.tabs {
		v.setAttr.Invoke(v.tabs[i], v.ariaSelected, v.bools[i == open])
	}
	// A new tabindex makes the browser work out there and then which
	// elements can take focus, which lays the page out inside the click
	// (10 ms of a slow phone's 60). It matters only for the next Tab key,
	// so it is written once the change shows.
	callAfterPaint(v.tabOrder, open)
}

// writeTabOrder puts the tab of stage open in the tab order and the
// others out.
func (v *stageView) writeTabOrder(open int) {
	for i := range v.tabs {
		v.setAttr.Invoke(v.tabs[i], v.tabIndex, v.tabIndexes[i == open])
	}
}

// stageView holds what paint writes to and with, found once rather than
// on every click, names and values included, so a click passes the
// browser only references.
type stageView struct {
	panels, classes, tabs []app.Value // by stage
	skip, matches, status app.Value

	// Element.prototype.setAttribute, Reflect.set and
	// DOMTokenList.prototype.toggle, to be invoked with the element first.
	setAttr, setProp, toggle app.Value
	tabOrder                 app.Func // calls writeTabOrder with its argument

	hidden, openClass, ariaSelected, tabIndex, href app.Value
	bools, tabIndexes                               map[bool]app.Value
	skipHrefs                                       []app.Value // by stage
}

// view finds what paint writes to, or nil before the widget is in the
// page. go-app keeps these elements while the widget is mounted; a view
// whose first panel has left the page is found again.
func (j *Journey) view() *stageView {
	if j.els != nil && j.els.panels[0].Get("isConnected").Bool() {
		return j.els
	}
	root := j.JSValue()
	if !root.Truthy() {
		return nil
	}
	w := app.Window()
	call := w.Get("Function").Get("prototype").Get("call")
	method := func(class, name string) app.Value {
		return call.Call("bind", w.Get(class).Get("prototype").Get(name))
	}
	str := func(s string) app.Value { return app.ValueOf(s) }
	v := &stageView{
		skip:         root.Call("querySelector", "a.wm-skip"),
		matches:      root.Call("querySelector", "#wm-matches"),
		status:       root.Call("querySelector", ":scope > [role=status]"),
		setAttr:      method("Element", "setAttribute"),
		setProp:      w.Get("Reflect").Get("set"),
		toggle:       method("DOMTokenList", "toggle"),
		hidden:       str("hidden"),
		openClass:    str("wm-open"),
		ariaSelected: str("aria-selected"),
		tabIndex:     str("tabindex"),
		href:         str("href"),
		bools:        map[bool]app.Value{true: str("true"), false: str("false")},
		tabIndexes:   map[bool]app.Value{true: str(strconv.Itoa(tabIndex(true))), false: str(strconv.Itoa(tabIndex(false)))},
	}
	for _, s := range j.Content.Journey.Stages {
		p := root.Call("querySelector", "#"+panelID(s.ID))
		t := root.Call("querySelector", "#wm-tab-"+s.ID)
		if !p.Truthy() || !t.Truthy() || !v.skip.Truthy() {
			return nil
		}
		v.panels = append(v.panels, p)
		v.classes = append(v.classes, p.Get("classList"))
		v.tabs = append(v.tabs, t)
		v.skipHrefs = append(v.skipHrefs, str("#wm-h-"+s.ID))
	}
	j.OnDismount()
	v.tabOrder = app.FuncOf(func(_ app.Value, args []app.Value) any {
		v.writeTabOrder(args[0].Int())
		return nil
	})
	j.els = v
	return v
}

// OnDismount lets go of what paint wrote with.
func (j *Journey) OnDismount() {
	if j.els != nil {
		j.els.tabOrder.Release()
		j.els = nil
	}
}

// setText changes an element's text in the text node go-app made for it,
// which go-app keeps writing to; replacing the node would leave go-app
// writing to one no longer in the page.
func setText(el app.Value, s string) {
	if !el.Truthy() {
		return
	}
	if t := el.Get("firstChild"); t.Truthy() && t.Get("nodeType").Int() == 3 {
		t.Set("nodeValue", s)
		return
	}
	el.Set("textContent", s)
}

// tabIndex is a tab's place in the tab order: the selected tab is in it,
// the others are reached with the arrow keys, as the APG tabs pattern asks.
func tabIndex(selected bool) int {
	if selected {
		return 0
	}
	return -1
}

// recordFragment puts the fragment in the address without adding a
// history entry or scrolling, once the frame that shows the change has
// been painted: replaceState takes the browser milliseconds (10 to 17 on
// a slow phone), which the reader would otherwise wait through before the
// stage shows. The address is right a frame later, before anyone could
// copy it. The call is bound in the browser, so nothing comes back into
// the app for it.
func recordFragment(fragment string) {
	history := app.Window().Get("history")
	callAfterPaint(history.Get("replaceState").Call("bind", history), nil, "", "#"+fragment)
}

func stageOf(ui data.UI, i, total int) string {
	return strings.NewReplacer("{n}", strconv.Itoa(i+1), "{total}", strconv.Itoa(total)).Replace(ui.StageOf)
}

func (j *Journey) renderStage(i int) app.UI {
	ui := j.Content.UI
	stages := j.Content.Journey.Stages
	s := stages[i]
	open := s.ID == j.Stage()

	sec := app.Section().ID(panelID(s.ID)).Class("wm-stage").Aria("labelledby", "wm-h-"+s.ID)
	if j.Interactive {
		sec = sec.Role("tabpanel")
		if !open {
			sec = sec.Hidden(true)
		}
	}
	if open {
		sec = sec.Class("wm-open")
	}
	if j.Interactive && app.IsClient && !open && !j.rest {
		return sec.Attr("data-later", true).Body(
			app.P().Class("wm-stepof").Text(stageOf(ui, i, len(stages))),
			app.H2().ID("wm-h-"+s.ID).Class("wm-skip-to").TabIndex(-1).Text(s.Title),
		)
	}
	return sec.Body(
		app.P().Class("wm-stepof").Text(stageOf(ui, i, len(stages))),
		app.H2().ID("wm-h-"+s.ID).Class("wm-skip-to").TabIndex(-1).Text(s.Title),
		&stageIntro{Journey: j, Stage: i},
		app.Ul().Class("wm-techs").Body(
			app.Range(s.Technologies).Slice(func(k int) app.UI {
				return &techCard{Journey: j, Stage: i, Index: k, Match: j.right != "" && threatens(s.Technologies[k], j.right)}
			}),
		),
		j.renderStepper(i),
	)
}

// A stage change or a new highlight changes a few attributes of the
// stages and their controls; the texts and cards inside every stage, some
// 200 elements with their glossary terms and citation markers, stay as
// they were. Each is a component of its own whose fields are all it
// shows that can change, so go-app, which skips a child component whose
// exported fields are unchanged, neither draws nor compares them again.
// A term hovered or a marker opened inside one draws that one again, not
// the journey's every stage.
//
// Journey is compared by identity (the same journey, whose content never
// changes while it is mounted); what it holds that can change (the
// highlighted right) must be a field of the component that shows it, or
// the component would keep showing the old one.

// stageIntro is a stage's introduction.
type stageIntro struct {
	app.Compo

	Journey *Journey
	Stage   int // index in the journey's stages
}

// Render draws the introduction.
func (s *stageIntro) Render() app.UI {
	st := s.Journey.Content.Journey.Stages[s.Stage]
	return app.P().Class("wm-stage-intro").Body(s.Journey.prose(st.ID, st.Intro)...)
}

// techCard is a technology's card (see renderTechnology).
type techCard struct {
	app.Compo

	Journey      *Journey
	Stage, Index int  // the technology's stage and its place there
	Match        bool // it threatens the highlighted right
}

// Render draws the card.
func (c *techCard) Render() app.UI {
	return c.Journey.renderTechnology(c.Journey.Content.Journey.Stages[c.Stage].Technologies[c.Index], c.Match)
}

// matchesText says how many technologies of the stage the highlight picks
// out, so the highlight is not carried by colour alone; "" when nothing is
// highlighted.
func (j *Journey) matchesText(s data.Stage) string {
	if j.right == "" {
		return ""
	}
	n := 0
	for _, t := range s.Technologies {
		if threatens(t, j.right) {
			n++
		}
	}
	if n == 0 {
		return j.Content.UI.NoMatches
	}
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", strconv.Itoa(len(s.Technologies))).Replace(j.Content.UI.Matches)
}

func threatens(t data.Technology, right string) bool {
	return slices.Contains(t.Rights, right)
}

// renderTechnology is a technology's card: its name, its lead and the
// rights it threatens at a glance; the rest of its summary, its cases and
// what the report asks behind one disclosure, so a stage reads as a row of
// cards rather than a long document. match says whether it threatens the
// highlighted right.
func (j *Journey) renderTechnology(t data.Technology, match bool) app.UI {
	ui := j.Content.UI
	cls := "wm-tech"
	if match {
		cls += " wm-match"
	}
	rest := strings.TrimSpace(strings.TrimPrefix(t.Summary, t.Lead))
	lead := j.prose(t.ID, t.Lead)
	var more []app.UI
	if rest != "" {
		// The summary's citations back all of it: they follow its end.
		lead = withTerms(j.termIndex(), t.Lead, "wm-t-"+t.ID, j.Interactive)
		more = append(more, app.P().Body(
			append(withTerms(j.termIndex(), rest, "wm-t-"+t.ID+"-more", j.Interactive), j.sources().markers(t.ID))...))
	}
	more = append(more,
		app.H4().Text(ui.Cases+" ("+strconv.Itoa(len(t.Cases))+")"),
		app.Ul().Class("wm-cases").Body(
			app.Range(t.Cases).Slice(func(i int) app.UI {
				c := t.Cases[i]
				return app.Li().Body(
					app.H5().Body(latinRuns(j.Content.UI.Dir, c.Name)...),
					app.P().Body(j.prose(caseClaim(t.ID, i), c.Text)...),
				)
			}),
		),
		j.renderAsks(t),
	)
	details := app.Details().Class("wm-more")
	if j.opened[t.ID] {
		// Only when open: go-app writes a false boolean into the
		// prerendered page as open="false", which opens it.
		details = details.Open(true)
	}
	return app.Li().Class(cls).ID(j.anchor(t.ID)).Attr("data-rights", strings.Join(t.Rights, " ")).Body(
		app.Article().Aria("labelledby", "wm-h-"+t.ID).Body(
			app.H3().ID("wm-h-"+t.ID).Body(latinRuns(j.Content.UI.Dir, t.Name)...),
			app.P().Class("wm-lead").Body(lead...),
			app.P().Class("wm-threat").ID("wm-threat-"+t.ID).Text(ui.Threatens),
			app.Ul().Class("wm-rights").Aria("labelledby", "wm-threat-"+t.ID).Body(
				app.Range(t.Rights).Slice(func(i int) app.UI {
					r := j.Content.Right(t.Rights[i])
					return app.Li().Class("wm-right").Attr("data-right", r.ID).Text(r.Name)
				}),
			),
			details.Body(
				append([]app.UI{app.Summary().Text(count(ui.MoreOne, ui.MoreMany, len(t.Cases)))}, more...)...,
			),
		),
	)
}

// renderAsks links a technology to the checklist items that answer it,
// found from the checklist's references, so the link is never typed twice.
func (j *Journey) renderAsks(t data.Technology) app.UI {
	var links []app.UI
	for _, l := range j.Content.Checklist.Lists {
		for _, it := range l.Items {
			if slices.Contains(it.Technologies, t.ID) {
				links = append(links, app.Li().Body(widgetLink(j.Content, ChecklistName, it.ID, app.Text(it.Text))))
			}
		}
	}
	if len(links) == 0 {
		return nil
	}
	return app.Div().Class("wm-harm").Body(
		app.H4().Text(j.Content.UI.WhatWeAsk),
		app.Ul().Class("wm-links").Body(links...),
	)
}

// renderStepper is the previous / next pair at the end of a stage: links
// when prerendered, buttons in the app. After a step, focus goes to the new
// stage's heading so reading continues from its top.
func (j *Journey) renderStepper(i int) app.UI {
	ui := j.Content.UI
	stages := j.Content.Journey.Stages
	step := func(to int, label, cls string) app.UI {
		if to < 0 || to >= len(stages) {
			return nil
		}
		target := stages[to]
		body := []app.UI{
			app.Span().Class("wm-step-label").Text(label),
			app.Span().Class("wm-step-stage").Text(target.Title),
		}
		if !j.Interactive {
			return app.A().Class("wm-step "+cls).Href("#%s", target.ID).Body(body...)
		}
		return app.Button().Type("button").Class("wm-step " + cls).
			OnClick(func(ctx app.Context, e app.Event) { j.show(ctx, target.ID, "wm-h-"+target.ID) }).
			Body(body...)
	}
	return app.Div().Class("wm-stepper").Body(
		step(i-1, ui.Previous, "wm-prev"),
		step(i+1, ui.Next, "wm-next"),
	)
}

// JourneyCSS returns the style rules that let the prerendered journey
// respond without JavaScript: the chosen right highlights its technologies,
// and the stage a link targets shows, its control marked as the one open.
// They name content ids (validated to be plain lowercase words), so they
// are generated from the content rather than written by hand.
func JourneyCSS(c *data.Content) string {
	j := &Journey{Content: c}
	var b strings.Builder
	b.WriteString("@supports selector(:has(a)){")
	for _, r := range j.rightsUsed() {
		fmt.Fprintf(&b, ".wm-journey:not(.wm-app):has(#wm-right option[value=%s]:checked) .wm-tech[data-rights~=%s]{border-inline-start-color:var(--wm-mark-line);background:var(--wm-mark)}", r.ID, r.ID)
		fmt.Fprintf(&b, ".wm-journey:not(.wm-app):has(#wm-right option[value=%s]:checked) .wm-right[data-right=%s]{border-color:var(--wm-mark-line);font-weight:700}", r.ID, r.ID)
	}
	stages := c.Journey.Stages
	for _, s := range stages {
		fmt.Fprintf(&b, ".wm-journey:not(.wm-app):has(#%s:target,#%s :target) #wm-tab-%s{%s}", s.ID, panelID(s.ID), s.ID, selectedTab)
		fmt.Fprintf(&b, ".wm-journey:not(.wm-app):has(#%s:target) #%s{display:block}", s.ID, panelID(s.ID))
	}
	fmt.Fprintf(&b, ".wm-journey:not(.wm-app):not(:has(:target)) #wm-tab-%s{%s}", stages[0].ID, selectedTab)
	b.WriteString("}")
	return b.String()
}

// selectedTab is how the prerendered page marks the open stage's station,
// as the app marks the selected tab (see .wm-route in waymark.css).
const selectedTab = "--wm-stop:var(--wm-accent);--wm-stop-fg:var(--wm-accent-fg);--wm-tab-line:var(--wm-accent);font-weight:700"
