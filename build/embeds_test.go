package build

import (
	"bytes"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"waymark/data"
	"waymark/widgets"
)

// oEmbedGet asks the site's oEmbed endpoint, as a consumer would.
func oEmbedGet(t *testing.T, h http.Handler, query url.Values) (int, []byte, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/oembed?"+query.Encode(), nil))
	return rec.Code, rec.Body.Bytes(), rec.Header()
}

// checkOEmbed holds an answer to the oEmbed 1.0 spec for a "rich" type:
// every required field, version as a string, and html that is one titled
// iframe of the widget origin and no script.
func checkOEmbed(t *testing.T, where string, body []byte) map[string]any {
	t.Helper()
	var a map[string]any
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", where, err, body)
	}
	if a["type"] != "rich" || a["version"] != "1.0" {
		t.Errorf("%s: type %v, version %#v, want rich and the string 1.0", where, a["type"], a["version"])
	}
	for _, f := range []string{"html", "title", "provider_name", "provider_url"} {
		if s, _ := a[f].(string); s == "" {
			t.Errorf("%s: no %s", where, f)
		}
	}
	for _, f := range []string{"width", "height", "cache_age"} {
		if n, _ := a[f].(float64); n <= 0 {
			t.Errorf("%s: %s is %v, want a positive number", where, f, a[f])
		}
	}
	html, _ := a["html"].(string)
	doc := parseHTML(t, []byte(html))
	var frames, scripts int
	walk(doc, func(n *xhtml.Node) {
		switch {
		case n.Type == xhtml.ElementNode && n.Data == "iframe":
			frames++
			if title, _ := attrOf(n, "title"); title == "" {
				t.Errorf("%s: the iframe has no title", where)
			}
			if src, _ := attrOf(n, "src"); !strings.HasPrefix(src, testOrigin+"/w/") {
				t.Errorf("%s: the iframe frames %q, not a widget of %s", where, src, testOrigin)
			}
		case n.Type == xhtml.ElementNode && n.Data == "script":
			scripts++
		}
	})
	if frames != 1 || scripts != 0 || strings.Contains(strings.ToLower(html), "<script") {
		t.Errorf("%s: html holds %d iframes and %d scripts, want one iframe and none: %s", where, frames, scripts, html)
	}
	return a
}

// Every widget in every language answers an oEmbed consumer by the spec,
// the file its discovery link names holds the same answer, and a
// consumer's limits are kept.
func TestOEmbedAnswersEveryWidget(t *testing.T) {
	dir, res := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range widgets.Pages(contents) {
		if !p.Widget() {
			continue
		}
		n++
		page := testOrigin + p.Path
		code, body, head := oEmbedGet(t, h, url.Values{"url": {page}, "format": {"json"}})
		if code != http.StatusOK || !strings.HasPrefix(head.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: oEmbed answered %d (%s): %s", page, code, head.Get("Content-Type"), body)
		}
		a := checkOEmbed(t, page, body)
		if a["title"] != p.Title {
			t.Errorf("%s: title %v, want %q", page, a["title"], p.Title)
		}
		file := readDist(t, dir, oEmbedPath(p.Path))
		if !bytes.Equal(file, body) {
			t.Errorf("%s: the static answer %s differs from the endpoint's:\n%s\n%s", page, oEmbedPath(p.Path), file, body)
		}
		// A narrow column and a short one.
		_, body, _ = oEmbedGet(t, h, url.Values{"url": {page}, "maxwidth": {"400"}, "maxheight": {"900"}})
		a = checkOEmbed(t, page+" at most 400 by 900", body)
		if w, ht := a["width"].(float64), a["height"].(float64); w > 400 || ht > 900 {
			t.Errorf("%s: asked for at most 400 by 900, answered %v by %v", page, w, ht)
		}
		// The options of the address reach the widget, checked.
		_, body, _ = oEmbedGet(t, h, url.Values{"url": {page + "?theme=dark&accent=aa3300&header=hide&sources=hide#" + firstPart(p.Kind.Name, contents[p.Lang])}})
		a = checkOEmbed(t, page+" with options", body)
		if html := a["html"].(string); !strings.Contains(html, "theme=dark") || !strings.Contains(html, "accent=aa3300") || !strings.Contains(html, "header=hide") || !strings.Contains(html, "sources=hide") {
			t.Errorf("%s: the options of the address are not in the html: %s", page, html)
		}
	}
	if n == 0 || len(res.Embeds) != n {
		t.Errorf("%d widget pages, %d embeds recorded", n, len(res.Embeds))
	}
}

