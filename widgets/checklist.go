package widgets

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Checklist is the checklist widget: the report's recommendations as lists
// a reader answers item by item (done, not yet, not applicable), with
// progress, a summary to copy or print, and a link that carries the answers.
//
// Prerendered, each item is a native radio group inside plain sections, so
// it can be read, answered and printed without JavaScript. In the app,
// answers are kept on the reader's device only after the first answer, and
// "forget" removes every trace.
type Checklist struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	list     string            // id of the open list
	answers  map[string]Answer // item id -> answer
	storage  storageState
	status   string // live region text
	shareErr string // why a shared link could not be read
	unread   int    // answers in a shared link for items the checklist no longer has
	target   string // id of the item the address names, marked for the reader
	group    string // the group's name as typed (CleanGroup gives it as kept)
	fromLink bool   // the answers came from a shared link, not this device

	copied   string // what the last copy said, shown beside the buttons
	copyText string // the text a refused copy leaves selected for copying by hand

	// Built on first use from the content, which never changes.
	cites *sourceList
	terms *termIndex
}

// sources numbers the checklist's citations in reading order.
func (c *Checklist) sources() *sourceList {
	if c.cites != nil {
		return c.cites
	}
	s := newSourceList(c.Content, ChecklistName, c.Interactive)
	for _, l := range c.Content.Checklist.Lists {
		s.add(l.ID, l.ID, l.Cite)
		for _, it := range l.Items {
			s.add(it.ID, l.ID, it.Cite)
		}
	}
	c.cites = s
	return s
}

// prose renders a text with its glossary terms marked and the markers of
// its citations after it.
func (c *Checklist) prose(claim, text string) []app.UI {
	if c.terms == nil {
		c.terms = newTermIndex(c.Content)
	}
	return append(withTerms(c.terms, text, "wm-t-"+claim, c.Interactive), c.sources().markers(claim))
}

type storageState int

const (
	storageUnused  storageState = iota // nothing stored yet
	storageSaved                       // answers are on this device
	storageBlocked                     // the browser refuses storage
)

// says is what a widget tells the reader about storage in this state:
// that the answers are kept, or blocked, the widget's own words for it.
func (st storageState) says(ui data.UI, blocked string) string {
	switch st {
	case storageSaved:
		return ui.Saved
	case storageBlocked:
		return blocked
	}
	return ""
}

// storagePrefix names the only keys Waymark ever stores: one per list, per
// language, holding that list's answers and the group's name in
// share-link form.
const storagePrefix = "waymark.checklist."

func (c *Checklist) storageKey(list string) string {
	return storagePrefix + c.Content.UI.Lang + "." + list
}

// OnInit restores answers before the first render: from a shared link if
// the fragment holds one, else from this device; then adds what the reader
// ticked on the prerendered page before the app took over.
func (c *Checklist) OnInit() {
	c.answers = map[string]Answer{}
	if !app.IsClient {
		return
	}
	lists := c.Content.Checklist.Lists
	frag := app.Window().URL().Fragment
	if strings.Contains(frag, ":") {
		d, err := DecodeAnswers(frag, lists)
		if err != nil {
			c.shareErr = err.Error()
		} else {
			c.list, c.answers, c.unread, c.group = d.List, d.Answers, d.Unread, d.Group
			// A link with nothing in it ("states:3:") brings nothing to
			// tell the reader about; the device's answers show instead.
			c.fromLink = len(d.Answers) > 0 || d.Group != ""
		}
	} else {
		c.Open(frag)
		if c.item(frag) != nil {
			c.target = frag
		}
	}
	if c.shareErr == "" && !c.fromLink {
		for _, l := range lists {
			v, ok := storageGet(c.storageKey(l.ID))
			if !ok {
				c.storage = storageBlocked
				break
			}
			if d, err := DecodeAnswers(v, lists); err == nil && v != "" {
				for k, a := range d.Answers {
					c.answers[k] = a
				}
				if d.Group != "" {
					c.group = d.Group
				}
				c.storage = storageSaved
			}
		}
	}
	checked := app.Window().Get("document").Call("querySelectorAll", ".wm-checklist input[type=radio]:checked")
	for i := 0; i < checked.Length(); i++ {
		el := checked.Index(i)
		if v := el.Get("value").String(); len(v) == 1 {
			c.SetAnswer(el.Get("name").String(), Answer(v[0]))
		}
	}
	if checked.Length() > 0 {
		c.save()
	}
}

