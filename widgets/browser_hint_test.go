//go:build !browser

package widgets

import "testing"

// The real-browser checks (*_browser_test.go) build the whole site and
// drive Chromium; they need the browser build tag and what make test
// installs. This says so in a plain go test run instead of passing
// silently without them.
func TestBrowserChecks(t *testing.T) {
	t.Skip("the real-browser checks are not in this run: make test runs them (go test -tags browser, with Chromium, axe-core and ECharts installed)")
}
