package build

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, p, acceptEncoding string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, p, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServeTypesEncodingsAndCaching(t *testing.T) {
	dir, res := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, accept           string
		wantType, wantEncoding string
		wantCache              string
	}{
		{"/w/journey/en/", "gzip, deflate, br", "text/html; charset=utf-8", "br", "no-cache"},
		{"/w/journey/en/", "gzip", "text/html; charset=utf-8", "gzip", "no-cache"},
		{"/w/journey/en/", "br;q=0, gzip", "text/html; charset=utf-8", "gzip", "no-cache"},
		{"/w/journey/en/", "", "text/html; charset=utf-8", "", "no-cache"},
		{res.Assets["app.wasm"], "br", "application/wasm", "br", "public, max-age=31536000, immutable"},
		{res.Assets["waymark.css"], "br", "text/css; charset=utf-8", "br", "public, max-age=31536000, immutable"},
		{res.Assets["app.js"], "gzip", "text/javascript; charset=utf-8", "gzip", "public, max-age=31536000, immutable"},
		{"/app-worker.js", "gzip", "text/javascript; charset=utf-8", "gzip", "no-cache"},
		{"/embed.js", "br", "text/javascript; charset=utf-8", "br", "no-cache"},
		{"/manifest.webmanifest", "", "application/manifest+json; charset=utf-8", "", "no-cache"},
		{"/schema/journey.schema.json", "", "application/json; charset=utf-8", "", "no-cache"},
	}
	for _, tt := range tests {
		r := get(t, h, tt.path, tt.accept)
		if r.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", tt.path, r.StatusCode)
			continue
		}
		if got := r.Header.Get("Content-Type"); got != tt.wantType {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, got, tt.wantType)
		}
		if got := r.Header.Get("Content-Encoding"); got != tt.wantEncoding {
			t.Errorf("%s (Accept-Encoding %q): Content-Encoding %q, want %q", tt.path, tt.accept, got, tt.wantEncoding)
		}
		if got := r.Header.Get("Cache-Control"); got != tt.wantCache {
			t.Errorf("%s: Cache-Control %q, want %q", tt.path, got, tt.wantCache)
		}
		if !strings.Contains(r.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: no Vary: Accept-Encoding", tt.path)
		}
	}

	page := get(t, h, "/w/journey/en/", "")
	csp := page.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("widget page CSP %q does not confine loads to its own origin", csp)
	}
	if page.Header.Get("Set-Cookie") != "" {
		t.Error("the server sets a cookie")
	}

	// Paths are cleaned before they touch the disk, precompressed files are
	// only served through content negotiation, and missing files are 404.
	for _, p := range []string{"/../../../etc/passwd", "/w/journey/en/index.html.br", res.Assets["app.js"] + ".gz", "/nope"} {
		if r := get(t, h, p, "br"); r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, r.StatusCode)
		}
	}
	if r := get(t, h, "/w/journey/en", ""); r.StatusCode != http.StatusMovedPermanently || r.Header.Get("Location") != "/w/journey/en/" {
		t.Errorf("/w/journey/en: %d to %q, want a redirect to the slash form", r.StatusCode, r.Header.Get("Location"))
	}
	// A folder's redirect goes to the cleaned path on this origin: an
	// escaped slash must not turn it into an address of another host.
	for _, raw := range []string{"/%2fevil.example/..%2fw", "/%2F%2Fevil.example/../w", "/%5c%5cevil.example/../w", "//evil.example/../w"} {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080/", nil)
		req.URL.RawPath, req.URL.Path = raw, mustUnescape(t, raw)
		req.RequestURI = raw
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		loc := rec.Header().Get("Location")
		if loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\")) {
			t.Errorf("%s: redirects to %q, off this origin", raw, loc)
		}
		if rec.Code == http.StatusMovedPermanently && loc != "/w/" {
			t.Errorf("%s: redirects to %q, want /w/", raw, loc)
		}
	}
}

func mustUnescape(t *testing.T, raw string) string {
	t.Helper()
	p, err := url.PathUnescape(raw)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDemoIsPointedAtTheWidgetOrigin(t *testing.T) {
	dir, _ := built(t)
	h, err := DemoHandler(dir, "http://127.0.0.1:9999")
	if err != nil {
		t.Fatal(err)
	}
	r := get(t, h, "/", "br")
	body, _ := io.ReadAll(r.Body)
	if r.StatusCode != http.StatusOK || !strings.Contains(string(body), `src="http://127.0.0.1:9999/embed.js"`) {
		t.Fatalf("demo page (status %d) does not load the loader from the running widget origin", r.StatusCode)
	}
	if strings.Contains(string(body), testOrigin) {
		t.Error("demo page still names the origin it was built for")
	}
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-src http://127.0.0.1:9999") {
		t.Errorf("demo CSP %q does not allow the widget frames", csp)
	}
	if r := get(t, h, "/demo.css", ""); r.StatusCode != http.StatusOK {
		t.Errorf("demo stylesheet: status %d", r.StatusCode)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, enc string
		want        bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate, br", "gzip", true},
		{"br;q=0", "br", false},
		{"br; q=0.0, gzip", "br", false},
		{"brotli", "br", false},
		{"", "gzip", false},
		{"gzip;q=0.5", "gzip", true},
		{"br;Q=0", "br", false},
		{"br;q=0.0000, gzip", "br", false},
		{"br; q=0.001", "br", true},
		{"BR", "br", true},
		{"gzip;q=-1", "gzip", false},
		{"gzip;q=abc", "gzip", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.enc); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tt.header, tt.enc, got, tt.want)
		}
	}
}

