package build

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"testing"
	"time"
)

// startServer serves the built site with the server the command runs.
func startServer(t *testing.T) (*httptest.Server, *Result) {
	t.Helper()
	dir, res := built(t)
	h, err := SiteHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config = NewServer(h)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, res
}

// A thousand readers at once, each fetching a page, the loader and the
// wasm in turn, all get whole answers. Loopback only, and bounded: each
// client makes three requests.
func TestServerHoldsAThousandConcurrentClients(t *testing.T) {
	srv, res := startServer(t)
	paths := []string{"/w/journey/en/", "/embed.js", res.Assets["app.wasm"]}
	const clients = 1000
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		errs  []error
		times []time.Duration
	)
	start := make(chan struct{})
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 2 * time.Minute}
			defer c.CloseIdleConnections()
			<-start
			for k := range len(paths) {
				p := paths[(i+k)%len(paths)]
				req, _ := http.NewRequest(http.MethodGet, srv.URL+p, nil)
				req.Header.Set("Accept-Encoding", "br")
				began := time.Now()
				resp, err := c.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = errors.New(resp.Status)
					}
				}
				mu.Lock()
				times = append(times, time.Since(began))
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	slices.Sort(times)
	t.Logf("%d clients, %d requests: p50 %v, p99 %v, %d errors", clients, len(times),
		times[len(times)/2].Round(time.Millisecond), times[len(times)*99/100].Round(time.Millisecond), len(errs))
	if len(errs) > 0 {
		t.Errorf("%d of %d requests failed, first: %v", len(errs), len(times), errs[0])
	}
}

// Thousands of connections that never send a request cannot crowd out a
// reader: the server closes the oldest of them and answers a fresh request
// at once.
func TestServerAnswersWhileThousandsOfConnectionsSitIdle(t *testing.T) {
	srv, _ := startServer(t)
	addr := srv.Listener.Addr().String()
	const idle = 3 * MaxConns
	var conns []net.Conn
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})
	for range idle {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("opening idle connection %d: %v", len(conns)+1, err)
		}
		conns = append(conns, c)
	}
	c := &http.Client{Timeout: 10 * time.Second}
	began := time.Now()
	resp, err := c.Get(srv.URL + "/w/journey/en/")
	if err != nil {
		t.Fatalf("with %d idle connections open, a fresh request failed: %v", idle, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("with %d idle connections open, a fresh request got %s", idle, resp.Status)
	}
	t.Logf("with %d idle connections open, a fresh request took %v", idle, time.Since(began).Round(time.Millisecond))

	// The server closed the oldest silent ones; the rest it still holds.
	deadline := time.Now().Add(2 * time.Second)
	closed := 0
	for _, c := range conns {
		c.SetReadDeadline(deadline)
		if _, err := c.Read(make([]byte, 1)); err != nil && !errors.Is(err, os.ErrDeadlineExceeded) {
			closed++
		}
	}
	if want := idle - MaxConns; closed < want {
		t.Errorf("the server closed %d of %d silent connections, want at least %d: it holds more than MaxConns (%d)", closed, idle, want, MaxConns)
	}
}
