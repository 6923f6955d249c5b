package build

import "fmt"

// appStarter is web/start.js, which starts go-app's scripts once the page
// has loaded and the browser is idle, with their fingerprinted addresses:
// the page names it, not them, so they are off its critical path.
func appStarter(wasmExec, appJS string) ([]byte, error) {
	src, err := fill("start.js", readWeb("start.js"), map[string]any{
		"WAYMARK_APP_SCRIPTS": []string{wasmExec, appJS},
	})
	if err != nil {
		return nil, err
	}
	b, err := minifyAs("start.js", src)
	if err != nil {
		return nil, fmt.Errorf("minifying web/start.js: %w", err)
	}
	return b, nil
}
