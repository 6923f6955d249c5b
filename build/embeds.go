package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"waymark/data"
	"waymark/widgets"
)

// Embed is what the build knows of a widget page for the places that
// embed or preview it without running it: oEmbed consumers (a CMS that is
// handed the widget's address), link previews, the hosting headers.
type Embed struct {
	Kind    string      `json:"kind"`
	Lang    string      `json:"lang"`
	Title   string      `json:"title"`
	Fit     widgets.Fit `json:"fit"`
	Preview string      `json:"preview"` // served path of the preview image
}

// oEmbedWidth is the width an oEmbed answer gives unless the consumer asks
// for less: an article column.
const oEmbedWidth = 720

// oEmbedAnswer is an oEmbed 1.0 "rich" response.
type oEmbedAnswer struct {
	Type            string `json:"type"`
	Version         string `json:"version"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	CacheAge        int    `json:"cache_age"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url,omitempty"`
	ThumbnailWidth  int    `json:"thumbnail_width,omitempty"`
	ThumbnailHeight int    `json:"thumbnail_height,omitempty"`
}

// oEmbed answers for one widget at address (its page with the options a
// consumer's URL chose), at most maxWidth wide and maxHeight tall (0 for
// no limit). The html is one titled iframe and no script, which WordPress
// keeps; where the host page has the loader, it resizes it all the same.
func oEmbed(origin string, e Embed, address string, maxWidth, maxHeight int) oEmbedAnswer {
	width := oEmbedWidth
	if maxWidth > 0 {
		width = min(width, maxWidth)
	}
	height := e.Fit.At(width)
	if maxHeight > 0 {
		height = min(height, maxHeight)
	}
	a := oEmbedAnswer{
		Type: "rich", Version: "1.0", Title: e.Title,
		ProviderName: "Waymark", ProviderURL: origin + "/", CacheAge: 86400,
		HTML:  widgets.IFrameCode(address, e.Title, widgets.Fit{Phone: height, Column: height}),
		Width: width, Height: height,
	}
	if e.Preview != "" {
		a.ThumbnailURL, a.ThumbnailWidth, a.ThumbnailHeight = origin+e.Preview, previewWidth, previewHeight
	}
	return a
}

// oEmbedPath is where the build writes a page's oEmbed answer, which its
// discovery link names: a static host serves it as the file it is.
func oEmbedPath(page string) string {
	return "/oembed" + strings.TrimSuffix(page, "/") + ".json"
}

// embedHead is what a widget page's <head> says about it to those that
// embed or preview it: its canonical address, the oEmbed answer, and the
// Open Graph and Twitter card tags with its preview image.
func embedHead(origin, page string, e Embed, description, locale string) []string {
	esc := html.EscapeString
	u := origin + page
	img := origin + e.Preview
	meta := func(attr, name, content string) string {
		return `<meta ` + attr + `="` + name + `" content="` + esc(content) + `">`
	}
	return []string{
		`<link rel="canonical" href="` + esc(u) + `">`,
		`<link rel="alternate" type="application/json+oembed" href="` + esc(origin+oEmbedPath(page)) + `" title="` + esc(e.Title) + `">`,
		meta("property", "og:url", u),
		meta("property", "og:site_name", "Waymark"),
		meta("property", "og:locale", locale),
		meta("property", "og:image", img),
		meta("property", "og:image:width", strconv.Itoa(previewWidth)),
		meta("property", "og:image:height", strconv.Itoa(previewHeight)),
		meta("property", "og:image:alt", e.Title),
		meta("name", "twitter:card", "summary_large_image"),
		meta("name", "twitter:title", e.Title),
		meta("name", "twitter:description", description),
		meta("name", "twitter:image", img),
		meta("name", "twitter:image:alt", e.Title),
	}
}

// alternates links a widget page, or its sources page, to its versions in
// every language, so a search engine or a browser's language tools send a
// reader to the one they read; English, the report's language, is the
// default for everyone else.
func alternates(origin string, p widgets.Page, langs []string) []string {
	if p.Kind == nil || len(langs) < 2 {
		return nil
	}
	rest := strings.TrimPrefix(p.Path, "/w/"+p.Kind.Name+"/"+p.Lang+"/")
	link := func(hreflang, lang string) string {
		return `<link rel="alternate" hreflang="` + hreflang + `" href="` + html.EscapeString(origin+"/w/"+p.Kind.Name+"/"+lang+"/"+rest) + `">`
	}
	out := make([]string, 0, len(langs)+1)
	for _, l := range langs {
		out = append(out, link(l, l))
	}
	return append(out, link("x-default", data.Base))
}