func firstPart(kind string, c *data.Content) string {
	switch kind {
	case widgets.JourneyName:
		return c.Journey.Stages[1].ID
	case widgets.ChecklistName:
		return c.Checklist.Lists[1].ID
	case widgets.GlossaryName:
		return "term-" + c.Glossary.Terms[0].ID
	case widgets.QuizName:
		return "q-" + c.Quiz.Questions[1].ID
	}
	return ""
}

// What the endpoint refuses, it refuses with a 4xx or a 501 and plain
// text, and nothing of a hostile request comes back in HTML.
func TestOEmbedRefusesAndNeverEchoes(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	page := testOrigin + "/w/journey/en/"
	const hostile = `"><script>alert(1)</script>`
	tests := []struct {
		query url.Values
		want  int
	}{
		{url.Values{"url": {testOrigin + "/w/nothing/en/"}}, 404},
		{url.Values{"url": {"https://elsewhere.example/w/journey/en/"}}, 404},
		{url.Values{"url": {hostile}}, 404},
		{url.Values{}, 404},
		{url.Values{"url": {page}, "format": {"xml"}}, 501},
		{url.Values{"url": {page}, "maxwidth": {"wide"}}, 400},
		{url.Values{"url": {page}, "maxwidth": {"-5"}}, 400},
		{url.Values{"url": {page}, "maxheight": {"1e9"}}, 400},
		{url.Values{"url": {page}, "maxwidth": {hostile}}, 400},
	}
	for _, tt := range tests {
		code, body, head := oEmbedGet(t, h, tt.query)
		if code != tt.want {
			t.Errorf("%v: answered %d, want %d", tt.query, code, tt.want)
		}
		if strings.Contains(string(body), "<script") || strings.HasPrefix(head.Get("Content-Type"), "text/html") {
			t.Errorf("%v: the refusal echoes the request or is HTML (%s): %s", tt.query, head.Get("Content-Type"), body)
		}
	}
	// A hostile fragment or option in a good address is dropped, not
	// written into the html.
	for _, u := range []string{page + "#" + url.PathEscape(hostile), page + "?theme=" + url.QueryEscape(hostile), page + "?accent=" + url.QueryEscape(hostile)} {
		code, body, _ := oEmbedGet(t, h, url.Values{"url": {u}})
		if code != 200 {
			t.Errorf("%s: answered %d, want the widget without the bad option", u, code)
			continue
		}
		a := checkOEmbed(t, u, body)
		if html := a["html"].(string); strings.Contains(html, "alert") || strings.Contains(html, "script") {
			t.Errorf("%s: the hostile option reached the html: %s", u, html)
		}
	}
}

