package widgets

import (
	"slices"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// termForm is one way a glossary term is written, folded for matching.
type termForm struct {
	runes []rune
	term  *data.Term
}

// termIndex finds glossary terms in the widgets' texts. Which words are
// terms comes from the glossary's forms only.
type termIndex struct {
	c     *data.Content
	forms []termForm // longest first, so "algorithmic management" wins over "algorithm"

	// found keeps each text's matches: texts never change, and a widget
	// renders them again on every stage change, where the reader waits.
	found map[string][]termMatch
}

func newTermIndex(c *data.Content) *termIndex {
	ix := &termIndex{c: c, found: map[string][]termMatch{}}
	for i := range c.Glossary.Terms {
		t := &c.Glossary.Terms[i]
		for _, f := range t.Forms {
			ix.forms = append(ix.forms, termForm{runes: []rune(fold(f)), term: t})
		}
	}
	slices.SortStableFunc(ix.forms, func(a, b termForm) int { return len(b.runes) - len(a.runes) })
	return ix
}

// termMatch is a term found in a text, as rune offsets.
type termMatch struct {
	start, end int
	term       *data.Term
}

// find returns the first use of each term in text, in text order: a form
// counts only as a whole word (never inside another word), and never
// inside a web address, which reads as a link.
func (ix *termIndex) find(text string) []termMatch {
	if m, ok := ix.found[text]; ok {
		return m
	}
	m := ix.search(text)
	ix.found[text] = m
	return m
}

func (ix *termIndex) search(text string) []termMatch {
	src := []rune(text)
	folded, at := foldMapped(src)
	inURL := urlSpans(src)
	first := map[string]termMatch{}
	for _, f := range ix.forms {
		n := len(f.runes)
		for i := 0; i+n <= len(folded); i++ {
			if !slices.Equal(folded[i:i+n], f.runes) {
				continue
			}
			start, end := at[i], at[i+n-1]+1
			if !boundary(src, end) || slices.Contains(inURL[start:end], true) {
				continue
			}
			// An Arabic word carries its article and the conjunctions and
			// prepositions written as one with it (والبيانات): the mark
			// takes them in, as a reader sees one word.
			if !boundary(src, start-1) {
				p := arabicPrefix(src, start)
				if p == 0 {
					continue
				}
				start -= p
			}
			if b, ok := first[f.term.ID]; !ok || start < b.start || (start == b.start && end > b.end) {
				first[f.term.ID] = termMatch{start, end, f.term}
			}
			break
		}
	}
	all := make([]termMatch, 0, len(first))
	for _, m := range first {
		all = append(all, m)
	}
	slices.SortFunc(all, func(a, b termMatch) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	// Overlapping marks cannot both be drawn; the earlier, longer one stays.
	var out []termMatch
	end := 0
	for _, m := range all {
		if m.start >= end {
			out = append(out, m)
			end = m.end
		}
	}
	return out
}

// boundary says whether position i of s is outside any word: the start
// or end of the text, or a rune that is not a letter, digit or joiner.
func boundary(s []rune, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r := s[i]
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '_' || r == '\u2011')
}

// urlSpans marks the runes that belong to a web address in the text.
func urlSpans(s []rune) []bool {
	out := make([]bool, len(s))
	text := string(s)
	lower := strings.ToLower(text)
	for _, scheme := range []string{"http://", "https://", "www."} {
		for from := 0; ; {
			i := strings.Index(lower[from:], scheme)
			if i < 0 {
				break
			}
			start := len([]rune(text[:from+i]))
			k := start
			for k < len(s) && !unicode.IsSpace(s[k]) {
				out[k] = true
				k++
			}
			from += i + len(scheme)
		}
	}
	return out
}

// withTerms renders text with the first use of each glossary term marked.
// Prerendered, a mark is a link to the glossary entry (in a new tab, as
// every link to another widget); in the app,
// a termTip that shows the definition in place. idPrefix makes the
// definitions' element ids unique in the page.
func withTerms(ix *termIndex, text, idPrefix string, interactive bool) []app.UI {
	matches := ix.find(text)
	dir := ix.c.UI.Dir
	if len(matches) == 0 {
		return latinRuns(dir, text)
	}
	src := []rune(text)
	var out []app.UI
	at := 0
	for _, m := range matches {
		if m.start > at {
			out = append(out, latinRuns(dir, string(src[at:m.start]))...)
		}
		word := string(src[m.start:m.end])
		if interactive {
			out = append(out, &termTip{Term: m.term.Term, Definition: m.term.Definition, Word: word, Dir: dir, TipID: idPrefix + "-" + m.term.ID})
		} else {
			out = append(out, widgetLink(ix.c, GlossaryName, "term-"+m.term.ID, latinRuns(dir, word)...).Class("wm-term"))
		}
		at = m.end
	}
	if at < len(src) {
		out = append(out, latinRuns(dir, string(src[at:]))...)
	}
	return out
}