// OnMount brings the item the address names into view, when the widget is
// the whole page (see Journey.OnMount): a reader who followed "what the
// report asks" from the journey lands on the item, marked.
func (c *Checklist) OnMount(ctx app.Context) {
	if c.fromLink {
		// Said once the live region is on the page: go-app replaced the
		// prerendered page, and a region that starts with its text in it
		// is not announced.
		ctx.After(500*time.Millisecond, func(app.Context) { c.status = c.fromLinkText() })
	}
	framed := !app.Window().Get("parent").Equal(app.Window())
	if c.target == "" || framed {
		return
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(c.anchor(c.target)); el.Truthy() {
			el.Call("scrollIntoView")
		}
	})
}

// OnNav opens the list or item named by a changed fragment. A fragment
// with a colon carries shared answers, which are read once, in OnInit.
func (c *Checklist) OnNav(ctx app.Context) {
	if f := ctx.Page().URL().Fragment; f != "" && !strings.Contains(f, ":") {
		c.sources().follow(ctx, f, func(list string) { c.list = list })
		if c.item(f) != nil {
			c.target = f
		}
	}
}

// Open shows the list that id names, or the list holding the item or
// citation marker that id names. Unknown ids are ignored.
func (c *Checklist) Open(id string) {
	if list, ok := c.sources().partOf(id); ok {
		c.list = list
	}
}

// List is the open list.
func (c *Checklist) List() data.ChecklistList {
	for _, l := range c.Content.Checklist.Lists {
		if l.ID == c.list {
			return l
		}
	}
	return c.Content.Checklist.Lists[0]
}

// SetAnswer records an answer; an unknown item or answer is ignored.
func (c *Checklist) SetAnswer(item string, a Answer) {
	if !a.valid() || c.item(item) == nil {
		return
	}
	if c.answers == nil {
		c.answers = map[string]Answer{}
	}
	if a == Unanswered {
		delete(c.answers, item)
		return
	}
	c.answers[item] = a
}

func (c *Checklist) item(id string) *data.ChecklistItem {
	for _, l := range c.Content.Checklist.Lists {
		for i := range l.Items {
			if l.Items[i].ID == id {
				return &l.Items[i]
			}
		}
	}
	return nil
}

// Progress counts the open list's done items.
func (c *Checklist) Progress() (done, total int) {
	for _, it := range c.List().Items {
		if c.answers[it.ID] == Done {
			done++
		}
	}
	return done, len(c.List().Items)
}

// Group is the group's name, as it is kept and shared; "" if none.
func (c *Checklist) Group() string { return CleanGroup(c.group) }

// SetGroup names the group that answers, as the reader typed it.
func (c *Checklist) SetGroup(name string) { c.group = name }

// SummaryText is the summary a reader copies: the group's name if it has
// one, progress, then the items still open (not yet or unanswered).
func (c *Checklist) SummaryText() string {
	ui := c.Content.UI
	l := c.List()
	done, total := c.Progress()
	var b strings.Builder
	if g := c.Group(); g != "" {
		b.WriteString(strings.ReplaceAll(ui.ChecklistGroupLine, "{group}", g) + "\n")
	}
	b.WriteString(l.Title + ": " + progressText(ui, done, total) + ".")
	var open []string
	for _, it := range l.Items {
		if a := c.answers[it.ID]; a != Done && a != NotApplicable {
			open = append(open, it.Text)
		}
	}
	if len(open) == 0 {
		b.WriteString(" " + ui.NothingOpen)
	} else {
		b.WriteString(" " + ui.StillOpen)
		for _, t := range open {
			b.WriteString("\n- " + t)
		}
	}
	return b.String()
}

