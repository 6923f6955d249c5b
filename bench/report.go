package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/components"
	"github.com/go-echarts/go-echarts/v2/opts"

	"waymark/build"
	"waymark/precompress"
)

// results is everything one bench run measured; results.json holds it so
// that two runs can be compared.
type results struct {
	Date     string            `json:"date"`
	Versions map[string]string `json:"versions"`
	Runs     int               `json:"runs_per_contender_and_profile"`
	Base     string            `json:"base,omitempty"` // the revision compared with, if any
	Loaders  []loader          `json:"embed_loaders"`
	Sizes    []siteSizes       `json:"site_sizes"`
	Summary  []row             `json:"summary"`
	Failures []string          `json:"failed_runs,omitempty"` // runs that could not be measured, and why
	Raw      []run             `json:"raw"`
}

// loader is one embed loader's size.
type loader struct {
	Name   string `json:"name"`
	File   string `json:"file"`
	Bytes  int    `json:"bytes"`
	Brotli int    `json:"brotli_bytes"`
}

// siteSizes is what a built site's files weigh as served (brotli); 0 if
// the build recorded no such file.
type siteSizes struct {
	Contender string `json:"contender"`
	ECharts   int    `json:"echarts_brotli_bytes"` // the figures page's ECharts bundle
	Wasm      int    `json:"wasm_brotli_bytes"`
}

// stat is the median, minimum and maximum over the runs.
type stat struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

// row is one metric under one profile.
type row struct {
	Profile    string  `json:"profile"`
	Metric     string  `json:"metric"`
	Unit       string  `json:"unit"`
	Waymark    stat    `json:"waymark"`
	Base       stat    `json:"waymark_base"` // N is 0 without -base
	TimelineJS stat    `json:"timelinejs"`
	Ratio      float64 `json:"ratio"`         // Waymark median / TimelineJS median; 0 if none
	BaseRatio  float64 `json:"ratio_to_base"` // Waymark median / base median; 0 if none
	Only       bool    `json:"waymark_only,omitempty"`
	Target     string  `json:"target,omitempty"`
	Status     string  `json:"status,omitempty"`
}

// loaderSizes reads our loader as the build wrote it and brotli-compresses
// the peers' minified files at the build's quality.
func loaderSizes(peers, dist string) ([]loader, error) {
	ours, err := os.ReadFile(filepath.Join(dist, "embed.js"))
	if err != nil {
		return nil, fmt.Errorf("reading the built embed loader: %w", err)
	}
	oursBr, err := os.ReadFile(filepath.Join(dist, "embed.js.br"))
	if err != nil {
		return nil, fmt.Errorf("reading the built embed loader: %w", err)
	}
	out := []loader{{Name: "Waymark embed.js", File: "dist/embed.js", Bytes: len(ours), Brotli: len(oursBr)}}
	for _, p := range []struct{ name, file string }{
		{"@iframe-resizer/parent " + versionOf(peers, "@iframe-resizer/parent"), iframeResizer},
		{"pym.js " + versionOf(peers, "pym.js"), pymJS},
	} {
		b, err := os.ReadFile(filepath.Join(peers, p.file))
		if err != nil {
			return nil, fmt.Errorf("reading %s (make bench installs it): %w", p.file, err)
		}
		br, err := precompress.Brotli(b, precompress.Best)
		if err != nil {
			return nil, fmt.Errorf("compressing %s: %w", p.file, err)
		}
		out = append(out, loader{Name: p.name, File: p.file, Bytes: len(b), Brotli: len(br)})
	}
	return out, nil
}

func versionOf(peers, pkg string) string {
	b, err := os.ReadFile(filepath.Join(peers, pkg, "package.json"))
	if err != nil {
		return "?"
	}
	var v struct{ Version string }
	json.Unmarshal(b, &v)
	return v.Version
}

func versions(peers string) map[string]string {
	m := map[string]string{}
	for _, p := range []string{"@knight-lab/timelinejs", "@iframe-resizer/parent", "pym.js"} {
		m[p] = versionOf(peers, p)
	}
	if out, err := runOut("chromium", "--version"); err == nil {
		m["chromium"] = strings.TrimSpace(out)
	}
	return m
}

