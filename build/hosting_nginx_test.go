//go:build browser

package build

// This check runs a real nginx, which make test installs from Debian and
// names in WAYMARK_NGINX; it carries the browser tag with the other checks
// that need what make test installs.

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// nginx, configured with nothing but the hosting files the build wrote,
// serves every file of the site with the headers build serve sends, and
// keeps what is not for readers to itself.
func TestNginxServesWhatServeSends(t *testing.T) {
	bin := os.Getenv("WAYMARK_NGINX")
	if bin == "" {
		t.Fatal("WAYMARK_NGINX is not set: run make test, which installs nginx from Debian and sets it")
	}
	dir, _ := built(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	prefix := t.TempDir()
	user := ""
	if os.Geteuid() == 0 {
		// As root, nginx's workers would run as nobody, who cannot read the
		// test's private folders.
		user = "user root;"
	}
	conf := fmt.Sprintf(`%s
worker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log;
events {}
http {
    access_log off;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    include %[3]s;
    server {
        listen %[4]s;
        root %[5]s;
        include %[6]s;
    }
}
`, user, prefix, filepath.Join(dir, "hosting", "nginx-http.conf"), addr, dir, filepath.Join(dir, "hosting", "nginx-server.conf"))
	confFile := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	// Output to a file, not a pipe: a worker outliving its master would
	// hold a pipe open, and Wait with it.
	log, err := os.Create(filepath.Join(prefix, "out.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	cmd := exec.Command(bin, "-p", prefix, "-c", confFile, "-g", "daemon off;")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	// SIGTERM: nginx's master stops its workers, then itself.
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() })
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			b, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			o, _ := os.ReadFile(log.Name())
			t.Fatalf("nginx never listened on %s:\n%s\n%s", addr, o, b)
		}
	}

	site, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	compare := func(p string, names ...string) {
		t.Helper()
		for _, enc := range []string{"", "gzip"} {
			req, _ := http.NewRequest(http.MethodGet, "http://"+addr+p, nil)
			if enc != "" {
				req.Header.Set("Accept-Encoding", enc)
			}
			res, err := client.Do(req)
			if err != nil {
				t.Fatalf("%s from nginx: %v", p, err)
			}
			res.Body.Close()
			want := httptest.NewRecorder()
			r := httptest.NewRequest(http.MethodGet, p, nil)
			if enc != "" {
				r.Header.Set("Accept-Encoding", enc)
			}
			site.ServeHTTP(want, r)
			if res.StatusCode != want.Code {
				t.Errorf("%s (%q): nginx answers %d, build serve %d", p, enc, res.StatusCode, want.Code)
				continue
			}
			for _, k := range names {
				if got, w := res.Header.Get(k), want.Header().Get(k); got != w {
					t.Errorf("%s (%q): %s is %q from nginx, %q from build serve", p, enc, k, got, w)
				}
			}
		}
	}
	files := servedFiles(t, dir)
	for _, p := range files {
		compare(p, append([]string{"Content-Type", "Content-Encoding"}, managedHeaders...)...)
	}
	for _, p := range []string{"/build.json", headersFile, nginxServerFile, "/w/journey/en/index.html.br", "/.env", "/w/nothing/"} {
		compare(p)
	}
	if len(files) < 20 {
		t.Fatalf("compared %d files; the check would prove little", len(files))
	}
}
