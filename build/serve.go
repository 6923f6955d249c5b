package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"waymark/data"
	"waymark/widgets"
)

// widgetCSP allows nothing but the widget's own origin: no third-party
// request can happen even if content or a dependency tried. wasm needs
// 'wasm-unsafe-eval' to compile.
const widgetCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"

// SiteHandler serves a built site: the right media types, the precompressed
// variant the client accepts, and year-long immutable caching for
// fingerprinted files (everything else is revalidated on each visit).
//
// It also answers oEmbed requests at /oembed for the widget pages the
// build recorded; a static host has the same answers as the files the
// pages' discovery links name.
func SiteHandler(dir string) (http.Handler, error) {
	s, err := newStatic(dir, widgetCSP)
	if err != nil {
		return nil, err
	}
	return siteHandler(s, dir)
}

// SiteHandlerFS is SiteHandler for a built site held in site, named by
// paths without the leading slash ("w/journey/en/index.html"), as an
// embed.FS holds it: the workshop binary serves the site it carries. Its
// files must be io.Seekers (embed.FS and os.DirFS files are).
func SiteHandlerFS(site fs.FS) (http.Handler, error) {
	return siteHandler(&static{files: site, csp: widgetCSP}, "the site")
}

// siteHandler serves s as the widget origin; name says in errors which
// site it is.
func siteHandler(s *static, name string) (http.Handler, error) {
	res, err := readResult(s.files, name)
	if err != nil {
		return nil, err
	}
	s.site = true
	oembed := oEmbedHandler(res.Origin, res.Embeds)
	pages := map[string]bool{}
	for _, p := range res.Pages {
		pages[p] = true
	}
	// Not a ServeMux: it would answer odd paths with its own redirects,
	// where the site answers 404.
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oembed" {
			oembed.ServeHTTP(w, r)
			return
		}
		if to, ok := inEnglish(r.URL, pages); ok {
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
		s.ServeHTTP(w, r)
	}), nil
}

// inEnglish answers an address for a widget in a language it lacks with
// the English version, which says so (widgets.MissingParam), rather than
// a 404 in the middle of an article. Static hosts get the same from the
// 404 page's script; this works without one.
func inEnglish(u *url.URL, pages map[string]bool) (string, bool) {
	rest, ok := strings.CutPrefix(u.Path, "/w/")
	if !ok {
		return "", false
	}
	parts := strings.SplitN(rest, "/", 3)
	if len(parts) < 3 || !pages["/w/"+parts[0]+"/"+data.Base+"/"] || pages["/w/"+parts[0]+"/"+parts[1]+"/"] || !widgets.IsLanguageTag(parts[1]) {
		return "", false
	}
	q := u.Query()
	q.Set(widgets.MissingParam, parts[1])
	return "/w/" + parts[0] + "/" + data.Base + "/" + parts[2] + "?" + q.Encode(), true
}

// readResult reads what the build recorded of the site in files; name
// says in errors which site it is.
func readResult(files fs.FS, name string) (*Result, error) {
	b, err := fs.ReadFile(files, "build.json")
	if err != nil {
		return nil, fmt.Errorf("%s is not a built site (run the build first): %w", name, err)
	}
	var res Result
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, fmt.Errorf("reading build.json of %s: %w", name, err)
	}
	return &res, nil
}

// DemoHandler serves dist/demo at the root of its own origin. The demo was
// built for the origin in build.json; if the widgets run elsewhere (another
// port), the demo's embed codes are pointed there.
func DemoHandler(dir, widgetOrigin string) (http.Handler, error) {
	res, err := readResult(os.DirFS(dir), dir)
	if err != nil {
		return nil, err
	}
	csp := "default-src 'self'; script-src 'self' " + widgetOrigin + "; frame-src " + widgetOrigin +
		"; style-src 'self'; img-src 'self'; base-uri 'none'; object-src 'none'"
	s, err := newStatic(filepath.Join(dir, "demo"), csp)
	if err != nil {
		return nil, err
	}
	if res.Origin != widgetOrigin {
		s.rewrite = [2]string{res.Origin, widgetOrigin}
	}
	return s, nil
}

type static struct {
	files   fs.FS // the site, by path without the leading slash
	csp     string
	site    bool      // the widget origin: pages others embed, and its 404 page
	rewrite [2]string // in HTML, replace [0] by [1]; empty: serve files as built
	etags   sync.Map  // name -> etagEntry
}

// newStatic serves the folder dir, refusing every symlink in it.
func newStatic(dir, csp string) (*static, error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, fmt.Errorf("serving %s: %w", dir, err)
	}
	return &static{files: linkless{dir: dir, root: root}, csp: csp}, nil
}

var fingerprintedName = regexp.MustCompile(`\.[0-9a-f]{12}\.[a-z]+$`)

// hidden reports whether p names something the build writes for itself
// (build.json, precompressed variants, the configuration of other servers)
// or a dotfile a deploy may leave behind (.git, .env): none of it is for
// readers.
func hidden(p string) bool {
	if p == "/build.json" || p == headersFile || strings.HasPrefix(p, "/hosting/") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
		return true
	}
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// linkless is the folder dir as an fs.FS that opens only what, with every
// symlink resolved, is itself: a link, even to a file within the site,
// could be pointed anywhere later. os.DirFS would follow it.
type linkless struct {
	dir  string
	root string // dir with its symlinks resolved
}

