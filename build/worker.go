package build

import "slices"

// serviceWorker is the worker go-app's app.js registers at /app-worker.js,
// in place of go-app's own, which answers every address from its cache
// first: after a rebuild a returning reader got the old app back, and with
// it the old text, until the second reload.
func serviceWorker(res *Result) ([]byte, error) {
	precache := []string{}
	for _, name := range []string{"app.js", "wasm_exec.js", "app.wasm", "waymark.css", "height.js", "options.js", "icon.svg"} {
		precache = append(precache, res.Assets[name])
	}
	precache = append(precache, "/manifest.webmanifest")
	slices.Sort(precache)
	src, err := fill("worker.js", readWeb("worker.js"), map[string]any{
		`"WAYMARK_VERSION"`: res.Version,
		"WAYMARK_PRECACHE":  precache,
	})
	if err != nil {
		return nil, err
	}
	return minifyAs("app-worker.js", src)
}