func progressText(ui data.UI, done, total int) string {
	return strings.NewReplacer("{done}", strconv.Itoa(done), "{total}", strconv.Itoa(total)).Replace(ui.Progress)
}

// Forget clears every answer and the group's name, and removes them
// from this device: the reset between two groups on one phone.
func (c *Checklist) Forget() {
	c.answers = map[string]Answer{}
	c.group = ""
	c.fromLink = false
	if app.IsClient {
		for _, l := range c.Content.Checklist.Lists {
			storageDel(c.storageKey(l.ID))
		}
	}
	if c.storage == storageSaved {
		c.storage = storageUnused
	}
}

// syncChecked makes every radio's checked state match the answers. go-app
// removes a checked attribute without touching the live property, which is
// what the browser shows once the reader has clicked.
func (c *Checklist) syncChecked() {
	radios := app.Window().Get("document").Call("querySelectorAll", ".wm-checklist input[type=radio]")
	for i := 0; i < radios.Length(); i++ {
		el := radios.Index(i)
		want := string(c.answers[el.Get("name").String()]) == el.Get("value").String()
		if el.Get("checked").Bool() != want {
			el.Set("checked", want)
		}
	}
}

// save keeps the answers on this device; it is only ever called after the
// reader answered, so nothing is stored for a reader who only reads.
func (c *Checklist) save() {
	if !app.IsClient || c.storage == storageBlocked {
		return
	}
	for _, l := range c.Content.Checklist.Lists {
		if !storageSet(c.storageKey(l.ID), EncodeAnswers(l.ID, l.Items, c.answers, c.Group())) {
			c.storage = storageBlocked
			return
		}
	}
	c.storage = storageSaved
}

// shareURL is the widget's address with every list's answers in the
// fragment, opening the open list.
func (c *Checklist) shareURL() string {
	var items []data.ChecklistItem
	for _, l := range c.Content.Checklist.Lists {
		items = append(items, l.Items...)
	}
	u := *app.Window().URL()
	u.Fragment = EncodeAnswers(c.List().ID, items, c.answers, c.Group())
	u.RawQuery = ""
	return u.String()
}

// anchor is the element id for a list or item id; see anchorID.
func (c *Checklist) anchor(id string) string { return anchorID(c.Interactive, id) }

// Render draws the widget.
func (c *Checklist) Render() app.UI {
	cl := c.Content.Checklist
	parts := make([]string, len(cl.Lists))
	for i, l := range cl.Lists {
		parts[i] = l.ID
	}
	// As in the journey: past the choice of list to the open list.
	f := frame{name: ChecklistName, interactive: c.Interactive, title: cl.Title,
		intro: cl.Intro, sources: c.sources(), status: c.status, parts: parts,
		skipTo: "wm-h-" + c.List().ID}
	return f.render(
		c.renderNav(),
		app.If(c.shareErr != "", func() app.UI {
			return app.P().Class("wm-notice").Text(strings.ReplaceAll(c.Content.UI.ShareInvalid, "{reason}", c.shareErr))
		}),
		app.If(c.fromLink, func() app.UI { return c.renderFromLink() }),
		app.If(c.unread > 0, func() app.UI {
			return app.P().Class("wm-notice").Text(count(c.Content.UI.ShareUnreadOne, c.Content.UI.ShareUnreadMany, c.unread))
		}),
		app.Div().Class("wm-stages").Body(
			app.Range(cl.Lists).Slice(func(i int) app.UI { return c.renderList(i) }),
		),
	)
}

// renderNav links the lists. Links in both modes: in the app, go-app turns
// a fragment link into a navigation that OnNav handles.
func (c *Checklist) renderNav() app.UI {
	lists := c.Content.Checklist.Lists
	return app.Nav().Class("wm-nav").Aria("label", attr(c.Content.UI.ListsLabel)).Body(
		app.Ol().Class("wm-tabs").Body(
			app.Range(lists).Slice(func(i int) app.UI {
				a := app.A().Class("wm-tab").ID("wm-tab-"+lists[i].ID).Href("#%s", lists[i].ID).Body(
					app.Span().Class("wm-tab-n").Text(strconv.Itoa(i+1)),
					app.Span().Text(lists[i].Title),
				)
				if c.Interactive && lists[i].ID == c.List().ID {
					a = a.Class("wm-current").Aria("current", "page")
				}
				return app.Li().Body(a)
			}),
		),
	)
}

