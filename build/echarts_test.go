package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"waymark/data"
	"waymark/precompress"
)

// TestChartOptionsNeedOnlyTheBundledParts: everything a chart's options
// name is drawn by a part the bundle registers. ECharts ignores an option
// whose component is not registered, without a word, so a series type or
// component added to charts.go and not to chartParts would be a chart
// that silently loses it.
func TestChartOptionsNeedOnlyTheBundledParts(t *testing.T) {
	// What ECharts' core reads itself.
	core := []string{"animation", "color", "textStyle", "series"}
	series := map[string]bool{}
	options := map[string]bool{}
	for _, p := range chartParts {
		if p.series != "" {
			series[p.series] = true
		}
		for _, o := range p.options {
			options[o] = true
		}
	}
	contents := data.Embedded()
	contents["fixture"] = fixtureContent(t)
	for lang, c := range contents {
		charts, err := chartOptions(c)
		if err != nil {
			t.Fatal(err)
		}
		for id, b := range charts {
			var o map[string]json.RawMessage
			if err := json.Unmarshal(b, &o); err != nil {
				t.Fatalf("%s %s: %v", lang, id, err)
			}
			for key, v := range o {
				// A component told not to show draws nothing without its
				// code either.
				if slices.Contains(core, key) || options[key] || string(v) == `{"show":false}` {
					continue
				}
				t.Errorf("%s chart %s sets %q, which no part of the bundled ECharts draws: add its component to chartParts (build/echarts.go)", lang, id, key)
			}
			var typed struct {
				Series []struct {
					Type string `json:"type"`
				} `json:"series"`
				VisualMap []map[string]any `json:"visualMap"`
			}
			if err := json.Unmarshal(b, &typed); err != nil {
				t.Fatalf("%s %s: %v", lang, id, err)
			}
			if len(typed.Series) == 0 {
				t.Errorf("%s chart %s has no series", lang, id)
			}
			for _, s := range typed.Series {
				if !series[s.Type] {
					t.Errorf("%s chart %s has a %q series, which the bundled ECharts does not draw: add its chart to chartParts (build/echarts.go)", lang, id, s.Type)
				}
			}
			// Only the continuous visualMap is bundled; ECharts makes one
			// with pieces, categories or a splitNumber piecewise.
			for _, vm := range typed.VisualMap {
				split, _ := vm["splitNumber"].(float64)
				if vm["pieces"] != nil || vm["categories"] != nil || split > 0 || (vm["type"] != nil && vm["type"] != "continuous") {
					t.Errorf("%s chart %s has a piecewise visualMap, which the bundled ECharts does not draw: add VisualMapPiecewiseComponent to chartParts (build/echarts.go)", lang, id)
				}
			}
		}
	}
}

// TestChartLibraryIsSmall: the figures page's chart library, ECharts cut
// to what the charts draw, is at most 160 KB brotli (the whole library is
// about 270 KB), and sets the global the app draws with. It measures the
// real package, which make test passes in WAYMARK_ECHARTS.
func TestChartLibraryIsSmall(t *testing.T) {
	p := os.Getenv("WAYMARK_ECHARTS")
	if p == "" {
		t.Skip("WAYMARK_ECHARTS is not set: make test passes the pinned ECharts package, whose bundle this measures")
	}
	pkg, err := EChartsPackage(p)
	if err != nil {
		t.Fatal(err)
	}
	js, err := bundleECharts(pkg)
	if err != nil {
		t.Fatal(err)
	}
	br, err := precompress.Brotli(js, precompress.Best)
	if err != nil {
		t.Fatal(err)
	}
	const limit = 160 * 1024
	t.Logf("ECharts from %s: %d B, %d B brotli (at most %d)", pkg, len(js), len(br), limit)
	if len(br) > limit {
		t.Errorf("the chart library is %d B brotli, over the %d B the figures page allows", len(br), limit)
	}
	if !strings.Contains(string(js), "window.echarts={init:") {
		t.Errorf("the chart library does not set window.echarts, which the app draws with (widgets/chartload.go)")
	}
}

// An ECharts that cannot be bundled is named, with what failed, rather
// than shipped broken.
func TestChartLibraryErrorsNameWhatFailed(t *testing.T) {
	if _, err := EChartsPackage("testdata"); err == nil || !strings.Contains(err.Error(), "not in the ECharts npm package") {
		t.Errorf("a folder that is not the package: %v", err)
	}
	// The package without zrender and tslib beside it, as a copy of its
	// folder alone would be.
	dir := t.TempDir()
	pkg := filepath.Join(dir, "node_modules", "echarts")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(pkg, "package.json"), []byte(`{"name": "echarts", "version": "0.0.0"}`), 0o644)
	os.WriteFile(filepath.Join(pkg, "core.js"), []byte(`export { use, init, getInstanceByDom } from "zrender/lib/zrender.js"; import "tslib";`), 0o644)
	for _, m := range []string{"charts", "components", "renderers"} {
		os.WriteFile(filepath.Join(pkg, m+".js"), []byte(`import "zrender/lib/core/util.js"; module.exports = {};`), 0o644)
	}
	found, err := EChartsPackage(filepath.Join(pkg, "core.js"))
	if err != nil || found != pkg {
		t.Fatalf("the package from a file in it: %q, %v", found, err)
	}
	_, err = bundleECharts(found)
	if err == nil {
		t.Fatal("a package without zrender bundled")
	}
	msg := err.Error()
	for _, want := range []string{pkg, `"zrender" (4 imports)`, `"tslib"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error does not say %s: %s", want, msg)
		}
	}
}