func TestServeHidesWhatIsNotForReaders(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	// What a careless deploy leaves in the folder: dotfiles, and links
	// that point out of it or, later, anywhere.
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	plant := map[string]func(string) error{
		".env":             func(f string) error { return os.WriteFile(f, []byte("KEY=1"), 0o644) },
		".git/config":      func(f string) error { return os.WriteFile(f, []byte("[core]"), 0o644) },
		"w/.hidden.html":   func(f string) error { return os.WriteFile(f, []byte("<p>x"), 0o644) },
		"leak.txt":         func(f string) error { return os.Symlink(outside, f) },
		"alias.html":       func(f string) error { return os.Symlink(filepath.Join(dir, "404.html"), f) },
		"linked/index.css": func(f string) error { return os.Symlink(filepath.Dir(outside), filepath.Dir(f)) },
	}
	for name, make := range plant {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if name != "linked/index.css" {
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := make(f); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Remove(f) })
	}
	t.Cleanup(func() { os.RemoveAll(filepath.Join(dir, ".git")); os.Remove(filepath.Join(dir, "linked")) })
	for _, p := range []string{"/build.json", "/.env", "/.git/config", "/w/.hidden.html", "/leak.txt", "/alias.html", "/linked/secret.txt", "/linked/"} {
		r := get(t, h, p, "")
		body, _ := io.ReadAll(r.Body)
		if r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, r.StatusCode)
		}
		if strings.Contains(string(body), "secret") || strings.Contains(string(body), "KEY=") || strings.Contains(string(body), "[core]") {
			t.Errorf("%s: the answer shows the file: %.60q", p, body)
		}
	}
}

func TestServeNamesAndMeasuresWhatItSends(t *testing.T) {
	dir, res := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	etags := map[string]string{}
	for _, enc := range []string{"br", "gzip", ""} {
		for _, p := range []string{"/w/journey/en/", res.Assets["app.wasm"], "/embed.js"} {
			r := get(t, h, p, enc)
			io.Copy(io.Discard, r.Body)
			etag := r.Header.Get("ETag")
			if !strings.HasPrefix(etag, `"`) || len(etag) < 10 {
				t.Errorf("%s (%q): ETag %q", p, enc, etag)
				continue
			}
			if other, seen := etags[etag]; seen {
				t.Errorf("%s (%q) has the ETag of %s: a cache would mix encodings or files", p, enc, other)
			}
			etags[etag] = p + " " + enc
			// A returning reader's browser revalidates and gets no body.
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.Header.Set("Accept-Encoding", enc)
			req.Header.Set("If-None-Match", etag)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
				t.Errorf("%s (%q) revalidated: status %d with %d bytes, want 304 and none", p, enc, rec.Code, rec.Body.Len())
			}
			// Each answer says its length, compressed ones included.
			file := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(pageFileOr(p), "/")))
			if ext := map[string]string{"br": ".br", "gzip": ".gz"}[enc]; ext != "" {
				file += ext
			}
			info, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Header.Get("Content-Length"); got != strconv.FormatInt(info.Size(), 10) {
				t.Errorf("%s (%q): Content-Length %q, want %d", p, enc, got, info.Size())
			}
		}
	}
}

func pageFileOr(p string) string {
	if strings.HasSuffix(p, "/") {
		return pageFile(p)
	}
	return p
}

func TestServeLetsIsolatedHostPagesEmbed(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/embed.js", "/w/journey/en/", "/nope"} {
		r := get(t, h, p, "br")
		if got := r.Header.Get("Cross-Origin-Resource-Policy"); got != "cross-origin" {
			t.Errorf("%s: Cross-Origin-Resource-Policy %q, want cross-origin", p, got)
		}
	}
	if got := get(t, h, "/w/journey/en/", "").Header.Get("Cross-Origin-Embedder-Policy"); got != "require-corp" {
		t.Errorf("widget page: Cross-Origin-Embedder-Policy %q, want require-corp", got)
	}
}