// errOEmbed is a request the oEmbed endpoint refuses, with its status.
type errOEmbed struct {
	status int
	msg    string
}

func (e *errOEmbed) Error() string { return e.msg }

// oEmbedRequest reads what an oEmbed consumer asks for: the widget page
// its url names (with the options its query and fragment choose, each
// checked: nothing of the url is written back unread), and its limits.
func oEmbedRequest(origin string, embeds map[string]Embed, q url.Values) (Embed, string, int, int, error) {
	if f := q.Get("format"); f != "" && f != "json" {
		return Embed{}, "", 0, 0, &errOEmbed{http.StatusNotImplemented, "only format=json is answered"}
	}
	limit := func(name string) (int, error) {
		v := q.Get(name)
		if v == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			return 0, &errOEmbed{http.StatusBadRequest, name + " is not a whole number of pixels"}
		}
		return n, nil
	}
	maxWidth, err := limit("maxwidth")
	if err != nil {
		return Embed{}, "", 0, 0, err
	}
	maxHeight, err := limit("maxheight")
	if err != nil {
		return Embed{}, "", 0, 0, err
	}
	raw := q.Get("url")
	u, err := url.Parse(raw)
	if raw == "" || err != nil || u.Scheme+"://"+u.Host != origin {
		return Embed{}, "", 0, 0, &errOEmbed{http.StatusNotFound, "the url is not a widget of " + origin}
	}
	p := u.EscapedPath()
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	e, ok := embeds[p]
	if !ok {
		return Embed{}, "", 0, 0, &errOEmbed{http.StatusNotFound, "the url is not a widget of " + origin}
	}
	chosen := map[string]string{"open": u.Fragment}
	for _, o := range widgets.Options {
		if o.In == "query" {
			chosen[o.Name] = u.Query().Get(o.Name)
		}
	}
	return e, widgets.Address(origin, p, chosen), maxWidth, maxHeight, nil
}

// oEmbedHandler answers /oembed?url=…&maxwidth=…&maxheight=…&format=json
// for the widget pages in embeds: 404 for an address that is not one, 501
// for a format other than JSON, 400 for limits that are not numbers.
func oEmbedHandler(origin string, embeds map[string]Embed) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		h.Set("Access-Control-Allow-Origin", "*")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		e, address, maxWidth, maxHeight, err := oEmbedRequest(origin, embeds, r.URL.Query())
		if err != nil {
			var oe *errOEmbed
			status := http.StatusBadRequest
			if errors.As(err, &oe) {
				status = oe.status
			}
			// Plain text: no part of the request is reflected.
			http.Error(w, err.Error(), status)
			return
		}
		b, _ := json.Marshal(oEmbed(origin, e, address, maxWidth, maxHeight))
		h.Set("Content-Type", "application/json; charset=utf-8")
		w.Write(b)
	})
}

// embedsOf lists the widget pages' embed facts, by page address.
func embedsOf(contents map[string]*data.Content) map[string]Embed {
	out := map[string]Embed{}
	for _, p := range widgets.Pages(contents) {
		if !p.Widget() {
			continue
		}
		out[p.Path] = Embed{Kind: p.Kind.Name, Lang: p.Lang, Title: p.Title, Fit: p.Kind.Fit}
	}
	return out
}

// writeEmbeds adds to the site each widget page's preview image and
// oEmbed answer, and records both in res.
func writeEmbeds(out site, res *Result, contents map[string]*data.Content) error {
	res.Embeds = embedsOf(contents)
	// In order, so that a build that fails fails on the same page each time.
	for _, page := range slices.Sorted(maps.Keys(res.Embeds)) {
		e := res.Embeds[page]
		c := contents[e.Lang]
		k := widgets.KindNamed(e.Kind)
		dir := c.UI.Dir
		img, err := preview(e.Lang, dir == "rtl", "Waymark · "+c.Sources.Documents[0].Title,
			widgets.LatinIsolated(dir, e.Title), widgets.LatinIsolated(dir, k.Description(c)))
		if err != nil {
			return fmt.Errorf("the link preview of %s: %w", page, err)
		}
		p := "/web/" + fingerprint("preview-"+e.Kind+"-"+e.Lang+".png", img)
		out[p] = img
		e.Preview = p
		res.Embeds[page] = e
		b, err := json.Marshal(oEmbed(res.Origin, e, res.Origin+page, 0, 0))
		if err != nil {
			return fmt.Errorf("oEmbed answer of %s: %w", page, err)
		}
		out[oEmbedPath(page)] = b
	}
	return nil
}