// percentile is the nearest-rank percentile of xs (negative values, which
// mark a change never seen, count as the largest).
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	for i, x := range s {
		if x < 0 {
			s[i] = math.Inf(1)
		}
	}
	slices.Sort(s)
	k := int(math.Ceil(p/100*float64(len(s)))) - 1
	k = max(0, min(k, len(s)-1))
	return s[k]
}

func summarize(xs []float64) stat {
	if len(xs) == 0 {
		return stat{}
	}
	s := append([]float64(nil), xs...)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stat{Median: med, Min: s[0], Max: s[len(s)-1], N: len(s)}
}

// metric is one figure taken from a run.
type metric struct {
	name, unit string
	get        func(run) (float64, bool)
	target     func(p profile, w, t stat) (string, string)
	only       bool // Waymark's only: TimelineJS has no such thing
}

// halfOf is the target "at most half TimelineJS's time" under the slow
// profile.
func halfOf(p profile, w, t stat) (string, string) {
	if p.Name != profiles[0].Name || t.N == 0 {
		return "", ""
	}
	goal := t.Median / 2
	tgt := fmt.Sprintf("≤ ½ TimelineJS (%.0f ms)", goal)
	if w.Median <= goal {
		return tgt, "met"
	}
	return tgt, fmt.Sprintf("short by %.0f ms (%.0f%% over)", w.Median-goal, (w.Median/goal-1)*100)
}

func oneFrame(p profile, w, t stat) (string, string) {
	tgt := "≤ 16 ms"
	if w.Median <= 16 {
		return tgt, "met"
	}
	return tgt, fmt.Sprintf("short by %.1f ms", w.Median-16)
}

// throttled checks that none of the service worker's network requests
// beat the profile's round trip in any run: the worker was throttled.
func throttled(p profile, w, t stat) (string, string) {
	if !p.Throttle || w.N == 0 {
		return "", ""
	}
	tgt := fmt.Sprintf("≥ %.0f ms round trip (throttled)", p.Latency)
	if w.Min >= p.Latency {
		return tgt, "met"
	}
	return tgt, fmt.Sprintf("NOT met: %.0f ms in one run", w.Min)
}

func positive(v float64) (float64, bool) { return v, v > 0 }

var metrics = []metric{
	{"First contentful paint (journey document)", "ms", func(r run) (float64, bool) { return r.FCP, r.FCP > 0 }, halfOf, false},
	{"First contentful paint (host page)", "ms", func(r run) (float64, bool) { return r.PageFCP, r.PageFCP > 0 }, nil, false},
	{"Bytes before first content", "B", func(r run) (float64, bool) { return r.BytesBeforeFCP, true }, nil, false},
	{"First stage's text visible", "ms", func(r run) (float64, bool) { return r.FirstStage, true }, nil, false},
	{"Usable: next stage seen after click", "ms", func(r run) (float64, bool) { return r.Usable, true }, halfOf, false},
	{"Clicks the first stage change needed", "", func(r run) (float64, bool) { return float64(r.UsableClicks), true }, nil, false},
	{"Wasm app took over (.wm-app)", "ms", func(r run) (float64, bool) { return r.App, r.App > 0 }, nil, true},
	{"Take-over: app.wasm download (request → last byte)", "ms", func(r run) (float64, bool) { return positive(r.Download) }, nil, true},
	{"Take-over: instantiate (instantiateStreaming → resolved, download included)", "ms", func(r run) (float64, bool) { return positive(r.Instantiate) }, nil, true},
	{"Take-over: Go init (go.run → main)", "ms", func(r run) (float64, bool) { return positive(r.Init) }, nil, true},
	{"Take-over: first render (main → .wm-app)", "ms", func(r run) (float64, bool) { return positive(r.Render) }, nil, true},
	{"Take-over: go.run → .wm-app (init + first render)", "ms", func(r run) (float64, bool) { return positive(r.RunToApp) }, nil, true},
	{"Journey document's load event", "ms", func(r run) (float64, bool) { return r.FrameLoad, r.FrameLoad > 0 }, nil, false},
	{"Long tasks in the journey document before its load event", "ms", func(r run) (float64, bool) { return r.LongBeforeLoad, true }, nil, false},
	{"Long tasks in the journey document, load to network quiet", "ms", func(r run) (float64, bool) { return r.LongTasks, true }, nil, false},
	{"Main thread busy, load to network quiet (TaskDuration)", "ms", func(r run) (float64, bool) { return r.TaskBusy, true }, nil, false},
	{"First visit transferred: page + service worker", "B", func(r run) (float64, bool) { return r.TotalBytes + r.WorkerBytes, true }, nil, false},
	{"Transferred by the page", "B", func(r run) (float64, bool) { return r.TotalBytes, true }, nil, false},
	{"Transferred by the service worker (precache)", "B", func(r run) (float64, bool) { return r.WorkerBytes, true }, nil, true},
	{"Transferred for the host page and the journey frame only", "B", func(r run) (float64, bool) { return r.JourneyBytes, true }, nil, false},
	{"Requests by the page", "", func(r run) (float64, bool) { return float64(r.Requests), true }, nil, false},
	{"Requests by the service worker", "", func(r run) (float64, bool) { return float64(r.WorkerRequests), true }, nil, true},
	{"Service worker's quickest network request, its script aside (request → last byte)", "ms", func(r run) (float64, bool) { return positive(r.WorkerFastest) }, throttled, true},
	{"Requests still in flight when bytes were counted (or lost with the worker's session)", "", func(r run) (float64, bool) { return float64(r.InFlight), true }, nil, false},
	{"JS heap after load (after GC)", "B", func(r run) (float64, bool) { return r.JSHeap, true }, nil, false},
	{"Wasm linear memory", "B", func(r run) (float64, bool) { return r.WasmMemory, true }, nil, false},
	{"JS heap + wasm memory", "B", func(r run) (float64, bool) { return r.JSHeap + r.WasmMemory, true }, nil, false},
	{"Stage change p50 (Event Timing; 0 = no entry, < 16 ms)", "ms", func(r run) (float64, bool) { return r.EventP50, true }, nil, false},
	{"Stage change p95 (Event Timing; 0 = no entry, < 16 ms)", "ms", func(r run) (float64, bool) { return r.EventP95, true }, oneFrame, false},
	{"Stage changes with an Event Timing entry (≥ 16 ms), of 20", "", func(r run) (float64, bool) { return float64(len(r.EventTiming)), true }, nil, false},
	{"Stage change p50 (click → first changed frame)", "ms", func(r run) (float64, bool) { return r.LatP50, true }, nil, false},
	{"Stage change p95 (click → first changed frame)", "ms", func(r run) (float64, bool) { return r.LatP95, true }, oneFrame, false},
}