// Each widget page says where its oEmbed answer is, and what to show of
// it: the canonical address, Open Graph and Twitter card tags, and a
// preview image the build drew, served from the widget origin.
func TestPagesAreDiscoverableAndPreviewed(t *testing.T) {
	dir, res := built(t)
	for page := range res.Embeds {
		doc := parseHTML(t, readDist(t, dir, pageFile(page)))
		meta := map[string]string{}
		var oembed, canonical string
		walk(doc, func(n *xhtml.Node) {
			if n.Type != xhtml.ElementNode {
				return
			}
			key, _ := attrOf(n, "property")
			if key == "" {
				key, _ = attrOf(n, "name")
			}
			content, _ := attrOf(n, "content")
			if n.Data == "meta" && key != "" {
				if _, twice := meta[key]; twice {
					t.Errorf("%s: %s is set twice", page, key)
				}
				meta[key] = content
			}
			rel, _ := attrOf(n, "rel")
			href, _ := attrOf(n, "href")
			if typ, _ := attrOf(n, "type"); n.Data == "link" && rel == "alternate" && typ == "application/json+oembed" {
				oembed = href
			}
			if n.Data == "link" && rel == "canonical" {
				canonical = href
			}
		})
		if canonical != testOrigin+page || meta["og:url"] != canonical {
			t.Errorf("%s: canonical %q, og:url %q, want %s", page, canonical, meta["og:url"], testOrigin+page)
		}
		if oembed != testOrigin+oEmbedPath(page) {
			t.Errorf("%s: discovery names %q, want %s", page, oembed, testOrigin+oEmbedPath(page))
		}
		checkOEmbed(t, page+" (discovered)", readDist(t, dir, strings.TrimPrefix(oembed, testOrigin)))
		for _, k := range []string{"og:title", "og:description", "og:image", "og:image:alt", "twitter:card", "twitter:title", "twitter:image"} {
			if meta[k] == "" {
				t.Errorf("%s: no %s", page, k)
			}
		}
		img := strings.TrimPrefix(meta["og:image"], testOrigin)
		if img == meta["og:image"] || meta["twitter:image"] != meta["og:image"] {
			t.Errorf("%s: the preview is %q (twitter %q), want one image of the widget origin", page, meta["og:image"], meta["twitter:image"])
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(readDist(t, dir, img)))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: the preview %s is not a 1200 by 630 PNG (%v, %dx%d)", page, img, err, cfg.Width, cfg.Height)
		}
	}
}

// A server configured with the hosting files the build writes sends what
// build serve sends, file by file: here, the _headers rules as Netlify
// and Cloudflare Pages apply them (every matching rule, a header from one
// only).
func TestHeadersFileSendsWhatServeSends(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	rules := parseHeadersFile(t, readDist(t, dir, headersFile))
	checked := 0
	for _, p := range servedFiles(t, dir) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		got := http.Header{}
		from := map[string]string{}
		for _, r := range rules {
			if !r.matches(p) {
				continue
			}
			for k, v := range r.headers {
				if other, twice := from[k]; twice {
					t.Errorf("%s: %s is set by rule %s and by rule %s; hosts would join them", p, k, other, r.pattern)
				}
				from[k] = r.pattern
				got.Set(k, v)
			}
		}
		for _, k := range managedHeaders {
			if want := rec.Header().Get(k); got.Get(k) != want {
				t.Errorf("%s: %s is %q with _headers, %q from build serve", p, k, got.Get(k), want)
			}
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("checked %d files; the check would prove little", checked)
	}
}

type headersRule struct {
	pattern string
	headers map[string]string
}

// matches applies a _headers pattern: a path, or a prefix ending in "*".
func (r headersRule) matches(p string) bool {
	if prefix, ok := strings.CutSuffix(r.pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return p == r.pattern
}

func parseHeadersFile(t *testing.T, b []byte) []headersRule {
	t.Helper()
	var rules []headersRule
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, headersRule{pattern: line, headers: map[string]string{}})
		case strings.HasPrefix(line, "  ") && len(rules) > 0:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("_headers: %q is not a header", line)
			}
			rules[len(rules)-1].headers[k] = v
		default:
			t.Fatalf("_headers: %q is neither a path nor a header", line)
		}
	}
	return rules
}

// servedFiles lists the files of dir a reader can ask for, as served
// paths: pages by their address.
func servedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.Walk(dir, func(file string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		p := "/" + filepath.ToSlash(strings.TrimPrefix(file, dir+string(filepath.Separator)))
		if hidden(p) || strings.HasPrefix(p, "/demo/") {
			return nil
		}
		if path.Base(p) == "index.html" && p != "/index.html" {
			p = strings.TrimSuffix(p, "index.html")
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The hosting files are the build's, not the readers': build serve keeps
// them to itself.
func TestHostingFilesAreNotServed(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{headersFile, nginxHTTPFile, nginxServerFile} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Errorf("the build wrote no %s: %v", p, err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: answered %d, want 404", p, rec.Code)
		}
		body, _ := io.ReadAll(rec.Body)
		if strings.Contains(string(body), "add_header") || strings.Contains(string(body), "Cache-Control:") {
			t.Errorf("%s: the answer shows the configuration", p)
		}
	}
}
