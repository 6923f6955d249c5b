package widgets

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// sourceList numbers the citations a widget makes in reading order, like
// footnotes: each claim carries markers that jump to numbered entries in
// the widget's sources panel, and each entry links back to every claim
// that cites it. It is built once from the content, before rendering, so
// numbers never depend on which part of the widget is open.
//
// Because it is told which part of the widget (a stage, a list) holds each
// claim, it is also how a widget whose parts show one at a time finds the
// part a fragment names: the part itself, a claim inside it (a technology,
// an item) or a citation marker inside it.
type sourceList struct {
	c      *data.Content
	anchor func(string) string

	order  []string            // citation ids; number = index + 1
	num    map[string]int      // citation id -> number
	claims map[string][]string // claim -> citation ids
	backs  map[string][]string // citation id -> marker ids
	owner  map[string]string   // marker or claim id -> the part of the widget that holds it
}

func newSourceList(c *data.Content, anchor func(string) string) *sourceList {
	return &sourceList{
		c: c, anchor: anchor,
		num:    map[string]int{},
		claims: map[string][]string{},
		backs:  map[string][]string{},
		owner:  map[string]string{},
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
	}
}

func markerID(claim string, n int) string { return "ref-" + claim + "-" + strconv.Itoa(n) }

func sourceID(citation string) string { return "src-" + citation }

// partOf names the part of the widget (a stage, a list) that a fragment
// names or holds: the part itself, a claim or a citation marker in it. ok
// is false when it names nothing that sits in a part: a fragment comes
// from a URL anyone can write.
func (s *sourceList) partOf(fragment string) (part string, ok bool) {
	part, ok = s.owner[fragment]
	return part, ok && part != ""
}

// isSourceFragment says whether a fragment names a marker or an entry.
func (s *sourceList) isSourceFragment(fragment string) bool {
	if strings.HasPrefix(fragment, "ref-") {
		_, ok := s.owner[fragment]
		return ok
	}
	return strings.HasPrefix(fragment, "src-") && s.num[strings.TrimPrefix(fragment, "src-")] > 0
}

// follow handles a fragment that changed after load (a link, the back
// button): it opens the part that holds what the fragment names and, for
// a citation marker or a source entry, moves focus there.
func (s *sourceList) follow(ctx app.Context, fragment string, open func(part string)) {
	if p, ok := s.partOf(fragment); ok {
		open(p)
	}
	if s.isSourceFragment(fragment) {
		jumpTo(ctx, s.anchor(fragment))
	}
}

// markers renders the claim's citation markers.
func (s *sourceList) markers(claim string) app.UI {
	ids := s.claims[claim]
	if len(ids) == 0 {
		return nil
	}
	return app.Sup().Class("wm-refs").Body(
		app.Range(ids).Slice(func(i int) app.UI {
			n := s.num[ids[i]]
			label := strings.ReplaceAll(s.c.UI.SourceN, "{n}", strconv.Itoa(n))
			return app.A().ID(s.anchor(markerID(claim, n))).Href("#"+sourceID(ids[i])).
				Aria("label", attr(label)).Text(strconv.Itoa(n))
		}),
	)
}

// panel renders the widget's sources: every citation with the place in its
// document, the footnote's text and public address, and links back.
func (s *sourceList) panel() app.UI {
	c := s.c
	// Closed by default: with every footnote listed, the panel is longer
	// than the widget. A marker's link opens it (browsers open a <details>
	// that holds the target of a fragment; the app opens it in jumpTo).
	return app.Details().Class("wm-sources").ID(s.anchor("wm-sources")).Body(
		app.Summary().Body(
			app.H2().ID("wm-sources-h").Text(c.UI.Sources+" ("+strconv.Itoa(len(s.order))+")"),
		),
		app.Ol().Body(
			app.Range(s.order).Slice(func(i int) app.UI {
				id := s.order[i]
				cit := c.Citation(id)
				doc := c.Document(cit.Document)
				where := doc.Title + ", " + cit.Section
				if cit.Footnote > 0 {
					where += ", " + strings.ReplaceAll(c.UI.Footnote, "{n}", strconv.Itoa(cit.Footnote))
				}
				body := []app.UI{app.Span().Class("wm-cite-where").Text(where + ". ")}
				if cit.Text != "" {
					body = append(body, app.Text(cit.Text+" "))
				}
				if cit.URL != "" {
					body = append(body, outLink(c, cit.URL, hostOf(cit.URL)), app.Text(" "))
				}
				backs := s.backs[id]
				for k, m := range backs {
					// The arrow is drawn by CSS with empty alternative
					// text; the words are what a screen reader says, and
					// they contain the visible letter.
					link := []app.UI{app.Span().Class("wm-sr").Text(c.UI.BackToText + " ")}
					if len(backs) > 1 {
						link = append(link, app.Text(letter(k)))
					}
					body = append(body, app.A().Class("wm-back").Href("#"+m).Body(link...), app.Text(" "))
				}
				return app.Li().ID(s.anchor(sourceID(id))).TabIndex(-1).Body(body...)
			}),
		),
	)
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

// jumpTo moves focus to the marker or entry a fragment names, after the
// next render (the stage holding it may only just have opened). Focus, not
// scrolling alone, so the reader's next Tab continues from there.
func jumpTo(ctx app.Context, elementID string) {
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(elementID)
		if !el.Truthy() {
			return
		}
		// A marker in a closed list of cases: open it first.
		if d := el.Call("closest", "details"); d.Truthy() {
			d.Set("open", true)
		}
		el.Call("focus")
	})
}
