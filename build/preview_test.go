package build

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"waymark/data"
	"waymark/widgets"
)

// placed is a glyph as the card draws it: where its pen stands, how far
// it advances, and the letter of the text it starts at.
type placed struct {
	x, advance fixed.Int26_6
	at         int
	contextual bool // another glyph than the letter's own, standing alone
}

func placeLines(lines []shaping.Line, text []rune, rtl bool) [][]placed {
	var out [][]placed
	for _, l := range lines {
		var line []placed
		eachGlyph(l, rtl, func(run *shaping.Output, g shaping.Glyph, x fixed.Int26_6) {
			own, _ := run.Face.NominalGlyph(text[g.TextIndex()])
			line = append(line, placed{x, g.Advance, g.TextIndex(), g.GlyphID != own})
		})
		out = append(out, line)
	}
	return out
}

// An Arabic reader who shares an Arabic widget sees an Arabic card: its
// title, in the order Arabic reads, from the right margin, its letters
// joined as Arabic is written.
func TestArabicPreviewIsSetInArabic(t *testing.T) {
	dir, res := built(t)
	ar, en := res.Embeds["/w/journey/ar/"], res.Embeds["/w/journey/en/"]
	if bytes.Equal(readDist(t, dir, ar.Preview), readDist(t, dir, en.Preview)) {
		t.Errorf("the Arabic journey's card %s is the English one", ar.Preview)
	}

	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	title := contents["ar"].Journey.Title
	text := []rune(widgets.LatinIsolated("rtl", title))
	lines, err := typeset(string(text), "ar", previewTitle, true, previewWidth-2*previewMargin, 3)
	if err != nil {
		t.Fatalf("the Arabic title %q cannot be set: %v", title, err)
	}
	if len(lines) < 2 {
		t.Fatalf("%q is set on %d line, want the two it takes at 64 pixels", title, len(lines))
	}
	glyphs := placeLines(lines, text, true)
	first := glyphs[0]
	right := first[len(first)-1]
	if right.at != 0 || right.x+right.advance != fixed.I(previewWidth-previewMargin) {
		t.Errorf("the rightmost glyph of the first line is of letter %d, ending at %v; want the title's first letter, at the right margin %d", right.at, right.x+right.advance, previewWidth-previewMargin)
	}
	for i := 1; i < len(first); i++ {
		if first[i].at > first[i-1].at { // the text goes on leftwards
			t.Errorf("letter %d (%q) is drawn right of letter %d (%q) on the first line", first[i].at, text[first[i].at], first[i-1].at, text[first[i-1].at])
			break
		}
	}
	lastOfFirst := 0
	for _, g := range first {
		lastOfFirst = max(lastOfFirst, g.at)
	}
	for _, g := range glyphs[1] {
		if g.at <= lastOfFirst {
			t.Errorf("the second line holds letter %d, which the first line's %d follows", g.at, lastOfFirst)
			break
		}
	}
	// الحدود: its ḥāʾ joins the lām before it and the dāl after it; قبل:
	// its qāf starts a word and joins the bāʾ.
	for _, want := range []struct {
		word string
		at   int
	}{{"الحدود", 2}, {"قبل", 0}} {
		i := strings.Index(string(text), want.word)
		if i < 0 {
			t.Fatalf("the title %q has no %s", title, want.word)
		}
		letter := len([]rune(string(text)[:i])) + want.at
		found := false
		for _, line := range glyphs {
			for _, g := range line {
				if g.at == letter {
					found = true
					if !g.contextual {
						t.Errorf("%q of %s is drawn standing alone, not joined", text[letter], want.word)
					}
				}
			}
		}
		if !found {
			t.Errorf("no glyph draws %q of %s", text[letter], want.word)
		}
	}
}

// A Latin name in an Arabic sentence reads left to right where the
// sentence puts it, between the Arabic words before and after it, and the
// full stop ends the sentence at its left.
func TestArabicPreviewKeepsLatinNamesInOrder(t *testing.T) {
	const sentence = "تخزن قاعدة بيانات EURODAC بصمات الأصابع."
	text := []rune(widgets.LatinIsolated("rtl", sentence))
	lines, err := typeset(string(text), "ar", previewText, true, previewWidth-2*previewMargin, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 {
		t.Fatalf("%q is set on %d lines, want one", sentence, len(lines))
	}
	line := placeLines(lines, text, true)[0]
	x := map[int]fixed.Int26_6{}
	for _, g := range line {
		if _, seen := x[g.at]; !seen {
			x[g.at] = g.x
		}
	}
	name := strings.Index(string(text), "EURODAC")
	name = len([]rune(string(text)[:name]))
	for i := name + 1; i < name+len("EURODAC"); i++ {
		if x[i] <= x[i-1] {
			t.Errorf("%q is drawn left of %q: EURODAC reads backwards", text[i], text[i-1])
		}
	}
	before := strings.Index(string(text), "بيانات")
	before = len([]rune(string(text)[:before]))
	after := strings.Index(string(text), "بصمات")
	after = len([]rune(string(text)[:after]))
	if x[before] <= x[name+len("EURODAC")-1] {
		t.Errorf("بيانات, before EURODAC in the sentence, is drawn left of it")
	}
	if x[after] >= x[name] {
		t.Errorf("بصمات, after EURODAC in the sentence, is drawn right of it")
	}
	if stop := len(text) - 1; text[stop] != '.' || line[0].at != stop {
		t.Errorf("the leftmost glyph is of letter %d (%q), want the full stop that ends the sentence", line[0].at, text[line[0].at])
	}
	for _, g := range line {
		if unicode.Is(unicode.Bidi_Control, text[g.at]) && g.advance != 0 {
			t.Errorf("the isolate around EURODAC takes %v of the line", g.advance)
		}
	}
}

// A letter no font of the card has stops the build, naming the page and
// the letter, rather than drawing a box on the card.
func TestPreviewNamesTheLetterNoFontHas(t *testing.T) {
	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	c := contents["ar"]
	c.Journey.Title += " 漢"
	err = writeEmbeds(site{}, &Result{Origin: testOrigin}, map[string]*data.Content{"ar": c})
	if err == nil {
		t.Fatal("a title with 漢, which neither font has, was drawn")
	}
	for _, want := range []string{"/w/journey/ar/", "漢", "U+6F22"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q does not say %s", err, want)
		}
	}
}

// BenchmarkLinkPreviews draws every widget's card in every language, as
// the build does.
func BenchmarkLinkPreviews(b *testing.B) {
	contents, err := data.LoadEmbedded()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := writeEmbeds(site{}, &Result{Origin: testOrigin}, contents); err != nil {
			b.Fatal(err)
		}
	}
}
