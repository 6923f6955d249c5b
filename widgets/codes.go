package widgets

import (
	"strconv"
	"strings"

	"waymark/data"
)

// Codes are the ways an editor can put one widget, with the options they
// chose, into a page. The embed builder shows them, the demo pages list
// them and the oEmbed answers carry the plain iframe: one definition for
// all three.
type Codes struct {
	// Loader is the plain iframe and the loader script, which keeps the
	// iframe as tall as its content: the iframe holds its place from the
	// first paint, so nothing on the page moves when the script arrives,
	// and it works where the script is stripped.
	Loader string
	// Div is a div and the loader script, for a block that takes only
	// those (a Flourish-style block); the script, right after the div and
	// not async, makes the iframe before the page below it is shown.
	Div string
	// IFrame is a plain iframe, for pages that strip scripts; its height
	// follows the page's width between the widget's fitted heights.
	IFrame string
	// Private shows a button in place of the widget and contacts the
	// widget's site only once the reader presses it.
	Private string
	// URL is the widget's address, for oEmbed and a titled-iframe block.
	URL string
	// Title names the iframe, for screen readers and a titled-iframe block.
	Title string
	// MinHeight is the height to give a titled-iframe block: the widget's
	// in an article column.
	MinHeight int
}

// EmbedCodes writes the codes for a kind of widget in content c, served
// from origin, with the options chosen (by Option name) and the heights
// fit it has with them.
func EmbedCodes(origin string, k *Kind, c *data.Content, chosen map[string]string, fit Fit) Codes {
	title := k.Title(c)
	if t := strings.TrimSpace(chosen["title"]); t != "" {
		title = t
	}
	address := Address(origin, Path(k.Name, c), chosen)
	var attrs strings.Builder
	attrs.WriteString(`data-waymark="` + escapeHTML(k.Name) + `" data-lang="` + escapeHTML(c.UI.Lang) + `"`)
	for _, o := range Options {
		v, ok := chosen[o.Name]
		if !ok || o.In == "path" || o.Name == "title" || v == "" || v == o.Default || !o.Valid(v) {
			continue
		}
		attrs.WriteString(` data-` + o.Name + `="` + escapeHTML(v) + `"`)
	}
	attrs.WriteString(` data-title="` + escapeHTML(title) + `"`)
	iframe := IFrameCode(address, title, fit)
	script := `<script src="` + escapeHTML(origin) + `/embed.js"`
	return Codes{
		Loader:    iframe + "\n" + script + ` async></script>`,
		Div:       `<div ` + attrs.String() + `></div>` + "\n" + script + `></script>`,
		IFrame:    iframe,
		Private:   privateCode(origin, address, title, fit, c.UI),
		URL:       address,
		Title:     title,
		MinHeight: fit.Column,
	}
}

// IFrameCode is a plain iframe of address, as tall as the widget at the
// page's width: its phone height on a phone, its column height from a
// 720 px page up, in proportion between. A page that strips the style
// keeps the height attribute, the phone's, which never clips.
func IFrameCode(address, title string, fit Fit) string {
	// frameborder too: a page whose policy drops inline styles keeps it.
	return `<iframe src="` + escapeHTML(address) + `" title="` + escapeHTML(title) + `" width="100%" height="` + strconv.Itoa(fit.Phone) +
		`" frameborder="0" style="border:0;width:100%;height:` + fitCSS(fit) + `" loading="lazy" allow="clipboard-write"></iframe>`
}

// fitCSS is Fit.At as a CSS length of the page's width.
func fitCSS(fit Fit) string {
	if fit.Phone == fit.Column {
		return strconv.Itoa(fit.Phone) + "px"
	}
	slope := float64(fit.Phone-fit.Column) / 360
	return "clamp(" + strconv.Itoa(min(fit.Phone, fit.Column)) + "px,calc(" + strconv.Itoa(fit.Phone) + "px - " +
		strconv.FormatFloat(slope, 'f', 3, 64) + " * (100vw - 360px))," + strconv.Itoa(max(fit.Phone, fit.Column)) + "px)"
}

// privateCode is an iframe that holds, until the reader asks, only a
// notice and a link written into the code itself (srcdoc): the page makes
// no request to the widget's site before the press, and no script is
// needed, so it survives pages that strip them. The link loads the widget
// in the same frame.
func privateCode(origin, address, title string, fit Fit, ui data.UI) string {
	host := strings.TrimPrefix(strings.TrimPrefix(origin, "https://"), "http://")
	doc := `<!doctype html><html lang="` + escapeHTML(ui.Lang) + `" dir="` + escapeHTML(ui.Dir) + `"><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<body style="margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1b1c20;background:#f5f6f8">` +
		`<div style="max-width:36rem;margin:2rem auto;padding:1rem">` +
		`<p style="font-weight:700;font-size:1.2rem">` + escapeHTML(title) + `</p>` +
		`<p>` + escapeHTML(strings.ReplaceAll(ui.PrivateNotice, "{site}", host)) + `</p>` +
		`<a href="` + escapeHTML(address) + `" style="display:inline-block;padding:.6rem 1rem;border-radius:.4rem;background:#1d3557;color:#fff;font-weight:700;text-decoration:none">` +
		escapeHTML(ui.PrivateLoad) + `</a></div></body></html>`
	return `<iframe srcdoc="` + escapeHTML(doc) + `" title="` + escapeHTML(title) + `" width="100%" height="` + strconv.Itoa(fit.Phone) +
		`" frameborder="0" style="border:0;width:100%;height:` + fitCSS(fit) + `" allow="clipboard-write"></iframe>`
}

// escapeHTML writes s for an HTML attribute or text. A few lines, not
// package html, whose table of every named character would ride into the
// browser app.
func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
