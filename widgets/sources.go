package widgets

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// sourceList numbers the citations a widget makes in reading order, like
// footnotes. Each claim carries a marker; in the app the marker opens the
// claim's sources in place, under the text, and on the prerendered page
// it links to the entry on the widget's sources page. That page lists
// every citation once, numbered as the widget cites it, with links back
// to each marker. It is built once from the content, before rendering,
// so numbers never depend on which part of the widget is open.
//
// The full list lives on a page of its own, not at the foot of the
// widget: with every footnote listed it is longer than the widget (the
// journey's ran to 30,000 px on a phone), it pushed an embedded widget
// past what a host page will grow it to, and it was half of the bytes a
// reader waited for before the first stage showed.
//
// Because it is told which part of the widget (a stage, a list) holds each
// claim, it is also how a widget whose parts show one at a time finds the
// part a fragment names: the part itself, a claim inside it (a technology,
// an item) or a citation marker inside it.
type sourceList struct {
	c           *data.Content
	kind        string // the widget's kind, whose sources page this is
	interactive bool   // the list serves the app, not the prerendered page

	order  []string            // citation ids; number = index + 1
	num    map[string]int      // citation id -> number
	claims map[string][]string // claim -> citation ids
	backs  map[string][]string // citation id -> marker ids
	owner  map[string]string   // marker or claim id -> the part of the widget that holds it
	claim  map[string]string   // marker id -> the claim it belongs to

	tips map[string]*citeTip // claim -> what its marker in the app shows
}

func newSourceList(c *data.Content, kind string, interactive bool) *sourceList {
	return &sourceList{
		c: c, kind: kind, interactive: interactive,
		num:    map[string]int{},
		claims: map[string][]string{},
		backs:  map[string][]string{},
		owner:  map[string]string{},
		claim:  map[string]string{},
		tips:   map[string]*citeTip{},
	}
}

// add records that claim, shown inside owner (a stage, a list; "" for
// parts always shown), rests on the citations ids.
func (s *sourceList) add(claim, owner string, ids []string) {
	if owner != "" {
		s.owner[claim] = owner
	}
	for _, id := range ids {
		if s.c.Citation(id) == nil || slices.Contains(s.claims[claim], id) {
			continue
		}
		if s.num[id] == 0 {
			s.order = append(s.order, id)
			s.num[id] = len(s.order)
		}
		s.claims[claim] = append(s.claims[claim], id)
		m := markerID(claim, s.num[id])
		s.backs[id] = append(s.backs[id], m)
		s.owner[m] = owner
		s.claim[m] = claim
	}
}

// markerID names one citation of a claim; the sources page links back to
// it. In the app a claim has one marker for all its citations, whose
// element id is the claim's first marker id (see markerElement).
func markerID(claim string, n int) string { return "ref-" + claim + "-" + strconv.Itoa(n) }

func sourceID(citation string) string { return "src-" + citation }

// sourcesPath is the address of the widget's sources page.
func (s *sourceList) sourcesPath() string { return Path(s.kind, s.c) + "sources/" }

// partOf names the part of the widget (a stage, a list) that a fragment
// names or holds: the part itself, a claim or a citation marker in it. ok
// is false when it names nothing that sits in a part: a fragment comes
// from a URL anyone can write.
func (s *sourceList) partOf(fragment string) (part string, ok bool) {
	part, ok = s.owner[fragment]
	return part, ok && part != ""
}

// markerElement is the element id of the marker a fragment names ("" for
// none): a link back from the sources page names one citation of a claim,
// and in the app the claim's one marker stands for all of them.
func (s *sourceList) markerElement(fragment string) string {
	claim, ok := s.claim[fragment]
	if !ok {
		return ""
	}
	if !s.interactive {
		return s.anchor(fragment)
	}
	return s.anchor(markerID(claim, s.num[s.claims[claim][0]]))
}

// anchor is the element id a fragment names; see anchorID.
func (s *sourceList) anchor(id string) string { return anchorID(s.interactive, id) }

