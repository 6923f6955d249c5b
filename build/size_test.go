package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"waymark/data"
	"waymark/precompress"
	"waymark/widgets"
)

// BenchmarkSizes reports what a reader downloads, as custom metrics, from
// a build made exactly as the shipped one (best compression, the pinned
// ECharts, whose path WAYMARK_ECHARTS gives):
//
//	make sizes
//
// first-view is the journey page plus everything that blocks its first
// render (firstView), brotli-compressed: what must arrive before the first
// stage is visible. TestEveryWidgetShowsWithinTheFirstViewBudget holds
// every widget's to firstViewBudget.
func BenchmarkSizes(b *testing.B) {
	echarts := os.Getenv("WAYMARK_ECHARTS")
	if echarts == "" {
		b.Fatal("WAYMARK_ECHARTS is not set: run make sizes, which installs the pinned ECharts and passes its path")
	}
	dir := b.TempDir()
	res, err := Build(Options{Out: dir, Origin: testOrigin, ECharts: echarts})
	if err != nil {
		b.Fatal(err)
	}
	size := func(p string) float64 { return float64(len(readDist(b, dir, p))) }
	wasm := res.Assets["app.wasm"]

	// The first view of the journey, in each language.
	firstViews := map[string]float64{}
	var firstBlocking []string
	for _, lang := range data.Languages(data.Embedded()) {
		n, blocking := firstView(b, dir, "/w/journey/"+lang+"/", func(p string) int { return len(readDist(b, dir, p+".br")) })
		firstViews[lang] = float64(n)
		firstBlocking = blocking
	}
	requests := len(firstBlocking)
	journeyFirst := firstViews[data.Base]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Sizes do not vary between runs; the loop only satisfies the
		// benchmark protocol.
	}
	b.ReportMetric(size(wasm), "wasm-raw-B")
	b.ReportMetric(size(wasm+".gz"), "wasm-gzip-B")
	b.ReportMetric(size(wasm+".br"), "wasm-br-B")
	b.ReportMetric(journeyFirst, "first-view-br-B")
	b.ReportMetric(float64(requests), "first-view-requests")
	for lang, n := range firstViews {
		if lang != data.Base {
			b.ReportMetric(n, "first-view-"+lang+"-br-B")
		}
	}
	b.ReportMetric(size("/embed.js.br"), "embed-loader-br-B")
	b.ReportMetric(size(res.Assets["height.js"]+".br"), "height-reporter-br-B")
	// What a figures page adds once its charts come into view: the chart
	// library and the options of every chart.
	charts := size(res.Assets["echarts.js"] + ".br")
	for _, f := range listDist(b, dir, "/web/chart-en-") {
		if strings.HasSuffix(f, ".json.br") {
			charts += size(f)
		}
	}
	b.ReportMetric(size(res.Assets["echarts.js"]), "echarts-raw-B")
	b.ReportMetric(size(res.Assets["echarts.js"]+".br"), "echarts-br-B")
	b.ReportMetric(charts, "figures-charts-br-B")
	// What a device keeps for a workshop without a network (see
	// offlineSets).
	stored, transferred := offlineBytes(b, dir, res, data.Base)
	b.ReportMetric(float64(stored), "offline-stored-B")
	b.ReportMetric(float64(transferred), "offline-br-B")
	b.Logf("first view (each language): %s", strings.Join(firstBlocking, ", "))
}

// firstViewBudget bounds what a widget's page makes a reader download
// before it shows, brotli-compressed, in any language: until all of it
// has arrived, a reader on a slow connection sees an empty frame in the
// article they came for.
const firstViewBudget = 20 << 10

// Every widget, in every language, shows within the budget. The site is
// the tests' own build; its files are compressed here as the shipped
// build compresses them (TestTheSiteShipsTheBestCompression), which costs
// a second rather than the shipped build's half minute on the wasm.
func TestEveryWidgetShowsWithinTheFirstViewBudget(t *testing.T) {
	dir, res := built(t)
	sizes := map[string]int{} // every page of a kind links the same files
	best := func(p string) int {
		if n, ok := sizes[p]; ok {
			return n
		}
		br, err := precompress.Brotli(readDist(t, dir, p), precompress.Best)
		if err != nil {
			t.Fatal(err)
		}
		sizes[p] = len(br)
		return len(br)
	}
	pages := 0
	for _, p := range widgets.Pages(data.Embedded()) {
		if !p.Widget() || !slices.Contains(res.Pages, p.Path) {
			continue
		}
		pages++
		n, blocking := firstView(t, dir, p.Path, best)
		if n > firstViewBudget {
			t.Errorf("the %s widget in %s makes a reader wait for %d B (brotli) before it shows, over the budget of %d B: %s",
				p.Kind.Name, p.Lang, n, firstViewBudget, strings.Join(blocking, ", "))
		}
		t.Logf("%s %s: %d B", p.Kind.Name, p.Lang, n)
	}
	if want := len(widgets.Kinds) * len(data.Languages(data.Embedded())); pages != want {
		t.Errorf("measured %d widget pages, want every kind in every language (%d)", pages, want)
	}
}

// firstView is what a page makes a reader download before it can show:
// the page and everything that blocks its first render (stylesheets,
// scripts without defer or async), as size says each is sent,
// and those files' paths.
func firstView(tb testing.TB, dir, page string, size func(p string) int) (int, []string) {
	tb.Helper()
	blocking := []string{pageFile(page)}
	walk(parseHTML(tb, readDist(tb, dir, pageFile(page))), func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		rel, _ := attrOf(n, "rel")
		href, _ := attrOf(n, "href")
		src, _ := attrOf(n, "src")
		_, deferred := attrOf(n, "defer")
		_, async := attrOf(n, "async")
		switch {
		case n.Data == "link" && rel == "stylesheet":
			blocking = append(blocking, href)
		case n.Data == "script" && src != "" && !deferred && !async:
			blocking = append(blocking, src)
		}
	})
	total := 0
	for _, p := range blocking {
		total += size(p)
	}
	return total, blocking
}

// listDist lists the served paths in dist/ that start with prefix.
func listDist(tb testing.TB, dir, prefix string) []string {
	tb.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(prefix)) + "*")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, m := range matches {
		if _, err := os.Stat(m); err == nil {
			out = append(out, "/"+filepath.ToSlash(strings.TrimPrefix(m, dir+string(filepath.Separator))))
		}
	}
	return out
}
