package workshop

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/skip2/go-qrcode"
	xhtml "golang.org/x/net/html"

	"waymark/build"
	"waymark/precompress"
)

var (
	binOnce sync.Once
	binTmp  string
	binPath string
	binSite string
	binRes  *build.Result
	binErr  error
)

// binary builds the site at the fast compression level, as build's tests
// do, and the workshop binary for this machine with it inside, once for
// every test that runs it.
func binary(t *testing.T) (bin, siteDir string, res *build.Result) {
	t.Helper()
	binOnce.Do(func() {
		if binTmp, binErr = os.MkdirTemp("", "waymark-workshop-test"); binErr != nil {
			return
		}
		binSite = filepath.Join(binTmp, "site")
		binRes, binErr = build.Build(build.Options{Out: binSite, Origin: Origin, ECharts: testECharts(), Compression: precompress.Fast})
		if binErr != nil {
			return
		}
		var bins []string
		bins, binErr = compile(binSite, filepath.Join(binTmp, "bin"), []Platform{{runtime.GOOS, runtime.GOARCH}}, nil)
		if binErr == nil {
			binPath = bins[0]
		}
	})
	if binErr != nil {
		t.Fatalf("building the workshop binary: %v", binErr)
	}
	return binPath, binSite, binRes
}

// testECharts is the ECharts make test installs, or build's stand-in when
// a plain go test runs without it: only a browser runs ECharts.
func testECharts() string {
	if p := os.Getenv("WAYMARK_ECHARTS"); p != "" {
		return p
	}
	return filepath.Join("..", "build", "testdata", "echarts")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binTmp != "" {
		os.RemoveAll(binTmp)
	}
	os.Exit(code)
}

// output collects what a process writes, for polling while it runs.
type output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *output) Write(b []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(b)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

var servingAt = regexp.MustCompile(`serving the widgets at (http://\S+)/\n`)

// start runs the binary with args until the test ends and returns the
// origin it says it serves, and what it printed.
func start(t *testing.T, bin string, args ...string) (string, *output) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	out := &output{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting the workshop binary: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	const wait = 30 * time.Second
	deadline := time.After(wait)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if m := servingAt.FindStringSubmatch(out.String()); m != nil {
			return m[1], out
		}
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("the workshop binary %v exited (%v) without saying where it serves; it printed:\n%s", args, err, out)
		case <-deadline:
			t.Fatalf("the workshop binary %v printed no \"serving the widgets at\" line within %v; it printed:\n%s", args, wait, out)
		case <-tick.C:
		}
	}
}

