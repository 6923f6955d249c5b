//go:build browser

package widgets_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"waymark/build"
	"waymark/widgets"
)

// TestWidgetsOpenOffline is an educator's preparation for a room without
// Wi-Fi: one widget opened on its own, once, says when every widget in its
// language will open without a network; then, with the server stopped,
// every widget page and sources page in that language loads from this
// device, its app takes over, the charts draw, and a link from one widget
// to another still leads somewhere.
func TestWidgetsOpenOffline(t *testing.T) {
	t.Parallel()
	s := served(t)
	res := s.result(t)
	kept := res.Offline["en"]
	if len(kept) == 0 {
		t.Fatal("the build keeps nothing in English for use offline")
	}
	h, err := build.SiteHandler(s.dist)
	if err != nil {
		t.Fatal(err)
	}
	// A server of its own, which the test can stop.
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = build.NewServer(h)
	srv.Start()
	t.Cleanup(srv.Close)

	tb := open(t, srv.URL+widgets.Path(widgets.JourneyName, s.en()), tabOptions{width: 1280, height: 900})
	waitApp(tb)
	const note = `document.querySelector(".wm-offline")`
	shown := note + `.getClientRects().length > 0`
	if eval[bool](tb, shown+` && !document.documentElement.hasAttribute("data-offline")`) {
		t.Errorf("the page says it opens offline before anything is kept")
	}
	waitFor(tb, "the page to say every widget in English opens offline", `document.documentElement.hasAttribute("data-offline") && `+shown)
	if got := eval[string](tb, note+`.textContent`); !strings.Contains(got, s.en().UI.Offline) {
		t.Errorf("the offline line says %q, want %q", got, s.en().UI.Offline)
	}

	srv.CloseClientConnections()
	srv.Close()
	stopped := time.Now()
	goTo := func(u string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(tb.ctx, patience)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
			t.Fatalf("offline, opening %s: %v", u, err)
		}
	}
	pages := 0
	for _, p := range kept {
		if !strings.HasSuffix(p, "/") {
			continue // a file the pages load, checked through them
		}
		pages++
		goTo(srv.URL + p)
		if p == "/" {
			waitFor(tb, "the index, offline", `document.readyState === "complete" && document.querySelectorAll('a[href^="/w/"]').length > 0`)
		} else {
			waitFor(tb, "the app to take over "+p+", offline", `!!document.querySelector(".wm-app")`)
		}
		if p == widgets.Path(widgets.FiguresName, s.en()) {
			eval[bool](tb, `document.querySelector('.wm-chart[data-chart="rights-map"]').scrollIntoView(); true`)
			waitFor(tb, "the rights map drawn offline", `!!document.querySelector('.wm-chart[data-chart="rights-map"][data-drawn] svg')`)
		}
		t.Logf("offline: %s usable %v after the server stopped", p, time.Since(stopped).Round(time.Millisecond))
	}
	if pages < len(widgets.Kinds)*2 {
		t.Errorf("the build keeps %d pages in English for use offline, fewer than every widget's page and sources page (%d)", pages, len(widgets.Kinds)*2)
	}

	// From the journey, a technology's link to what the report asks.
	goTo(srv.URL + widgets.Path(widgets.JourneyName, s.en()))
	waitApp(tb)
	checklist := widgets.Path(widgets.ChecklistName, s.en())
	eval[bool](tb, `(() => { const a = document.querySelector('a[href^="`+checklist+`"]'); a.removeAttribute("target"); a.click(); return true; })()`)
	waitFor(tb, "the checklist, offline, from a link in the journey", `location.pathname === "`+checklist+`" && !!document.querySelector(".wm-checklist.wm-app")`)
	noConsoleErrors(tb, "offline")
}
