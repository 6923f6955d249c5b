package build

import (
	"slices"

	"waymark/widgets"
)

// serviceWorker is the worker go-app's app.js registers at /app-worker.js,
// in place of go-app's own, which answers every address from its cache
// first: after a rebuild a returning reader got the old app back, and with
// it the old text, until the second reload.
//
// It installs with what precached lists; what a language keeps for
// offline use (res.Offline) it fetches when a page in that language asks.
func serviceWorker(res *Result) ([]byte, error) {
	precache := precached(res)
	src, err := fill("worker.js", readWeb("worker.js"), map[string]any{
		`"WAYMARK_VERSION"`: res.Version,
		"WAYMARK_PRECACHE":  precache,
		"WAYMARK_LANGUAGES": res.Offline,
	})
	if err != nil {
		return nil, err
	}
	return minifyAs("app-worker.js", src)
}

// precached is what the service worker installs with: what every page
// loads, and every stylesheet, which are few and small, so that a page of
// any kind opens offline whichever the reader opened first.
func precached(res *Result) []string {
	names := append([]string{"start.js", "app.js", "wasm_exec.js", "app.wasm", "height.js", "options.js", "offline.js", "icon.svg"}, styleNames()...)
	var files []string
	for _, name := range names {
		files = append(files, res.Assets[name])
	}
	files = append(files, "/manifest.webmanifest")
	slices.Sort(files)
	return files
}

// offlineSets lists, by language, what the service worker keeps for a
// workshop without a network once a page in that language has been opened
// on its own: every widget page, sources page and set of slides in the
// language, the checklist's comparison of groups (a facilitator compares
// in the room, with no network), the index every language shares (the
// address participants are given), the charts' options in the language
// and ECharts. The files every page loads are in the worker's install
// list already.
func offlineSets(pages []widgets.Page, charts map[string]map[string]string, echarts string) map[string][]string {
	sets := map[string][]string{}
	for lang, byID := range charts {
		set := []string{"/", echarts}
		for _, p := range pages {
			if p.Lang == lang && p.Kind != nil {
				set = append(set, p.Path)
			}
		}
		for _, c := range byID {
			set = append(set, c)
		}
		slices.Sort(set)
		sets[lang] = set
	}
	return sets
}
