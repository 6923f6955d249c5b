package build

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The link preview a page shares: what a social network, a chat or a CMS
// card shows of a widget's address (og:image). It is drawn here in Go at
// build time, so building needs no browser, and served from the widget's
// own origin like everything else.
const (
	previewWidth  = 1200
	previewHeight = 630
)

var (
	previewInk    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	previewPaper  = color.RGBA{0x1d, 0x35, 0x57, 0xff} // the accent of waymark.css
	previewMuted  = color.RGBA{0xd6, 0xe2, 0xf5, 0xff}
	previewMarker = color.RGBA{0xff, 0xd9, 0x5a, 0xff}
)

// previewFaces are the Go fonts (BSD-licensed, part of golang.org/x/image)
// at the sizes the preview uses.
var previewFaces = func() (f struct{ title, text, small font.Face }) {
	load := func(ttf []byte, size float64) font.Face {
		parsed, err := opentype.Parse(ttf)
		if err != nil {
			panic(err) // compiled in: cannot be malformed
		}
		face, err := opentype.NewFace(parsed, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			panic(err)
		}
		return face
	}
	f.title = load(gobold.TTF, 64)
	f.text = load(goregular.TTF, 32)
	f.small = load(gobold.TTF, 28)
	return f
}()

// preview draws a page's card: its site, its title and the first lines of
// its description, over the route the journey draws.
func preview(site, title, description string) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, previewWidth, previewHeight))
	draw.Draw(img, img.Bounds(), &image.Uniform{previewPaper}, image.Point{}, draw.Src)
	const margin = 72
	// The route: three stations on a line, as the journey's navigation.
	y := previewHeight - 110
	fillRect(img, image.Rect(margin, y-3, previewWidth-margin, y+3), previewMuted)
	for i := 0; i < 3; i++ {
		cx := margin + 40 + i*(previewWidth-2*margin-80)/2
		disc(img, cx, y, 26, previewMuted)
		if i > 0 {
			disc(img, cx, y, 20, previewPaper)
		}
	}
	write := func(face font.Face, c color.Color, x, y int, s string) {
		d := font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: face, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	write(previewFaces.small, previewMarker, margin, 100, site)
	top := 190
	for _, line := range wrap(previewFaces.title, title, previewWidth-2*margin, 3) {
		write(previewFaces.title, previewInk, margin, top, line)
		top += 76
	}
	for _, line := range wrap(previewFaces.text, description, previewWidth-2*margin, 3) {
		if top > previewHeight-170 {
			break
		}
		write(previewFaces.text, previewMuted, margin, top+10, line)
		top += 42
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		return nil, fmt.Errorf("drawing the preview of %q: %w", title, err)
	}
	return b.Bytes(), nil
}

// wrap breaks s into at most lines lines that fit width in face, ending
// the last with an ellipsis if the text goes on.
func wrap(face font.Face, s string, width, lines int) []string {
	var out []string
	line := ""
	words := strings.Fields(s)
	for _, w := range words {
		try := strings.TrimSpace(line + " " + w)
		if font.MeasureString(face, try).Ceil() <= width {
			line = try
			continue
		}
		out = append(out, line)
		line = w
		if len(out) == lines {
			last := out[lines-1]
			for font.MeasureString(face, last+" …").Ceil() > width && strings.Contains(last, " ") {
				last = last[:strings.LastIndex(last, " ")]
			}
			out[lines-1] = last + " …"
			return out
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
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
