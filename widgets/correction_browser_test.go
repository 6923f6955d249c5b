//go:build browser

package widgets_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"waymark/build"
	"waymark/precompress"
	"waymark/widgets"
)

// TestCorrectionReachesAReturningReader rebuilds the site with one text
// corrected, as an editor fixing a claim would, while a reader's browser
// holds the first build in its service worker's cache. The correction must
// be what the reader sees at the next load, after the app has started, and
// at every load after.
func TestCorrectionReachesAReturningReader(t *testing.T) {
	s := served(t)
	t.Parallel()

	// The corrected content: the first technology's summary, changed
	// after its lead (which the summary must begin with).
	en := os.DirFS(filepath.Join("..", "data", "en"))
	corrected := fstest.MapFS{}
	tech := s.en().Journey.Stages[0].Technologies[0]
	old := strings.TrimSpace(strings.TrimPrefix(tech.Summary, tech.Lead))
	fixed := old + " Corrected."
	entries, err := os.ReadDir(filepath.Join("..", "data", "en"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(en, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "journey.json" {
			was, _ := json.Marshal(tech.Summary)
			now, _ := json.Marshal(tech.Lead + " " + fixed)
			if !strings.Contains(string(b), string(was)) {
				t.Fatalf("journey.json does not hold %s as written", was)
			}
			b = []byte(strings.Replace(string(b), string(was), string(now), 1))
		}
		corrected["en/"+e.Name()] = &fstest.MapFile{Data: b}
	}

	// The reader's origin serves the first build, then the second.
	live := t.TempDir()
	srv := httptest.NewUnstartedServer(nil)
	origin := "http://" + srv.Listener.Addr().String()
	second := t.TempDir()
	if _, err := build.Build(build.Options{Out: second, Origin: origin, ECharts: os.Getenv("WAYMARK_ECHARTS"),
		Compression: precompress.Fast, Data: corrected}); err != nil {
		t.Fatalf("building the corrected site: %v", err)
	}
	if err := os.CopyFS(live, os.DirFS(s.dist)); err != nil {
		t.Fatal(err)
	}
	h, err := build.SiteHandler(live)
	if err != nil {
		t.Fatal(err)
	}
	srv.Config = build.NewServer(h)
	srv.Start()
	t.Cleanup(srv.Close)

	page := origin + widgets.Path(widgets.JourneyName, s.en())
	shows := func(tb *tab) string {
		return eval[string](tb, `document.querySelector(".wm-app").textContent`)
	}
	tb := open(t, page, tabOptions{})
	waitApp(tb)
	waitFor(tb, "the service worker to be ready", `navigator.serviceWorker.ready.then(() => true)`)
	reload(tb)
	waitApp(tb)
	waitFor(tb, "the service worker to control the page", `!!navigator.serviceWorker.controller`)
	if !strings.Contains(shows(tb), old) {
		t.Fatalf("the first build does not show %q", old)
	}

	if err := os.RemoveAll(live); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(live, os.DirFS(second)); err != nil {
		t.Fatal(err)
	}
	for load := 1; load <= 3; load++ {
		reload(tb)
		waitApp(tb)
		settle(tb)
		text := shows(tb)
		if !strings.Contains(text, fixed) {
			t.Errorf("load %d after the correction: the app does not show the corrected summary %.50q…", load, fixed)
		}
		if strings.Contains(strings.ReplaceAll(text, fixed, ""), old) {
			t.Errorf("load %d after the correction: the old text is still on screen", load)
		}
	}
	noConsoleErrors(tb, "correction")
}

// reload reloads the tab, as a reader coming back to the page would.
func reload(tb *tab) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, patience)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		tb.t.Fatalf("reloading: %v", err)
	}
}