func (res *results) summarize() {
	res.Summary = nil
	for _, p := range profiles {
		for _, m := range metrics {
			by := map[string][]float64{}
			for _, r := range res.Raw {
				if r.Profile != p.Name {
					continue
				}
				if v, ok := m.get(r); ok {
					by[r.Contender] = append(by[r.Contender], v)
				}
			}
			rw := row{Profile: p.Name, Metric: m.name, Unit: m.unit, Only: m.only,
				Waymark: summarize(by[nameWaymark]), Base: summarize(by[nameBase]), TimelineJS: summarize(by[nameTimeline])}
			if rw.TimelineJS.N > 0 && rw.TimelineJS.Median > 0 {
				rw.Ratio = rw.Waymark.Median / rw.TimelineJS.Median
			}
			if rw.Base.N > 0 && rw.Base.Median > 0 && rw.Waymark.N > 0 {
				rw.BaseRatio = rw.Waymark.Median / rw.Base.Median
			}
			if m.target != nil {
				rw.Target, rw.Status = m.target(p, rw.Waymark, rw.TimelineJS)
				if rw.Base.N > 0 {
					if _, st := m.target(p, rw.Base, rw.TimelineJS); st != "" {
						rw.Status += "; base: " + st
					}
				}
			}
			res.Summary = append(res.Summary, rw)
		}
	}
}

