package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"waymark/data"
)

// BenchmarkSizes reports what a reader downloads, as custom metrics, from
// a build made exactly as the shipped one (best compression, the pinned
// ECharts, whose path WAYMARK_ECHARTS gives):
//
//	make sizes
//
// first-view is the journey page plus everything that blocks its first
// render (stylesheets, scripts without defer or async), brotli-compressed:
// what must arrive before the first stage is visible.
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
	var requests int
	var firstBlocking []string
	for _, lang := range data.Languages(data.Embedded()) {
		page := "/w/journey/" + lang + "/index.html"
		blocking := []string{page}
		walk(parseHTML(b, readDist(b, dir, page)), func(n *xhtml.Node) {
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
		for _, p := range blocking {
			firstViews[lang] += size(p + ".br")
		}
		requests = len(blocking)
		firstBlocking = blocking
	}
	firstView := firstViews[data.Base]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Sizes do not vary between runs; the loop only satisfies the
		// benchmark protocol.
	}
	b.ReportMetric(size(wasm), "wasm-raw-B")
	b.ReportMetric(size(wasm+".gz"), "wasm-gzip-B")
	b.ReportMetric(size(wasm+".br"), "wasm-br-B")
	b.ReportMetric(firstView, "first-view-br-B")
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
