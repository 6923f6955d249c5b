package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// widgetCSP allows nothing but the widget's own origin: no third-party
// request can happen even if content or a dependency tried. wasm needs
// 'wasm-unsafe-eval' to compile.
const widgetCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"

// SiteHandler serves a built site: the right media types, the precompressed
// variant the client accepts, and year-long immutable caching for
// fingerprinted files (everything else is revalidated on each visit).
func SiteHandler(dir string) (http.Handler, error) {
	if _, err := os.Stat(filepath.Join(dir, "build.json")); err != nil {
		return nil, fmt.Errorf("%s is not a built site (run the build first): %w", dir, err)
	}
	return &static{dir: dir, csp: widgetCSP}, nil
}

// DemoHandler serves dist/demo at the root of its own origin. The demo was
// built for the origin in build.json; if the widgets run elsewhere (another
// port), the demo's embed codes are pointed there.
func DemoHandler(dir, widgetOrigin string) (http.Handler, error) {
	b, err := os.ReadFile(filepath.Join(dir, "build.json"))
	if err != nil {
		return nil, fmt.Errorf("%s is not a built site (run the build first): %w", dir, err)
	}
	var res Result
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, "build.json"), err)
	}
	csp := "default-src 'self'; script-src 'self' " + widgetOrigin + "; frame-src " + widgetOrigin +
		"; style-src 'self'; img-src 'self'; base-uri 'none'; object-src 'none'"
	s := &static{dir: filepath.Join(dir, "demo"), csp: csp}
	if res.Origin != widgetOrigin {
		s.rewrite = [2]string{res.Origin, widgetOrigin}
	}
	return s, nil
}

type static struct {
	dir     string
	csp     string
	rewrite [2]string // in HTML, replace [0] by [1]; empty: serve files as built
}

var fingerprintedName = regexp.MustCompile(`\.[0-9a-f]{12}\.[a-z]+$`)

func (s *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	file := filepath.Join(s.dir, filepath.FromSlash(p))
	info, err := os.Stat(file)
	if err == nil && info.IsDir() {
		// To the cleaned path, never the raw one: "/%2fevil.example/..%2fw"
		// is "//evil.example/../w", which a browser reads as another host.
		w.Header().Set("Location", strings.TrimSuffix(p, "/index.html")+"/")
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	if err != nil || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
		http.NotFound(w, r)
		return
	}

	h := w.Header()
	format := FormatOf(p)
	mime := format.ContentType()
	h.Set("Content-Type", mime)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if strings.HasPrefix(mime, "text/html") {
		h.Set("Content-Security-Policy", s.csp)
	}
	if strings.HasPrefix(p, "/web/") && fingerprintedName.MatchString(p) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Add("Vary", "Accept-Encoding")

	if s.rewrite[0] != "" && strings.HasPrefix(mime, "text/html") {
		b, err := os.ReadFile(file)
		if err != nil {
			http.Error(w, "cannot read "+p, http.StatusInternalServerError)
			return
		}
		b = bytes.ReplaceAll(b, []byte(s.rewrite[0]), []byte(s.rewrite[1]))
		http.ServeContent(w, r, p, info.ModTime(), bytes.NewReader(b))
		return
	}

	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.name) {
			continue
		}
		f, err := os.Open(file + enc.ext)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			http.Error(w, "cannot read "+p, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		h.Set("Content-Encoding", enc.name)
		http.ServeContent(w, r, p, info.ModTime(), f)
		return
	}
	f, err := os.Open(file)
	if err != nil {
		http.Error(w, "cannot read "+p, http.StatusInternalServerError)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, p, info.ModTime(), f)
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc
// (a "q=0" refuses it).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) != enc {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}