func format(v float64, unit string) string {
	switch unit {
	case "B":
		switch {
		case v >= 1<<20:
			return fmt.Sprintf("%.2f MiB", v/(1<<20))
		case v >= 1<<10:
			return fmt.Sprintf("%.1f KiB", v/(1<<10))
		}
		return fmt.Sprintf("%.0f B", v)
	case "ms":
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.0f", v)
}

func cell(s stat, unit string, runs int) string {
	if s.N == 0 {
		return "no data"
	}
	c := fmt.Sprintf("%s (%s–%s)", format(s.Median, unit), strings.TrimSuffix(format(s.Min, unit), " "+unit), format(s.Max, unit))
	if s.N < runs {
		c += fmt.Sprintf(", %d of %d runs", s.N, runs)
	}
	return c
}

// markdown is the table printed and written to results.md.
func (res *results) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Waymark journey vs TimelineJS %s\n\n", res.Versions["@knight-lab/timelinejs"])
	fmt.Fprintf(&b, "Median (min–max) of %d cold-cache runs each, fresh browser context per run, %s, 1280×900, loopback. "+
		"Slow mobile: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, CPU 4× slower (DevTools).\n\n", res.Runs, res.Versions["chromium"])
	b.WriteString("The service worker go-app's app.js registers is attached before it starts and throttled by the same network profile; " +
		"its requests and bytes are counted apart from the page's. Its own script (app-worker.js) is fetched as it starts, " +
		"before it can be set up, and may escape the throttle. Chromium applies CPU throttling to pages only, not to workers. " +
		"Page and worker both ask for app.wasm; whichever asks first downloads it and the other gets it from the HTTP cache, " +
		"so the bytes move between their rows from run to run: the first-visit total is the one to compare. " +
		"Take-over rows are Waymark's only; Go init and first render need the app's `waymark:main` mark, which older revisions lack.\n\n")
	if res.Base != "" {
		fmt.Fprintf(&b, "Base: %s, built with its own build command and served by this tree's server; \"Waymark\" is this tree. "+
			"Base, Waymark and TimelineJS alternate run by run.\n\n", res.Base)
		b.WriteString("| Profile | Metric | Waymark base | Waymark | Waymark/base | TimelineJS | Waymark/TimelineJS | Target | Status |\n|---|---|---|---|---|---|---|---|---|\n")
	} else {
		b.WriteString("| Profile | Metric | Waymark | TimelineJS | Waymark/TimelineJS | Target | Status |\n|---|---|---|---|---|---|---|\n")
	}
	ratio := func(x float64) string {
		if x > 0 {
			return fmt.Sprintf("%.2f×", x)
		}
		return "—"
	}
	for _, r := range res.Summary {
		tl := cell(r.TimelineJS, r.Unit, res.Runs)
		if r.Only {
			tl = "n/a"
		}
		if res.Base != "" {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.Profile, r.Metric, cell(r.Base, r.Unit, res.Runs), cell(r.Waymark, r.Unit, res.Runs),
				ratio(r.BaseRatio), tl, ratio(r.Ratio), r.Target, r.Status)
		} else {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", r.Profile, r.Metric, cell(r.Waymark, r.Unit, res.Runs), tl, ratio(r.Ratio), r.Target, r.Status)
		}
	}
	b.WriteString("\n### Sizes as built (brotli, as served)\n\n")
	size := func(n int) string {
		if n == 0 {
			return "no data"
		}
		return fmt.Sprintf("%d B", n)
	}
	var cur, old siteSizes
	for _, sz := range res.Sizes {
		if sz.Contender == nameBase {
			old = sz
		} else {
			cur = sz
		}
	}
	files := []struct {
		name     string
		cur, old int
	}{
		{"ECharts bundle (figures page)", cur.ECharts, old.ECharts},
		{"app.wasm", cur.Wasm, old.Wasm},
	}
	if res.Base != "" {
		b.WriteString("| File | Waymark base | Waymark | Waymark/base |\n|---|---|---|---|\n")
		for _, f := range files {
			r := 0.0
			if f.old > 0 && f.cur > 0 {
				r = float64(f.cur) / float64(f.old)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.name, size(f.old), size(f.cur), ratio(r))
		}
	} else {
		b.WriteString("| File | Waymark |\n|---|---|\n")
		for _, f := range files {
			fmt.Fprintf(&b, "| %s | %s |\n", f.name, size(f.cur))
		}
	}
	b.WriteString("\n### Embed loaders\n\n| Loader | File | Minified | Brotli (q11) | Target | Status |\n|---|---|---|---|---|---|\n")
	for i, l := range res.Loaders {
		tgt, st := "", ""
		if i == 0 {
			tgt = "≤ 1 KB (1024 B) brotli"
			st = "met"
			if l.Brotli > 1024 {
				st = fmt.Sprintf("short by %d B", l.Brotli-1024)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %d B | %d B | %s | %s |\n", l.Name, l.File, l.Bytes, l.Brotli, tgt, st)
	}
	var off []string
	seen := map[string]bool{}
	for _, r := range res.Raw {
		for _, u := range r.OffLoopback {
			if !seen[r.Contender+u] {
				seen[r.Contender+u] = true
				off = append(off, r.Contender+": "+u)
			}
		}
	}
	if len(res.Failures) > 0 {
		b.WriteString("\nRuns that could not be measured (left out of the medians):\n\n")
		for _, f := range res.Failures {
			fmt.Fprintf(&b, "- %s\n", f)
		}
	}
	b.WriteString("\nRequests that left loopback: ")
	if len(off) == 0 {
		b.WriteString("none.\n")
	} else {
		b.WriteString(strings.Join(off, ", ") + "\n")
	}
	return b.String()
}

// write prints the table and writes results.md, results.json and
// report.html with its local copy of ECharts.
func (res *results) write(echarts, dir string) error {
	res.summarize()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	md := res.markdown()
	fmt.Print(md)
	if err := os.WriteFile(filepath.Join(dir, "results.md"), []byte(md), 0o644); err != nil {
		return err
	}
	js, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "results.json"), append(js, '\n'), 0o644); err != nil {
		return err
	}
	// The report's charts have titles, tooltips and legends, which the
	// site's cut of ECharts leaves out: the report gets the package's
	// whole prebuilt library.
	pkg, err := build.EChartsPackage(echarts)
	if err != nil {
		return err
	}
	ec, err := os.ReadFile(filepath.Join(pkg, "dist", "echarts.min.js"))
	if err != nil {
		return fmt.Errorf("reading ECharts for the report (make bench installs it): %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "echarts.min.js"), ec, 0o644); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := res.report().Render(&buf); err != nil {
		return fmt.Errorf("rendering the report: %w", err)
	}
	if bytes.Contains(buf.Bytes(), []byte("https://")) && bytes.Contains(buf.Bytes(), []byte("<script src=\"https")) {
		return fmt.Errorf("the report would load a script from the network")
	}
	if err := os.WriteFile(filepath.Join(dir, "report.html"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench: wrote %s\n", dir)
	return nil
}

// report is the HTML page: the Waymark/TimelineJS ratio of every metric
// under each profile, and the loaders' sizes. Its ECharts is the copy
// beside it ("./"), never a CDN.
func (res *results) report() *components.Page {
	page := components.NewPage()
	page.SetPageTitle("Waymark bench")
	page.SetAssetsHost("./")
	init := opts.Initialization{AssetsHost: "./", Width: "1100px", Height: "600px", PageTitle: "Waymark bench"}

	ratios := charts.NewBar()
	ratios.SetGlobalOptions(
		charts.WithInitializationOpts(init),
		charts.WithTitleOpts(opts.Title{Title: "Waymark / TimelineJS (median; below 1 means Waymark is smaller or faster)", Subtitle: res.Date}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "40"}),
		charts.WithGridOpts(opts.Grid{Left: "300", Top: "80"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "ratio", Type: "value"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category"}),
	)
	var names []string
	for _, m := range metrics {
		names = append(names, m.name)
	}
	ratios.SetXAxis(names)
	for _, p := range profiles {
		var items []opts.BarData
		for _, r := range res.Summary {
			if r.Profile == p.Name {
				items = append(items, opts.BarData{Value: math.Round(r.Ratio*1000) / 1000})
			}
		}
		ratios.AddSeries(p.Name, items)
	}
	if res.Base != "" {
		for _, p := range profiles {
			var items []opts.BarData
			for _, r := range res.Summary {
				if r.Profile == p.Name {
					items = append(items, opts.BarData{Value: math.Round(r.BaseRatio*1000) / 1000})
				}
			}
			ratios.AddSeries(p.Name+", Waymark / base", items)
		}
	}
	ratios.XYReversal()

	sizes := charts.NewBar()
	init.Height = "400px"
	sizes.SetGlobalOptions(
		charts.WithInitializationOpts(init),
		charts.WithTitleOpts(opts.Title{Title: "Embed loaders (bytes)"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "30"}),
	)
	var ln []string
	var raw, br []opts.BarData
	for _, l := range res.Loaders {
		ln = append(ln, l.Name)
		raw = append(raw, opts.BarData{Value: l.Bytes})
		br = append(br, opts.BarData{Value: l.Brotli})
	}
	sizes.SetXAxis(ln).AddSeries("minified", raw).AddSeries("brotli", br)
	page.AddCharts(ratios, sizes)
	return page
}