func (l linkless) Open(name string) (fs.File, error) {
	// Localize refuses what is not a plain local name on this system: on
	// Windows a backslash ("..\x" would climb out), a colon or a device
	// name (CON, NUL, COM1) that opens no file.
	local, err := filepath.Localize(name)
	if err != nil || strings.Contains(name, `\`) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file := filepath.Join(l.dir, local)
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if real != filepath.Join(l.root, local) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return os.Open(file)
}

func (s *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if s.site {
		// Even a refusal: a host page that isolates itself reads the
		// status of what it asked for.
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	if hidden(p) {
		s.notFound(w, r)
		return
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(s.files, name)
	if err == nil && info.IsDir() {
		// To the cleaned path, never the raw one: "/%2fevil.example/..%2fw"
		// is "//evil.example/../w", which a browser reads as another host.
		h.Set("Location", strings.TrimSuffix(p, "/index.html")+"/")
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	if err != nil || info.IsDir() {
		s.notFound(w, r)
		return
	}

	for k, v := range fileHeaders(p, s.site, s.csp) {
		h[k] = v
	}
	mime := h.Get("Content-Type")
	h.Add("Vary", "Accept-Encoding")

	if s.rewrite[0] != "" && strings.HasPrefix(mime, "text/html") {
		b, err := fs.ReadFile(s.files, name)
		if err != nil {
			http.Error(w, "cannot read "+p, http.StatusInternalServerError)
			return
		}
		b = bytes.ReplaceAll(b, []byte(s.rewrite[0]), []byte(s.rewrite[1]))
		h.Set("ETag", etagOf(b))
		http.ServeContent(w, r, p, info.ModTime(), bytes.NewReader(b))
		return
	}

	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.name) {
			continue
		}
		variant, ok := s.open(name + enc.ext)
		if !ok {
			continue
		}
		defer variant.f.Close()
		h.Set("Content-Encoding", enc.name)
		h.Set("ETag", variant.etag)
		// net/http leaves out the length of an encoded body, and would
		// answer a range of the compressed bytes; the whole file, with its
		// length, is what a reader's browser can use.
		h.Set("Content-Length", strconv.FormatInt(variant.info.Size(), 10))
		r.Header.Del("Range")
		http.ServeContent(w, r, p, info.ModTime(), variant.rs)
		return
	}
	plain, ok := s.open(name)
	if !ok {
		http.Error(w, "cannot read "+p, http.StatusInternalServerError)
		return
	}
	defer plain.f.Close()
	h.Set("ETag", plain.etag)
	http.ServeContent(w, r, p, info.ModTime(), plain.rs)
}

// fileHeaders are the headers the file at served path p goes out with,
// whatever its encoding: its type, how long it may be cached, and what it
// may do. build serve sends them, and the configuration the build writes
// for other servers (hosting.go) is made from them, so a site deployed
// elsewhere answers as this one does.
func fileHeaders(p string, site bool, csp string) http.Header {
	h := http.Header{}
	mime := FormatOf(p).ContentType()
	h.Set("Content-Type", mime)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if site {
		// Widgets are made to be embedded: a host page that isolates itself
		// (Cross-Origin-Embedder-Policy) may still load the loader and frame
		// the pages.
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
	if strings.HasPrefix(mime, "text/html") {
		h.Set("Content-Security-Policy", csp)
		if site {
			// Everything a widget page loads is its own origin's, so it can
			// live inside a host page that requires isolation.
			h.Set("Cross-Origin-Embedder-Policy", "require-corp")
		}
	}
	// A fingerprinted file never changes under its name; everything else
	// (pages, the loader, the service worker, oEmbed answers) is asked
	// for again, so a correction reaches readers at their next visit.
	if immutable(p) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	return h
}

// immutable says whether p is a fingerprinted file, whose name changes
// with its content.
func immutable(p string) bool {
	return strings.HasPrefix(p, "/web/") && fingerprintedName.MatchString(p)
}

// notFound answers 404 with the site's own page, which says what the
// widget addresses are, small enough for an iframe that named a wrong one.
func (s *static) notFound(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(s.files, "404.html")
	if err != nil || !s.site {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	for k, v := range fileHeaders("/404.html", s.site, s.csp) {
		h[k] = v
	}
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

type opened struct {
	f    fs.File
	rs   io.ReadSeeker // f
	info fs.FileInfo
	etag string
}

type etagEntry struct {
	size int64
	mod  time.Time
	etag string
}

// open opens a file of the site and names its bytes with an ETag, computed
// once per version of the file.
func (s *static) open(name string) (opened, bool) {
	f, err := s.files.Open(name)
	if err != nil {
		return opened{}, false
	}
	info, err := f.Stat()
	rs, seeks := f.(io.ReadSeeker)
	// Only a regular file: a device or a pipe would hang the answer.
	if err != nil || !info.Mode().IsRegular() || !seeks {
		f.Close()
		return opened{}, false
	}
	if e, ok := s.etags.Load(name); ok {
		if e := e.(etagEntry); e.size == info.Size() && e.mod.Equal(info.ModTime()) {
			return opened{f, rs, info, e.etag}, true
		}
	}
	hash := sha256.New()
	if _, err := io.Copy(hash, rs); err != nil {
		f.Close()
		return opened{}, false
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return opened{}, false
	}
	etag := `"` + hex.EncodeToString(hash.Sum(nil))[:20] + `"`
	s.etags.Store(name, etagEntry{info.Size(), info.ModTime(), etag})
	return opened{f, rs, info, etag}, true
}

func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:])[:20] + `"`
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc.
// Names and parameters are case-insensitive and a weight of zero, however
// written (q=0, Q=0.000), refuses it.
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		for _, param := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(param), "=")
			if !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || q <= 0 || math.IsNaN(q) {
				return false
			}
		}
		return true
	}
	return false
}
