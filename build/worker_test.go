package build

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"waymark/data"
	"waymark/widgets"
)

// offlineBudget bounds what a device stores for a workshop in one
// language: the worker's install list and the language's offline set, as
// the browser keeps them (uncompressed). The wasm is most of it.
const offlineBudget = 12 << 20

// offlineBytes is what a device stores, and what it downloads (brotli),
// for one language kept for use offline.
func offlineBytes(t testing.TB, dir string, res *Result, lang string) (stored, transferred int) {
	t.Helper()
	files := append(slices.Clone(res.Offline[lang]), precached(res)...)
	for _, p := range files {
		if strings.HasSuffix(p, "/") {
			p = pageFile(p)
		}
		stored += len(readDist(t, dir, p))
		transferred += len(readDist(t, dir, p+".br"))
	}
	return stored, transferred
}

// A page opened on its own in a language has the worker keep every widget
// page and sources page in it, the slides, the checklist's comparison of
// groups, the index, its charts' options and ECharts,
// and nothing of another language; the whole stays within the budget.
func TestEachLanguageKeepsEveryWidgetForUseOffline(t *testing.T) {
	dir, res := built(t)
	worker := string(readDist(t, dir, "/app-worker.js"))
	contents := data.Embedded()
	for _, lang := range data.Languages(contents) {
		set := res.Offline[lang]
		want := []string{"/", res.Assets["echarts.js"]}
		for _, name := range widgets.Presentable {
			want = append(want, widgets.PresentPath(name, contents[lang]))
		}
		want = append(want, widgets.ComparePath(contents[lang]))
		for _, k := range widgets.Kinds {
			p := widgets.Path(k.Name, contents[lang])
			want = append(want, p, p+"sources/")
		}
		for _, p := range listDist(t, dir, "/web/chart-"+lang+"-") {
			if strings.HasSuffix(p, ".json") {
				want = append(want, p)
			}
		}
		slices.Sort(want)
		if !slices.Equal(set, want) {
			t.Errorf("%s keeps %v for use offline, want %v", lang, set, want)
		}
		for _, p := range set {
			if !strings.Contains(worker, fmt.Sprintf("%q", p)) {
				t.Errorf("the service worker does not list %s, which %s keeps", p, lang)
			}
		}
		stored, transferred := offlineBytes(t, dir, res, lang)
		if stored > offlineBudget {
			t.Errorf("%s kept for use offline is %d bytes on the device, over the budget of %d", lang, stored, offlineBudget)
		}
		t.Logf("%s kept for use offline: %d bytes stored, %d downloaded (brotli)", lang, stored, transferred)
	}
	if regexp.MustCompile(`WAYMARK_[A-Z]+`).MatchString(worker) {
		t.Error("the service worker still holds a placeholder the build should have filled")
	}
}