func (c *Checklist) renderList(k int) app.UI {
	l := c.Content.Checklist.Lists[k]
	open := l.ID == c.List().ID
	sec := app.Section().ID(panelID(l.ID)).Class("wm-stage").Aria("labelledby", "wm-h-"+l.ID)
	if open {
		sec = sec.Class("wm-open")
	} else if c.Interactive {
		sec = sec.Hidden(true)
	}
	return sec.Body(
		app.H2().ID("wm-h-"+l.ID).Class("wm-skip-to").TabIndex(-1).Text(l.Title),
		app.P().Class("wm-stepof").Text(l.Audience),
		app.P().Body(c.prose(l.ID, l.Intro)...),
		app.If(c.Interactive && open, func() app.UI { return c.renderProgress() }),
		app.Form().Class("wm-items-form").Body(
			app.Ol().Class("wm-items").Body(
				app.Range(l.Items).Slice(func(i int) app.UI {
					it := l.Items[i]
					return &checkItem{Checklist: c, List: k, Index: i, Answer: c.answers[it.ID], Target: c.Interactive && c.target == it.ID}
				}),
			),
		),
		app.If(c.Interactive && open, func() app.UI { return c.renderSummary() }),
	)
}

func (c *Checklist) renderProgress() app.UI {
	done, total := c.Progress()
	return app.P().Class("wm-progress").Body(
		app.Progress().Max(total).Value(done).Aria("labelledby", "wm-progress-text"),
		app.Span().ID("wm-progress-text").Text(progressText(c.Content.UI, done, total)),
	)
}

// checkItem is an item as a component of its own, as the journey's cards
// are (see techCard): an answer, or another list opened, changes one item
// or none, and go-app skips an item whose fields are unchanged instead of
// drawing and comparing every item of every list again. Checklist is
// compared by identity; what it holds that an item shows and that can
// change (the item's answer, whether the address names it) is a field.
type checkItem struct {
	app.Compo

	Checklist *Checklist
	List      int // the index of the item's list
	Index     int // its place in the list
	Answer    Answer
	Target    bool // the address names it
}

// Render draws the item.
func (i *checkItem) Render() app.UI {
	return i.Checklist.renderItem(i.Checklist.Content.Checklist.Lists[i.List].Items[i.Index], i.Answer, i.Target)
}

func (c *Checklist) renderItem(it data.ChecklistItem, answer Answer, target bool) app.UI {
	ui := c.Content.UI
	choice := func(a Answer, label string) app.UI {
		id := "wm-" + it.ID + "-" + string(a)
		in := app.Input().Type("radio").Name(it.ID).ID(id).Value(string(a))
		if answer == a {
			in = in.Checked(true)
		}
		if c.Interactive {
			in = in.OnChange(func(ctx app.Context, e app.Event) {
				c.SetAnswer(it.ID, a)
				c.save()
				c.status = ""
				if c.storage == storageSaved {
					done, total := c.Progress()
					c.status = progressText(ui, done, total)
				}
			})
		}
		return app.Label().Class("wm-chip wm-answer wm-answer-"+string(a)).For(id).Body(in, app.Span().Text(label))
	}
	li := app.Li().Class("wm-item").ID(c.anchor(it.ID))
	if target {
		li = li.Class("wm-target")
	}
	return li.Body(
		app.FieldSet().Body(
			app.Legend().Class("wm-item-text").Body(latinRuns(c.Content.UI.Dir, it.Text)...),
			app.P().Class("wm-explanation").Body(c.prose(it.ID, it.Explanation)...),
			app.Div().Class("wm-answers").Body(
				choice(Done, ui.AnswerDone),
				choice(NotYet, ui.AnswerNotYet),
				choice(NotApplicable, ui.AnswerNA),
			),
		),
		c.renderHarm(it),
	)
}