// run runs the binary with args, which should make it refuse to start,
// and returns its exit status and what it printed.
func run(t *testing.T, bin string, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the workshop binary %v was still running after 20s instead of refusing to start; it printed:\n%s", args, out)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running the workshop binary: %v", err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

// fetch GETs u asking for encoding (none: identity) and returns the
// answer with its body decoded.
func fetch(t *testing.T, u, encoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Set, even empty, so the client neither asks for gzip nor decodes it.
	req.Header.Set("Accept-Encoding", encoding)
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer r.Body.Close()
	var body io.Reader = r.Body
	switch r.Header.Get("Content-Encoding") {
	case "br":
		body = brotli.NewReader(r.Body)
	case "gzip":
		if body, err = gzip.NewReader(r.Body); err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("GET %s: reading the body: %v", u, err)
	}
	return r, b
}

func TestServesTheSiteAndItsPrintablePage(t *testing.T) {
	bin, siteDir, res := binary(t)
	origin, out := start(t, bin, "-addr", "127.0.0.1:0")
	placeholder := strings.TrimPrefix(Origin, "http://")

	for _, p := range res.Pages {
		r, body := fetch(t, origin+p, "br")
		if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("%s: status %d, Content-Type %q, want 200 and a page", p, r.StatusCode, r.Header.Get("Content-Type"))
			continue
		}
		// The site's own headers, as the real site sends them.
		if r.Header.Get("Content-Encoding") != "br" || !strings.Contains(r.Header.Get("Content-Security-Policy"), "default-src 'self'") ||
			r.Header.Get("Cross-Origin-Embedder-Policy") != "require-corp" || r.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: not the headers of the site: %v", p, r.Header)
		}
		if bytes.Contains(body, []byte(placeholder)) {
			t.Errorf("%s: still names %s, the origin it was built for, which no phone can open", p, placeholder)
		}
		if _, widget := res.Embeds[p]; widget && !bytes.Contains(body, []byte(`"`+origin+p+`"`)) {
			t.Errorf("%s: does not name its own address %s (link previews, the embed codes)", p, origin+p)
		}
	}
	// Every encoding of a page is pointed at the address served.
	for _, enc := range []string{"gzip", ""} {
		r, body := fetch(t, origin+"/w/journey/en/", enc)
		if r.StatusCode != http.StatusOK || r.Header.Get("Content-Encoding") != enc || !bytes.Contains(body, []byte(origin+"/w/journey/en/")) || bytes.Contains(body, []byte(placeholder)) {
			t.Errorf("/w/journey/en/ (Accept-Encoding %q): status %d, Content-Encoding %q, not pointed at %s", enc, r.StatusCode, r.Header.Get("Content-Encoding"), origin)
		}
	}
	// And so is every other file that named the origin (oEmbed answers,
	// the demo); build.json is not for readers.
	err := filepath.WalkDir(siteDir, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !build.FormatOf(file).Text || strings.HasSuffix(file, ".br") || strings.HasSuffix(file, ".gz") {
			return err
		}
		rel, _ := filepath.Rel(siteDir, file)
		p := "/" + filepath.ToSlash(rel)
		if b, err := os.ReadFile(file); err != nil || !bytes.Contains(b, []byte(placeholder)) || p == "/build.json" || strings.HasPrefix(p, "/_headers") || strings.HasPrefix(p, "/hosting/") {
			return err
		}
		if r, body := fetch(t, origin+strings.TrimSuffix(p, "index.html"), "br"); r.StatusCode != http.StatusOK || bytes.Contains(body, []byte(placeholder)) {
			t.Errorf("%s: status %d; still names %s: %v", p, r.StatusCode, placeholder, bytes.Contains(body, []byte(placeholder)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The oEmbed endpoint answers for the address served.
	if r, body := fetch(t, origin+"/oembed?url="+url.QueryEscape(origin+"/w/journey/en/"), ""); r.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(origin+"/w/journey/en/")) {
		t.Errorf("/oembed for %s/w/journey/en/: status %d: %.200s", origin, r.StatusCode, body)
	}

	for _, tt := range []struct{ p, typ, enc, cache string }{
		{res.Assets["waymark.css"], "text/css; charset=utf-8", "br", "public, max-age=31536000, immutable"},
		{res.Assets["app.wasm"], "application/wasm", "br", "public, max-age=31536000, immutable"},
		{"/embed.js", "text/javascript; charset=utf-8", "br", "no-cache"},
	} {
		r, _ := fetch(t, origin+tt.p, "br")
		if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != tt.typ || r.Header.Get("Content-Encoding") != tt.enc || r.Header.Get("Cache-Control") != tt.cache {
			t.Errorf("%s: status %d, Content-Type %q, Content-Encoding %q, Cache-Control %q; want 200, %q, %q, %q", tt.p,
				r.StatusCode, r.Header.Get("Content-Type"), r.Header.Get("Content-Encoding"), r.Header.Get("Cache-Control"), tt.typ, tt.enc, tt.cache)
		}
	}

	// The terminal gives the address in words and as a code, and says a
	// loopback address is out of the phones' reach.
	address := origin + "/"
	qr, err := qrcode.New(address, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	printed := out.String()
	if !strings.Contains(printed, qr.ToSmallString(false)) {
		t.Errorf("the terminal shows no QR code of %s:\n%s", address, printed)
	}
	if !strings.Contains(printed, "phones cannot reach it") {
		t.Errorf("serving on 127.0.0.1, the terminal does not say that phones cannot reach it:\n%s", printed)
	}
	if !strings.Contains(printed, origin+pagePath) {
		t.Errorf("the terminal does not name the printable page %s:\n%s", origin+pagePath, printed)
	}

	checkPrintablePage(t, origin, qr)
}

// checkPrintablePage: the page gives the address in words and as a code
// with the address as its text, and loads nothing from another origin.
func checkPrintablePage(t *testing.T, origin string, qr *qrcode.QRCode) {
	address := origin + "/"
	r, body := fetch(t, origin+"/workshop", "")
	if r.StatusCode != http.StatusOK || r.Request.URL.Path != pagePath || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("%s: status %d at %s, Content-Type %q; want the printable page", origin+"/workshop", r.StatusCode, r.Request.URL, r.Header.Get("Content-Type"))
	}
	doc, err := xhtml.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var imgAlt, imgSrc, text string
	var loads []string
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			text += n.Data
		}
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" {
				loads = append(loads, a.Val)
			}
			if n.Data == "img" && a.Key == "alt" {
				imgAlt = a.Val
			}
			if n.Data == "img" && a.Key == "src" {
				imgSrc = a.Val
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !strings.Contains(text, address) {
		t.Errorf("the printable page does not give the address %s in words", address)
	}
	if !strings.Contains(imgAlt, address) {
		t.Errorf("the QR code's text alternative is %q; want the address %s", imgAlt, address)
	}
	for _, l := range loads {
		if !strings.HasPrefix(l, "/") || strings.HasPrefix(l, "//") {
			t.Errorf("the printable page names %q, not a path of its own origin", l)
			continue
		}
		if r, _ := fetch(t, origin+l, ""); r.StatusCode != http.StatusOK {
			t.Errorf("the printable page names %s: status %d", l, r.StatusCode)
		}
	}
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("the printable page's Content-Security-Policy %q allows loads by default", csp)
	}
	css := ""
	for _, l := range loads {
		if strings.HasSuffix(l, ".css") {
			r, b := fetch(t, origin+l, "")
			if r.Header.Get("Content-Type") != "text/css; charset=utf-8" {
				t.Errorf("%s: Content-Type %q", l, r.Header.Get("Content-Type"))
			}
			css += string(b)
		}
	}
	if !strings.Contains(css, "@media print") {
		t.Error("the printable page has no print stylesheet")
	}

	r, svg := fetch(t, origin+imgSrc, "")
	if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "image/svg+xml; charset=utf-8" {
		t.Fatalf("%s: status %d, Content-Type %q; want the QR code as an SVG", imgSrc, r.StatusCode, r.Header.Get("Content-Type"))
	}
	if got, want := svgModules(t, svg, len(qr.Bitmap())), qr.Bitmap(); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("the QR code on the page is not the code of %s", address)
	}
}

