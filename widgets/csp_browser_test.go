//go:build browser

package widgets_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"waymark/data"
	"waymark/widgets"
)

// TestNoPageBreaksItsContentSecurityPolicy opens every English page under
// the policy the server sends it, and every kind embedded through the div
// code in an article whose policy allows the widget origin and nothing
// else: neither may cause a single violation. A blocked inline script or
// style need not break anything a check looks at, and Chromium reports it
// in its log, which the console checks do not see.
func TestNoPageBreaksItsContentSecurityPolicy(t *testing.T) {
	t.Parallel()
	s := served(t)
	pages := 0
	for _, p := range widgets.Pages(s.contents) {
		if p.Lang != data.Base && p.Kind != nil {
			continue
		}
		pages++
		u := s.origin + p.Path
		tb, violations := openWatchingCSP(t, u)
		waitAcrossNavigation(tb, "the page", `document.readyState === "complete"`)
		if p.Path != "/" {
			waitApp(tb)
		}
		// Everything a page loads late (the figures' charts) loads once
		// it is in view: each is brought there and drawn.
		for i := range eval[int](tb, shownCharts+`.length`) {
			eval[bool](tb, fmt.Sprintf(shownCharts+`[%d].scrollIntoView(); true`, i))
			waitFor(tb, fmt.Sprintf("chart %d to be drawn", i+1), fmt.Sprintf(shownCharts+`[%d].hasAttribute("data-drawn")`, i))
		}
		settle(tb)
		for _, v := range violations() {
			t.Errorf("%s: %s", u, v)
		}
		noConsoleErrors(tb, u)
	}
	for _, k := range widgets.Kinds {
		frame := s.url(k.Name, s.en())
		code := widgets.EmbedCodes(s.origin, &k, s.en(), nil, k.Fit).Div
		where := k.Name + " embedded in an article allowing only the widget origin"
		tb, violations := openWatchingCSP(t, s.hostPage(t, code, strictCSP(s.origin)))
		// The tab comes from about:blank: on a busy machine the first poll
		// can still be sent to that page's context, which is gone.
		waitAcrossNavigation(tb, "the article", `document.readyState === "complete"`)
		eval[bool](tb, `document.querySelector("figure").scrollIntoView(); true`)
		frameWaitApp(tb, frame)
		for i := range frameEval[int](tb, frame, shownCharts+`.length`) {
			// The host page scrolls: the frame is as tall as its content.
			at := frameEval[float64](tb, frame, fmt.Sprintf(shownCharts+`[%d].getBoundingClientRect().top`, i))
			eval[bool](tb, fmt.Sprintf(`scrollTo(0, document.querySelector(%s).getBoundingClientRect().top + scrollY + %f - 100); true`, frameSel(frame), at))
			frameWait(tb, frame, fmt.Sprintf("chart %d to be drawn", i+1), fmt.Sprintf(shownCharts+`[%d].hasAttribute("data-drawn")`, i))
		}
		settle(tb)
		for _, v := range violations() {
			t.Errorf("%s: %s", where, v)
		}
		noConsoleErrors(tb, where)
	}
	t.Logf("%d pages and %d embeds under their policies", pages, len(widgets.Kinds))
}

// openWatchingCSP opens u in a new tab that records every violation of a
// Content-Security-Policy Chromium reports, in the page or its frames.
func openWatchingCSP(t *testing.T, u string) (*tab, func() []string) {
	t.Helper()
	tb := open(t, "about:blank", tabOptions{})
	var mu sync.Mutex
	var seen []string
	if err := chromedp.Listen(tb.ctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && e.Entry.Source == cdplog.EntrySourceSecurity && strings.Contains(e.Entry.Text, "Content Security Policy") {
			where := e.Entry.URL
			if e.Entry.LineNumber > 0 {
				where += fmt.Sprintf(":%d", e.Entry.LineNumber)
			}
			mu.Lock()
			seen = append(seen, fmt.Sprintf("%s (%s)", e.Entry.Text, where))
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	return tb, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}