// follow handles a fragment that changed after load (a link, the back
// button): it opens the part that holds what the fragment names and, for
// a citation marker, moves focus there.
func (s *sourceList) follow(ctx app.Context, fragment string, open func(part string)) {
	if p, ok := s.partOf(fragment); ok {
		open(p)
	}
	if el := s.markerElement(fragment); el != "" {
		jumpTo(ctx, el)
	}
}

// markers renders the claim's citation marker: in the app one button that
// opens the claim's sources under the text; prerendered, a link per
// citation to its entry on the sources page.
func (s *sourceList) markers(claim string) app.UI {
	ids := s.claims[claim]
	if len(ids) == 0 {
		return nil
	}
	ui := s.c.UI
	if s.interactive {
		// A new component each render, as go-app expects; what it shows is
		// worked out once.
		tip := s.tips[claim]
		if tip == nil {
			tip = s.newTip(claim)
			s.tips[claim] = tip
		}
		fresh := *tip
		return &fresh
	}
	return app.Span().Class("wm-refs").Body(
		app.Range(ids).Slice(func(i int) app.UI {
			n := s.num[ids[i]]
			label := strings.ReplaceAll(ui.SourceN, "{n}", strconv.Itoa(n)) + " " + ui.NewTab
			return app.A().Class("wm-ref").ID(s.anchor(markerID(claim, n))).
				Href(s.sourcesPath()+"#"+sourceID(ids[i])).Target("_blank").
				Aria("label", attr(label)).Text(strconv.Itoa(n))
		}),
	)
}

// newTip makes the app's marker of a claim.
func (s *sourceList) newTip(claim string) *citeTip {
	ui := s.c.UI
	ids := s.claims[claim]
	nums := make([]string, len(ids))
	entries := make([]citeEntry, len(ids))
	for i, id := range ids {
		nums[i] = strconv.Itoa(s.num[id])
		entries[i] = s.entry(id)
	}
	label := strings.ReplaceAll(ui.SourceN, "{n}", nums[0])
	if len(ids) > 1 {
		label = strings.ReplaceAll(ui.SourcesN, "{n}", strings.Join(nums, listSeparator(ui)))
	}
	first := markerID(claim, s.num[ids[0]])
	return &citeTip{
		ID:       s.anchor(first),
		BoxID:    s.anchor("box-" + first),
		Numbers:  strings.Join(nums, listSeparator(ui)),
		Label:    label,
		Entries:  entries,
		AllHref:  s.sourcesPath(),
		AllLabel: s.allLabel(),
		NewTab:   ui.NewTab,
		Leaves:   ui.OpensElsewhere,
	}
}

func (s *sourceList) allLabel() string {
	return strings.ReplaceAll(s.c.UI.AllSources, "{n}", strconv.Itoa(len(s.order)))
}

// listSeparator joins the items of a list in the language's script: the
// Arabic comma (،) in Arabic, which is the only right-to-left language
// the widgets have.
func listSeparator(ui data.UI) string {
	if ui.Dir == "rtl" {
		return "، "
	}
	return ", "
}

// entry is what the reader is told of one citation: its number, where in
// which document, the footnote's own text and its public address.
func (s *sourceList) entry(id string) citeEntry {
	c := s.c
	cit := c.Citation(id)
	doc := c.Document(cit.Document)
	// The documents are English: in Arabic their titles, sections and
	// footnotes are marked as English where they are drawn (latinRuns),
	// and joined by Arabic commas.
	dir, comma := c.UI.Dir, listSeparator(c.UI)
	where := doc.Title + comma + cit.Section
	if cit.Footnote > 0 {
		where += comma + strings.ReplaceAll(c.UI.Footnote, "{n}", strconv.Itoa(cit.Footnote))
	}
	e := citeEntry{N: s.num[id], Where: where, Text: cit.Text, URL: cit.URL, Dir: dir}
	if cit.URL != "" {
		e.Host = hostOf(cit.URL)
	}
	return e
}