// TestALanguageAWidgetLacksShowsItInEnglish: an address (or an embed
// code) that names a language the widget has no version in gets the
// English version, which says so, rather than a 404 in an article; the
// rest of the address (where it opens, its options) comes along.
func TestALanguageAWidgetLacksShowsItInEnglish(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		"/w/journey/de/?theme=dark": "/w/journey/en/?missing=de&theme=dark",
		"/w/glossary/pt-BR/":        "/w/glossary/en/?missing=pt-BR",
		"/w/checklist/zz/sources/":  "/w/checklist/en/sources/?missing=zz",
	} {
		r := get(t, h, p, "")
		if r.StatusCode != http.StatusFound || r.Header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 302 to %q", p, r.StatusCode, r.Header.Get("Location"), want)
		}
	}
	if r := get(t, h, "/w/journey/fr/", ""); r.StatusCode != http.StatusOK {
		t.Errorf("/w/journey/fr/: %d; a language the widget has is served, not redirected", r.StatusCode)
	}
}

func TestNotFoundSaysWhatExists(t *testing.T) {
	dir, _ := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/w/jurney/en/", "/w/journey/x_y/", "/w/journey/en/%3Cscript%3Ealert(1)%3C/script%3E"} {
		r := get(t, h, p, "")
		body, _ := io.ReadAll(r.Body)
		page := string(body)
		if r.StatusCode != http.StatusNotFound || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: status %d, type %q, want a 404 page", p, r.StatusCode, r.Header.Get("Content-Type"))
		}
		if !strings.Contains(page, "No such Waymark widget") || !strings.Contains(page, `href="/w/journey/en/"`) {
			t.Errorf("%s: the 404 page does not say what is wrong and what exists:\n%s", p, page)
		}
		if strings.Contains(page, "alert(") || strings.Contains(page, "jurney") || strings.Contains(page, "x_y") {
			t.Errorf("%s: the 404 page repeats the address asked for", p)
		}
		if len(body) > 4096 {
			t.Errorf("%s: the 404 page is %d bytes; an iframe that named a wrong widget should stay small", p, len(body))
		}
	}
}

// The folder a site is served from opens plain names within it only:
// never a name that a Windows path would read as climbing out or as a
// device, whatever system the server runs on.
func TestServedFolderOpensOnlyPlainNamesWithinIt(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := linkless{dir: dir, root: dir}
	if f, err := l.Open("page.html"); err != nil {
		t.Errorf("a file of the site does not open: %v", err)
	} else {
		f.Close()
	}
	bad := []string{`..\x`, `a\b`, "../page.html", "/page.html"}
	if runtime.GOOS != "windows" {
		// Here a backslash is a plain character: the files exist, and are
		// refused all the same, as the site is the same on every system.
		for _, name := range bad[:2] {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	} else {
		bad = append(bad, "CON", "NUL.html", "a:b")
	}
	for _, name := range bad {
		if f, err := l.Open(name); err == nil {
			f.Close()
			t.Errorf("%q opens", name)
		}
	}
}

// TestTraversalProbesFindNothing sends, as raw request lines no client
// cleans, the paths an attacker tries to climb out of the served folder
// with: dot segments plain, percent-encoded, double-encoded, overlong
// UTF-8, backslashes, NUL and path parameters. A file beside the folder
// must never be served, and every answer is a 404 or a 400.
func TestTraversalProbesFindNothing(t *testing.T) {
	dist, _ := built(t)
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	for _, name := range []string{"build.json", "404.html", "w/journey/en/index.html"} {
		b, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("SECRET-BESIDE-THE-SITE"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := SiteHandler(site)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = NewServer(h)
	srv.Start()
	t.Cleanup(srv.Close)
	probes := []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/w/../../secret.txt",
		"/w/journey/en/../../../../secret.txt",
		"/./../secret.txt",
		"//../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/.%2e/secret.txt",
		"/%2e./secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/w/%2e%2e%2f%2e%2e%2fsecret.txt",
		"/%252e%252e%252fsecret.txt",
		"/%c0%ae%c0%ae/secret.txt",
		"/%c0%ae%c0%ae%c0%afsecret.txt",
		"/..%5csecret.txt",
		"/..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/..%00/secret.txt",
		"/secret.txt%00.html",
		"/..;/secret.txt",
		"/....//secret.txt",
		"/%2fetc%2fpasswd",
		"/w/journey/en/index.html/../../../../secret.txt",
	}
	for _, p := range probes {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, srv.Listener.Addr())
		r, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			conn.Close()
			t.Errorf("%s: %v", p, err)
			continue
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		conn.Close()
		if strings.Contains(string(body), "SECRET-BESIDE-THE-SITE") || strings.Contains(string(body), "root:") {
			t.Errorf("%s: the answer shows a file outside the site", p)
		}
		if r.StatusCode != http.StatusNotFound && r.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 404 (or 400)", p, r.StatusCode)
		}
	}
}
