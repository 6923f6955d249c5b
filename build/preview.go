package build

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The link preview a page shares: what a social network, a chat or a CMS
// card shows of a widget's address (og:image). It is drawn here in Go at
// build time, so building needs no browser and no system font, and served
// from the widget's own origin like everything else.
const (
	previewWidth  = 1200
	previewHeight = 630
	previewMargin = 72
)

var (
	previewInk    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	previewPaper  = color.RGBA{0x1d, 0x35, 0x57, 0xff} // the accent of waymark.css
	previewMuted  = color.RGBA{0xd6, 0xe2, 0xf5, 0xff}
	previewMarker = color.RGBA{0xff, 0xd9, 0x5a, 0xff}
)

// previewFamily is one weight of the card's type: the Go fonts (BSD,
// golang.org/x/image) for the scripts they have, which every card but the
// Arabic ones is set in alone, and DejaVu Sans (Bitstream Vera licence,
// free to bundle) for the rest: it has Arabic and the GSUB tables that
// join its letters.
type previewFamily struct {
	goFace, dejavu *font.Face
}

type previewFamilies struct{ bold, regular previewFamily }

var (
	previewFontsOnce sync.Once
	previewFontsRead previewFamilies
)

// previewFonts are parsed on the first card, not at start: a program
// that only serves a built site (the workshop's) then carries no font.
func previewFonts() previewFamilies {
	previewFontsOnce.Do(func() {
		parse := func(ttf []byte) *font.Face {
			face, err := font.ParseTTF(bytes.NewReader(ttf))
			if err != nil {
				panic(err) // compiled in: cannot be malformed
			}
			return face
		}
		previewFontsRead.bold = previewFamily{parse(gobold.TTF), parse(dejavusansbold.TTF)}
		previewFontsRead.regular = previewFamily{parse(goregular.TTF), parse(dejavusans.TTF)}
	})
	return previewFontsRead
}

// The faces cache glyphs and the shaper its fonts, neither safe to share:
// one text is set or drawn at a time.
var (
	previewMu     sync.Mutex
	previewShaper shaping.HarfbuzzShaper
)

// previewStyle is one kind of text on the card.
type previewStyle struct {
	family func(previewFamilies) previewFamily
	size   int // pixels per em
	color  color.Color
}

func bold(f previewFamilies) previewFamily    { return f.bold }
func regular(f previewFamilies) previewFamily { return f.regular }

var (
	previewSite  = previewStyle{bold, 28, previewMarker}
	previewTitle = previewStyle{bold, 64, previewInk}
	previewText  = previewStyle{regular, 32, previewMuted}
)

// fontmap chooses by script rather than by letter, so that the spaces,
// digits and punctuation of an Arabic run are DejaVu's like its letters
// and a run is shaped in one font.
type fontmap struct {
	family previewFamily
	script language.Script
}

func (m *fontmap) SetScript(s language.Script) { m.script = s }

func (m *fontmap) ResolveFace(r rune) *font.Face {
	switch m.script {
	case language.Latin, language.Greek, language.Cyrillic, language.Common, language.Inherited, language.Unknown:
		if _, ok := m.family.goFace.NominalGlyph(r); ok {
			return m.family.goFace
		}
	}
	if _, ok := m.family.dejavu.NominalGlyph(r); ok {
		return m.family.dejavu
	}
	return m.family.goFace // its .notdef, which typeset reports
}

