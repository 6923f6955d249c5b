package workshop

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/skip2/go-qrcode"
)

// pagePath is where the printable page lives on the binary's own site:
// no path of the built site starts with it (Main refuses a site that has
// a workshop/ folder).
const pagePath = "/workshop/"

// pageCSP: the page loads nothing but its own stylesheet and QR code, and
// no one embeds it.
const pageCSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var pageHTML = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waymark workshop: {{.Address}}</title>
<link rel="stylesheet" href="{{.Path}}workshop.css">
</head>
<body>
<main>
<h1>Open the Waymark widgets on your phone</h1>
<ol>
<li>Join the same Wi-Fi network as the workshop's computer.</li>
<li>Scan the code with the phone's camera, or type the address into its browser.</li>
</ol>
<p class="address"><a href="/">{{.Address}}</a></p>
<img class="qr" src="{{.Path}}qr.svg" width="{{.Size}}" height="{{.Size}}" alt="QR code of the address {{.Address}}">
<p>That page lists every widget, in every language the site has.</p>
<p class="screen">To hand this out or pin it up, print this page from the browser (Ctrl+P, or ⌘P on a Mac): it fits on one A4 or Letter sheet.</p>
</main>
</body>
</html>
`))

// pageCSS: large type for a projector and for the back of a room; in
// print, the code at 11 cm, which a phone reads from a table's width and
// which fits one A4 or Letter page with the address above it.
const pageCSS = `:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #000; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.25rem; line-height: 1.4; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
ol { margin: 0 0 1rem; padding-inline-start: 1.5em; }
.address { font-size: clamp(2rem, 7vw, 4rem); font-weight: 700; margin: 0 0 1rem; overflow-wrap: anywhere; }
.address a { color: #000; text-underline-offset: 0.15em; }
.address a:focus-visible { outline: 3px solid #000; outline-offset: 4px; }
.qr { display: block; width: min(100%, 70vh, 30rem); height: auto; margin: 0 0 1rem; }
@page { margin: 15mm; }
@media print {
  body { font-size: 14pt; }
  main { max-width: none; padding: 0; break-inside: avoid; }
  h1 { font-size: 24pt; }
  .address { font-size: 30pt; }
  .address a { text-decoration: none; }
  .qr { width: 110mm; height: 110mm; }
  .screen { display: none; }
}
`

// newPage serves the printable page for address, its stylesheet and the
// QR code as an SVG, which prints sharp at any size.
func newPage(address string, qr *qrcode.QRCode) (http.Handler, error) {
	svg := qrSVG(qr, address)
	var b bytes.Buffer
	err := pageHTML.Execute(&b, struct {
		Address, Path string
		Size          int
	}{address, pagePath, 10 * len(qr.Bitmap())})
	if err != nil {
		return nil, fmt.Errorf("writing the page of %s: %w", pagePath, err)
	}
	files := map[string]struct {
		typ  string
		body []byte
	}{
		pagePath:                  {"text/html; charset=utf-8", b.Bytes()},
		pagePath + "workshop.css": {"text/css; charset=utf-8", []byte(pageCSS)},
		pagePath + "qr.svg":       {"image/svg+xml; charset=utf-8", svg},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := files[r.URL.Path]
		h := w.Header()
		switch {
		case !ok:
			http.NotFound(w, r)
			return
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.Set("Content-Type", f.typ)
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// The address changes with each start of the binary.
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Length", strconv.Itoa(len(f.body)))
		if r.Method == http.MethodGet {
			w.Write(f.body)
		}
	}), nil
}

// qrSVG draws qr, its quiet zone included, as one path of dark modules on
// white, with address as its title for whoever opens it on its own.
func qrSVG(qr *qrcode.QRCode, address string) []byte {
	bits := qr.Bitmap()
	n := len(bits)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img">`, n, n)
	fmt.Fprintf(&b, `<title>QR code of the address %s</title>`, template.HTMLEscapeString(address))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y, row := range bits {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	b.WriteString(`"/></svg>`)
	return []byte(b.String())
}