var svgRun = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// svgModules reads back the dark modules of a QR code qrSVG drew.
func svgModules(t *testing.T, svg []byte, n int) [][]bool {
	bits := make([][]bool, n)
	for i := range bits {
		bits[i] = make([]bool, n)
	}
	for _, m := range svgRun.FindAllSubmatch(svg, -1) {
		x, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.Atoi(string(m[2]))
		w, _ := strconv.Atoi(string(m[3]))
		if y >= n || x+w > n {
			t.Fatalf("the QR code draws outside its %d×%d modules: %s", n, n, m[0])
		}
		for i := x; i < x+w; i++ {
			bits[y][i] = true
		}
	}
	return bits
}

func TestRefusesToStartWithoutAnAddress(t *testing.T) {
	bin, _, _ := binary(t)
	for _, args := range [][]string{nil, {"-addr", "0.0.0.0:8080"}, {"-addr", ":8080"}} {
		code, out := run(t, bin, args...)
		if code == 0 {
			t.Errorf("%v: exit status 0; it should refuse to start", args)
		}
		// It names the flag and shows how to choose: the command for each
		// of this computer's addresses, or that it has none yet.
		if !strings.Contains(out, "-addr") || !strings.Contains(out, bin+" -addr ") && !strings.Contains(out, "(none: ") {
			t.Errorf("%v: the refusal does not say how to choose an address:\n%s", args, out)
		}
		if !strings.Contains(out, "127.0.0.1:8080 works too, but only on this computer: phones cannot reach it") {
			t.Errorf("%v: the refusal does not say that loopback works for this computer only:\n%s", args, out)
		}
	}
}

func TestRefusesAnAddressItCannotBind(t *testing.T) {
	bin, _, _ := binary(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for _, addr := range []string{taken.Addr().String(), notHere(t) + ":8080"} {
		code, out := run(t, bin, "-addr", addr)
		if code == 0 || !strings.Contains(out, "cannot serve on -addr "+addr) {
			t.Errorf("-addr %s: exit status %d; want a refusal that names the address:\n%s", addr, code, out)
		}
	}
}

// TestABinaryWithoutTheSiteRefusesToStart: what go test compiles has
// only the placeholder, as a plain go build has.
func TestABinaryWithoutTheSiteRefusesToStart(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Main([]string{"waymark-workshop", "-addr", "127.0.0.1:0"}, &stdout, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "holds no site") || !strings.Contains(stderr.String(), "make workshop") {
		t.Errorf("exit status %d; want a refusal that says how to build the binary with the site:\n%s%s", code, stdout.String(), stderr.String())
	}
}

func TestParseAddr(t *testing.T) {
	for _, tt := range []struct {
		addr, host, port string // host "": refused
	}{
		{"192.168.1.20:8081", "192.168.1.20", "8081"},
		{"192.168.1.20", "192.168.1.20", DefaultPort},
		{"[fe80::1]:80", "fe80::1", "80"},
		{"laptop.local:8080", "laptop.local", "8080"},
		{"Laptop.Local:8080", "laptop.local", "8080"}, // as a browser shows it
		{":8080", "", ""},
		{"0.0.0.0:8080", "", ""},
		{"[::]:8080", "", ""},
		{"192.168.1.20:80808", "", ""},
		{`a"b:8080`, "", ""},
		{"[fe80::1%eth0]:8080", "", ""},
	} {
		host, port, err := parseAddr(tt.addr)
		if tt.host == "" && err == nil {
			t.Errorf("parseAddr(%q) = %q, %q; want a refusal", tt.addr, host, port)
		}
		if tt.host != "" && (err != nil || host != tt.host || port != tt.port) {
			t.Errorf("parseAddr(%q) = %q, %q, %v; want %q, %q", tt.addr, host, port, err, tt.host, tt.port)
		}
	}
}

// notHere is an IPv4 address this computer does not have: one of those
// reserved for documentation (RFC 5737), which a test network may use.
func notHere(t *testing.T) string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, ip := range []string{"192.0.2.1", "198.51.100.1", "203.0.113.1"} {
		if !slices.ContainsFunc(addrs, func(a net.Addr) bool { n, ok := a.(*net.IPNet); return ok && n.IP.Equal(net.ParseIP(ip)) }) {
			return ip
		}
	}
	t.Fatal("this computer has every address reserved for documentation")
	return ""
}