// typeset shapes s, of language lang, in style, breaks it between words
// into at most maxLines lines of at most width pixels, ending the last
// with an ellipsis if the text goes on, and orders each line's runs for
// display, right to left when rtl. It fails on a letter no font of the
// style has: the card would show a box.
func typeset(s, lang string, st previewStyle, rtl bool, width, maxLines int) ([]shaping.Line, error) {
	text := []rune(s)
	if len(text) == 0 {
		return nil, nil
	}
	previewMu.Lock()
	defer previewMu.Unlock()
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	fm := &fontmap{family: st.family(previewFonts())}
	input := shaping.Input{Text: text, RunEnd: len(text), Direction: dir, Size: fixed.I(st.size), Language: language.NewLanguage(lang)}
	var seg shaping.Segmenter
	var runs []shaping.Output
	for _, in := range seg.Split(input, fm) {
		out := previewShaper.Shape(in)
		for _, g := range out.Glyphs {
			if r := text[g.TextIndex()]; g.GlyphID == 0 && !unicode.IsSpace(r) {
				shown := strings.Map(func(r rune) rune {
					if unicode.Is(unicode.Bidi_Control, r) {
						return -1
					}
					return r
				}, s)
				return nil, fmt.Errorf("neither the Go fonts nor DejaVu Sans have %q (U+%04X), in %q", r, r, shown)
			}
		}
		runs = append(runs, out)
	}
	// The ellipsis is shaped in the face of the text's first letter: DejaVu
	// for an Arabic title, as its last line is.
	fm.SetScript(language.Common)
	for _, r := range text {
		if sc := language.LookupScript(r); sc.Strong() {
			fm.SetScript(sc)
			break
		}
	}
	ellipsis := []rune(" …")
	config := shaping.WrapConfig{
		Direction:          dir,
		TruncateAfterLines: maxLines,
		BreakPolicy:        shaping.Never,
		Truncator: previewShaper.Shape(shaping.Input{
			Text: ellipsis, RunEnd: len(ellipsis), Direction: dir, Size: input.Size,
			Face: fm.ResolveFace('…'), Language: input.Language,
		}),
	}
	var w shaping.LineWrapper
	lines, truncated := w.WrapParagraph(config, width, text, shaping.NewSliceIterator(runs))
	// The wrapper reuses its lines on its next call: these are the card's.
	out := make([]shaping.Line, len(lines))
	for i, l := range lines {
		if i == len(lines)-1 && truncated > 0 {
			trimEnd(l[:len(l)-1], text) // before the ellipsis
		} else {
			trimEnd(l, text)
		}
		out[i] = slices.Clone(l)
		slices.SortFunc(out[i], func(a, b shaping.Output) int { return int(a.VisualIndex - b.VisualIndex) })
	}
	return out, nil
}

// trimEnd takes the advance off the spaces, and the isolates around a
// Latin name, that end a line's text (l in logical order). The wrapper
// trims only the glyph at the line's visual end, which a space ending a
// Latin run in an Arabic line is not: "The Digital " would stand off from
// the Arabic word before it by two spaces.
func trimEnd(l shaping.Line, text []rune) {
	for i := len(l) - 1; i >= 0; i-- {
		run := &l[i]
		g := run.Glyphs
		done := false
		for k := range g {
			j := len(g) - 1 - k // logical order is visual in a left-to-right run
			if run.Direction.Progression() == di.TowardTopLeft {
				j = k
			}
			if r := text[g[j].TextIndex()]; !unicode.IsSpace(r) && !unicode.Is(unicode.Bidi_Control, r) {
				done = true
				break
			}
			g[j].Advance, g[j].XAdvance = 0, 0
		}
		run.RecomputeAdvance()
		if done {
			return
		}
	}
}

// lineWidth is how far a line's glyphs advance.
func lineWidth(l shaping.Line) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, run := range l {
		w += run.Advance
	}
	return w
}

// lineStart is where a line begins on the card, at its left: the margin,
// or for right-to-left text as far left of the right margin as it is long.
func lineStart(l shaping.Line, rtl bool) fixed.Int26_6 {
	if rtl {
		return fixed.I(previewWidth-previewMargin) - lineWidth(l)
	}
	return fixed.I(previewMargin)
}

// eachGlyph hands on the glyphs of a line left to right, each with the
// run it is of and where its pen stands on the card.
func eachGlyph(l shaping.Line, rtl bool, at func(run *shaping.Output, g shaping.Glyph, x fixed.Int26_6)) {
	x := lineStart(l, rtl)
	for i := range l {
		for _, g := range l[i].Glyphs {
			at(&l[i], g, x)
			x += g.Advance
		}
	}
}

