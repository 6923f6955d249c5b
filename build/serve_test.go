package build

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
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
		{"/app.js", "gzip", "text/javascript; charset=utf-8", "gzip", "no-cache"},
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
	for _, p := range []string{"/../../../etc/passwd", "/w/journey/en/index.html.br", "/app.js.gz", "/nope"} {
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
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.enc); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tt.header, tt.enc, got, tt.want)
		}
	}
}