// renderHarm links an item to the journey: the technologies and stages
// whose harm it answers.
func (c *Checklist) renderHarm(it data.ChecklistItem) app.UI {
	if len(it.Technologies) == 0 && len(it.Stages) == 0 {
		return nil
	}
	var links []app.UI
	for _, id := range it.Stages {
		for _, s := range c.Content.Journey.Stages {
			if s.ID == id {
				links = append(links, app.Li().Body(widgetLink(c.Content, JourneyName, s.ID, app.Text(s.Title))))
			}
		}
	}
	for _, id := range it.Technologies {
		for _, s := range c.Content.Journey.Stages {
			for _, t := range s.Technologies {
				if t.ID == id {
					links = append(links, app.Li().Body(widgetLink(c.Content, JourneyName, t.ID, app.Text(t.Name))))
				}
			}
		}
	}
	return app.Div().Class("wm-harm").Body(
		app.H3().Text(c.Content.UI.WhereHarm),
		app.Ul().Class("wm-links").Body(links...),
	)
}

// fromLinkText is what the notice of answers from a link says, as text
// for the live region.
func (c *Checklist) fromLinkText() string {
	ui := c.Content.UI
	s := ui.ChecklistFromLink
	if g := c.Group(); g != "" {
		s = strings.ReplaceAll(ui.ChecklistFromLinkGroup, "{group}", g)
	}
	if next := c.fromLinkNext(); next != "" {
		s += " " + next
	}
	return s
}

// fromLinkNext says what happens to answers from a link, as the code
// does it: nothing is kept until the reader changes something (save is
// only called then), and then every list's answers, these, are kept in
// place of what the device held. Where storage is refused the summary
// says so, and this says nothing.
func (c *Checklist) fromLinkNext() string {
	switch c.storage {
	case storageUnused:
		return c.Content.UI.ChecklistFromLinkNext
	case storageSaved:
		return c.Content.UI.ChecklistFromLinkSaved
	}
	return ""
}

// renderFromLink is the notice that the answers came from a link. The
// group's name is isolated, so a name in another script keeps the
// sentence around it in order.
func (c *Checklist) renderFromLink() app.UI {
	ui := c.Content.UI
	var said []app.UI
	if g := c.Group(); g != "" {
		before, after, _ := strings.Cut(ui.ChecklistFromLinkGroup, "{group}")
		said = append(said, app.Text(before), app.Bdi().Text(g), app.Text(after))
	} else {
		said = append(said, app.Text(ui.ChecklistFromLink))
	}
	if next := c.fromLinkNext(); next != "" {
		said = append(said, app.Text(" "+next))
	}
	return app.P().Class("wm-notice wm-from-link").Body(said...)
}