// drawLine fills the glyph outlines of a line whose baseline is at y, all
// in one rasterizer: where joined Arabic letters meet, their edges add up
// to an unbroken stroke rather than a faint seam.
func drawLine(img *image.RGBA, l shaping.Line, rtl bool, y int, c color.Color) {
	x := lineStart(l, rtl)
	var ascent, descent fixed.Int26_6
	for _, run := range l {
		ascent = max(ascent, run.LineBounds.Ascent, run.GlyphBounds.Ascent)
		descent = min(descent, run.LineBounds.Descent, run.GlyphBounds.Descent)
	}
	// A glyph may reach a little past its advance or its font's ascent.
	const slack = 8
	box := image.Rect(x.Floor()-slack, y-ascent.Ceil()-slack, (x+lineWidth(l)).Ceil()+slack, y-descent.Floor()+slack).Intersect(img.Bounds())
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	previewMu.Lock()
	defer previewMu.Unlock()
	eachGlyph(l, rtl, func(run *shaping.Output, g shaping.Glyph, x fixed.Int26_6) {
		outline, ok := run.Face.GlyphDataOutline(g.GlyphID)
		if !ok {
			return
		}
		// The Go fonts' letters stand on whole pixels, as they did when
		// x/image drew them: each letter is then the same pixels wherever
		// it is, which keeps the Latin cards as they were and half the
		// size in PNG. DejaVu's Arabic does not: a joined letter must start
		// where the one before it ends.
		gx := float32(x+g.XOffset)/64 - float32(box.Min.X)
		if f := previewFonts(); run.Face == f.bold.goFace || run.Face == f.regular.goFace {
			gx = float32((x + g.XOffset).Round() - box.Min.X)
		}
		gy := float32(y-box.Min.Y) - float32(g.YOffset)/64
		scale := float32(run.Size) / 64 / float32(run.Face.Upem())
		at := func(p ot.SegmentPoint) (float32, float32) { return gx + p.X*scale, gy - p.Y*scale }
		for _, s := range outline.Segments {
			switch s.Op {
			case ot.SegmentOpMoveTo:
				z.ClosePath()
				z.MoveTo(at(s.Args[0]))
			case ot.SegmentOpLineTo:
				z.LineTo(at(s.Args[0]))
			case ot.SegmentOpQuadTo:
				bx, by := at(s.Args[0])
				cx, cy := at(s.Args[1])
				z.QuadTo(bx, by, cx, cy)
			case ot.SegmentOpCubeTo:
				bx, by := at(s.Args[0])
				cx, cy := at(s.Args[1])
				dx, dy := at(s.Args[2])
				z.CubeTo(bx, by, cx, cy, dx, dy)
			}
		}
		z.ClosePath()
	})
	z.Draw(img, box, &image.Uniform{c}, image.Point{})
}

// preview draws a page's card: its site, its title and the first lines of
// its description, over the route the journey draws, in the page's
// language lang; rtl sets it from the right, as the page reads.
func preview(lang string, rtl bool, site, title, description string) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, previewWidth, previewHeight))
	draw.Draw(img, img.Bounds(), &image.Uniform{previewPaper}, image.Point{}, draw.Src)
	// The route: three stations on a line, as the journey's navigation,
	// which starts at the right in a right-to-left language.
	y := previewHeight - 110
	fillRect(img, image.Rect(previewMargin, y-3, previewWidth-previewMargin, y+3), previewMuted)
	for i := 0; i < 3; i++ {
		cx := previewMargin + 40 + i*(previewWidth-2*previewMargin-80)/2
		if rtl {
			cx = previewWidth - cx
		}
		disc(img, cx, y, 26, previewMuted)
		if i > 0 {
			disc(img, cx, y, 20, previewPaper)
		}
	}
	width := previewWidth - 2*previewMargin
	write := func(st previewStyle, s string, maxLines, baseline, step int) (int, error) {
		if maxLines == 0 {
			return 0, nil
		}
		lines, err := typeset(s, lang, st, rtl, width, maxLines)
		if err != nil {
			return 0, err
		}
		for _, l := range lines {
			drawLine(img, l, rtl, baseline, st.color)
			baseline += step
		}
		return len(lines), nil
	}
	if _, err := write(previewSite, site, 1, 100, 0); err != nil {
		return nil, err
	}
	top := 190
	n, err := write(previewTitle, title, 3, top, 76)
	if err != nil {
		return nil, err
	}
	top += n * 76
	// As many lines of the description as fit above the route, three at most.
	lines := 0
	for t := top; t <= previewHeight-170 && lines < 3; t += 42 {
		lines++
	}
	if _, err := write(previewText, description, lines, top+10, 42); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		return nil, fmt.Errorf("drawing the preview of %q: %w", title, err)
	}
	return b.Bytes(), nil
}

func fillRect(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
}

// disc draws a filled circle.
func disc(img *image.RGBA, cx, cy, r int, c color.Color) {
	for y := -r; y <= r; y++ {
		for x := -r; x <= r; x++ {
			if x*x+y*y <= r*r {
				img.Set(cx+x, cy+y, c)
			}
		}
	}
}