// allSourcesLink is the way from a widget to its full list of sources,
// which opens in a new tab so the widget the reader is in stays.
func (s *sourceList) allSourcesLink() app.UI {
	if len(s.order) == 0 {
		return nil
	}
	return app.P().Class("wm-all-sources").Body(
		app.A().Href(s.sourcesPath()).Target("_blank").Body(
			app.Text(s.allLabel()),
			app.Span().Class("wm-sr").Text(" "+s.c.UI.NewTab),
		),
	)
}

// list renders every citation in order, each entry with the place in its
// document, the footnote's text and public address. back, if set, is the
// address of the widget, and each entry links back to every marker that
// cites it there.
func (s *sourceList) list(back string) app.UI {
	return app.Ol().Class("wm-source-list").Body(
		app.Range(s.order).Slice(func(i int) app.UI {
			id := s.order[i]
			e := s.entry(id)
			body := []app.UI{app.Span().Class("wm-cite-where").Body(latinRuns(e.Dir, e.Where+". ")...)}
			if e.Text != "" {
				body = append(body, latinRuns(e.Dir, e.Text+" ")...)
			}
			if e.URL != "" {
				body = append(body, outLink(s.c, e.URL, e.Host), app.Text(" "))
			}
			if back != "" {
				backs := s.backs[id]
				for k, m := range backs {
					// The arrow is drawn by CSS with empty alternative
					// text; the words are what a screen reader says, and
					// they contain the visible letter.
					link := []app.UI{app.Span().Class("wm-sr").Text(s.c.UI.BackToText + " ")}
					if len(backs) > 1 {
						link = append(link, app.Text(letter(k)))
					}
					body = append(body, app.A().Class("wm-back").Href(back+"#"+m).Body(link...), app.Text(" "))
				}
			}
			return app.Li().ID(sourceID(id)).TabIndex(-1).Body(body...)
		}),
	)
}

// endnotes is the full list as a handout prints it, after the widget:
// paper has no taps and no second tab. The screen never shows it; the app
// renders it, as the prerendered page stays light.
func (s *sourceList) endnotes() app.UI {
	if !s.interactive || len(s.order) == 0 {
		return nil
	}
	return &endnotes{Sources: s}
}

// endnotes is the list at the foot of a widget in the app: a component, so
// that what the reader does in the widget, which never changes the list,
// never has its hundred or more entries drawn and compared again (go-app
// skips a component whose fields are unchanged, and the list is compared
// by identity).
//
// The list is drawn after the first paint (see later.go).
type endnotes struct {
	app.Compo

	Sources *sourceList

	drawn bool
}

// OnMount draws the list once the rest of the widget shows.
func (e *endnotes) OnMount(ctx app.Context) {
	afterPaint(ctx, func(app.Context) { e.drawn = true })
}

// Render draws the list.
func (e *endnotes) Render() app.UI {
	sec := app.Section().Class("wm-endnotes").Aria("labelledby", "wm-endnotes-h")
	h := app.H2().ID("wm-endnotes-h").Text(e.Sources.c.UI.Sources)
	if !e.drawn && app.IsClient {
		return sec.Attr("data-later", true).Body(h)
	}
	return sec.Body(h, e.Sources.list(""))
}

// letter names the k-th link back to a source: a, b, ... z, aa, ab ...
func letter(k int) string {
	if k < 26 {
		return string(rune('a' + k))
	}
	return letter(k/26-1) + letter(k%26)
}

// documentIDs returns the ids of the documents the widget cites, in order
// of first citation, for the credit line.
func (s *sourceList) documentIDs() []string {
	return documentsCited(s.c, s.order)
}

// jumpTo moves focus to the element a fragment names, after the next
// render (the stage holding it may only just have opened). Focus, not
// scrolling alone, so the reader's next Tab continues from there.
func jumpTo(ctx app.Context, elementID string) {
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(elementID)
		if !el.Truthy() {
			return
		}
		// A marker in a closed disclosure (a technology's details): open
		// it first.
		if d := el.Call("closest", "details"); d.Truthy() {
			d.Set("open", true)
		}
		el.Call("focus")
	})
}
