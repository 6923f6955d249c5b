package build

import (
	"net"
	"net/http"
	"slices"
	"sync"
	"time"
)

// MaxConns is how many connections a server keeps open at once before it
// closes the oldest that hold no request in progress: far more than the
// readers of one campaign page open, and far below the file limit a flood
// of idle connections would otherwise exhaust.
const MaxConns = 1024

// NewServer returns an http.Server for h that one client cannot take down:
// a client that sends its request slowly, reads its answer slowly or keeps
// connections open and silent is cut off after a bound, and when MaxConns
// connections are open the oldest idle ones make room for new readers.
//
// The write bound leaves a reader on a slow mobile connection (about 250
// kbit/s) time to fetch the wasm, the largest file, whole.
func NewServer(h http.Handler) *http.Server {
	g := &connGuard{max: MaxConns, conns: map[net.Conn]*connInfo{}}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       30 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ConnState:         g.track,
	}
}

// connGuard follows every connection's state and, past max, closes the
// oldest connections that are not serving a request.
type connGuard struct {
	max   int
	mu    sync.Mutex
	conns map[net.Conn]*connInfo
}

type connInfo struct {
	active bool
	since  time.Time
}

func (g *connGuard) track(c net.Conn, state http.ConnState) {
	var victims []net.Conn
	g.mu.Lock()
	switch state {
	case http.StateNew:
		g.conns[c] = &connInfo{since: time.Now()}
		victims = g.overflow(c)
	case http.StateActive:
		if ci := g.conns[c]; ci != nil {
			ci.active = true
		}
	case http.StateIdle:
		if ci := g.conns[c]; ci != nil {
			ci.active, ci.since = false, time.Now()
		}
	case http.StateHijacked, http.StateClosed:
		delete(g.conns, c)
	}
	g.mu.Unlock()
	// Closed outside the lock: each one's own goroutine reports it closed.
	for _, v := range victims {
		v.Close()
	}
}

// overflow picks, oldest first, the connections beyond max that hold no
// request in progress, sparing the one just accepted.
func (g *connGuard) overflow(newest net.Conn) []net.Conn {
	excess := len(g.conns) - g.max
	if excess <= 0 {
		return nil
	}
	var idle []net.Conn
	for c, ci := range g.conns {
		if !ci.active && c != newest {
			idle = append(idle, c)
		}
	}
	slices.SortFunc(idle, func(a, b net.Conn) int { return g.conns[a].since.Compare(g.conns[b].since) })
	if len(idle) > excess {
		idle = idle[:excess]
	}
	for _, c := range idle {
		delete(g.conns, c)
	}
	return idle
}