func (c *Checklist) renderSummary() app.UI {
	ui := c.Content.UI
	storage := c.storage.says(ui, ui.StorageBlocked)
	link := c.shareURL()
	return app.Section().Class("wm-summary").Aria("labelledby", "wm-summary-h").Body(
		app.H3().ID("wm-summary-h").Text(ui.Summary),
		// The group's name, for a workshop: it goes into the summary and
		// the link, so the facilitator knows whose answers are whose.
		app.Label().For("wm-group").Text(ui.ChecklistGroup),
		app.Input().Type("text").ID("wm-group").Class("wm-group").Value(c.group).
			MaxLength(MaxGroup).AutoComplete(false).Dir("auto").Spellcheck(false).
			Aria("describedby", "wm-group-hint").
			OnInput(func(ctx app.Context, e app.Event) {
				c.group = e.Get("target").Get("value").String()
				c.save()
			}),
		app.P().ID("wm-group-hint").Class("wm-hint").Text(ui.ChecklistGroupHint),
		app.Pre().Class("wm-summary-text").Text(c.SummaryText()),
		app.Div().Class("wm-actions").Body(
			app.Button().Type("button").Class("wm-step").Text(ui.CopySummary).
				OnClick(func(ctx app.Context, e app.Event) { c.copy(ctx, c.SummaryText()) }),
			app.Button().Type("button").Class("wm-step").Text(ui.Print).
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
		),
		app.Label().For("wm-share").Text(ui.ShareLink),
		app.Div().Class("wm-share").Body(
			app.Input().Type("text").ID("wm-share").ReadOnly(true).Value(link).Aria("describedby", "wm-share-hint"),
			app.Button().Type("button").Class("wm-step").Text(ui.CopyLink).
				OnClick(func(ctx app.Context, e app.Event) { c.copy(ctx, c.shareURL()) }),
		),
		// What a copy did, where the reader looks: the live region says
		// it to screen readers, this says it to everyone else.
		app.P().Class("wm-copy-note").Text(c.copied),
		app.If(c.copyText != "", func() app.UI {
			return app.Textarea().ID("wm-copy-text").Class("wm-copy-text").ReadOnly(true).
				Rows(min(8, strings.Count(c.copyText, "\n")+2)).
				Aria("label", attr(ui.CopyFailed)).Text(c.copyText)
		}),
		app.P().ID("wm-share-hint").Class("wm-hint").Text(ui.ShareHint),
		// For the facilitator: the groups' links side by side, in a tab
		// of its own.
		app.P().Class("wm-compare-link").Body(
			app.A().Href(ComparePath(c.Content)).Target("_blank").Body(
				app.Text(ui.ChecklistCompareLink),
				app.Span().Class("wm-sr").Text(" "+ui.NewTab),
			),
		),
		// Always present, even empty: go-app replaces rather than moves the
		// elements after a removed one, and replacing the forget button
		// under the reader's focus would drop focus to the page.
		app.P().Class("wm-hint wm-storage").Text(storage),
		app.Button().Type("button").Class("wm-step wm-forget").Text(ui.Forget).
			OnClick(func(ctx app.Context, e app.Event) {
				c.Forget()
				c.status = ui.Forgotten
				ctx.Defer(func(app.Context) {
					c.syncChecked()
					if el := app.Window().GetElementByID("wm-h-" + c.List().ID); el.Truthy() {
						el.Call("focus")
					}
				})
			}),
	)
}

// copy puts text on the clipboard and says whether it worked, beside the
// buttons and to screen readers. Where the browser refuses, the text
// appears selected in a box under the buttons, to copy by hand.
func (c *Checklist) copy(ctx app.Context, text string) {
	ui := c.Content.UI
	copyText(ctx, text, func(ctx app.Context, ok bool) {
		if ok {
			c.status, c.copied, c.copyText = ui.Copied, ui.Copied, ""
			return
		}
		c.status, c.copied, c.copyText = ui.CopyFailed, ui.CopyFailed, text
		ctx.Defer(func(app.Context) {
			if el := app.Window().GetElementByID("wm-copy-text"); el.Truthy() {
				el.Set("value", text)
			}
		})
		selectForCopy(ctx, "wm-copy-text")
	})
}

// selectedList is how the prerendered page marks the open list's tab, as
// the app marks it.
const selectedList = "background:var(--wm-accent);color:var(--wm-accent-fg);border-color:var(--wm-accent)"

// ChecklistCSS returns the rules that mark the list in view in the
// prerendered page's list navigation (see JourneyCSS).
func ChecklistCSS(c *data.Content) string {
	var b strings.Builder
	b.WriteString("@supports selector(:has(a)){")
	lists := c.Checklist.Lists
	for _, l := range lists {
		fmt.Fprintf(&b, ".wm-checklist:not(.wm-app):has(#%s:target,#%s :target) #wm-tab-%s{%s}", l.ID, panelID(l.ID), l.ID, selectedList)
		fmt.Fprintf(&b, ".wm-checklist:not(.wm-app):has(#%s:target) #%s{display:block}", l.ID, panelID(l.ID))
	}
	fmt.Fprintf(&b, ".wm-checklist:not(.wm-app):not(:has(:target)) #wm-tab-%s{%s}", lists[0].ID, selectedList)
	b.WriteString("}")
	return b.String()
}
