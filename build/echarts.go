package build

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// chartPart is one piece of ECharts the charts need: an export of the npm
// package's ESM entry points, and what in a chart's options it draws.
type chartPart struct {
	from, export string
	series       string   // the series type it draws, if it is a chart
	options      []string // the top-level options it reads, if a component
}

// chartParts is all of ECharts the bundle registers. The full library is
// about 270 KB brotli; the figures page needs well under half of it. A
// chart option that names something missing here is silently ignored by
// ECharts, so TestChartOptionsNeedOnlyTheBundledParts holds the options
// to this list.
var chartParts = []chartPart{
	{from: "echarts/charts", export: "BarChart", series: "bar"},
	{from: "echarts/charts", export: "HeatmapChart", series: "heatmap"},
	// The simple grid leaves out the axis pointer, which only a tooltip
	// would show.
	{from: "echarts/components", export: "GridSimpleComponent", options: []string{"grid", "xAxis", "yAxis"}},
	// A visualMap with no pieces, categories or splitNumber is the
	// continuous kind; the piecewise one is not needed.
	{from: "echarts/components", export: "VisualMapContinuousComponent", options: []string{"visualMap"}},
	// The description screen readers get, and the decal patterns (drawn by
	// ECharts' core once aria turns them on).
	{from: "echarts/components", export: "AriaComponent", options: []string{"aria"}},
	{from: "echarts/renderers", export: "SVGRenderer"},
}

// chartEntry is the bundle's entry module. The page calls only init and
// getInstanceByDom (widgets/chartload.go), so the global has only those:
// the rest of ECharts' API would be bytes no reader runs.
func chartEntry() string {
	var b strings.Builder
	b.WriteString("import { use, init, getInstanceByDom } from \"echarts/core\";\n")
	var order []string
	byModule := map[string][]string{}
	var all []string
	for _, p := range chartParts {
		if _, ok := byModule[p.from]; !ok {
			order = append(order, p.from)
		}
		byModule[p.from] = append(byModule[p.from], p.export)
		all = append(all, p.export)
	}
	for _, m := range order {
		fmt.Fprintf(&b, "import { %s } from %q;\n", strings.Join(byModule[m], ", "), m)
	}
	fmt.Fprintf(&b, "use([%s]);\n", strings.Join(all, ", "))
	b.WriteString("window.echarts = { init, getInstanceByDom };\n")
	return b.String()
}

// chartEngines are the oldest browsers the bundle is written for. The
// charts are drawn by the wasm app only, so they need reach no browser
// the app cannot run in: Go's wasm port uses sign-extension and
// saturating float-to-int instructions, which arrived in these versions.
var chartEngines = []api.Engine{
	{Name: api.EngineChrome, Version: "75"},
	{Name: api.EngineEdge, Version: "79"},
	{Name: api.EngineFirefox, Version: "64"},
	{Name: api.EngineSafari, Version: "15"},
	{Name: api.EngineIOS, Version: "15"},
}

// EChartsPackage finds the folder of the ECharts npm package from path,
// which names it or any file in it (such as its dist/echarts.min.js,
// which older builds took), so either form of -echarts keeps working.
func EChartsPackage(path string) (string, error) {
	if path == "" {
		return "", errors.New("no ECharts given: the build bundles the charts' library from the ECharts npm package's folder (make installs the pinned version into .cache/echarts)")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", fmt.Errorf("ECharts: %w", err)
	}
	dir := abs
	if !info.IsDir() {
		dir = filepath.Dir(abs)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil {
			var pkg struct{ Name string }
			if json.Unmarshal(b, &pkg) == nil && pkg.Name == "echarts" {
				return dir, nil
			}
		}
		up := filepath.Dir(dir)
		if up == dir || filepath.Base(dir) == "node_modules" {
			return "", fmt.Errorf("%s is not in the ECharts npm package: no package.json named echarts there or above it", path)
		}
		dir = up
	}
}

// bundleECharts builds the charts' library from the ECharts npm package
// in pkg, with only the parts in chartParts, minified into one script
// that sets the global the app draws with. zrender and tslib are found as
// npm installs them, beside the package or inside it.
func bundleECharts(pkg string) ([]byte, error) {
	var meta struct{ Version, License string }
	b, err := os.ReadFile(filepath.Join(pkg, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("ECharts: %w", err)
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		return nil, fmt.Errorf("ECharts: %s: %w", filepath.Join(pkg, "package.json"), err)
	}
	var parts []string
	for _, p := range chartParts {
		parts = append(parts, p.export)
	}
	r := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   chartEntry(),
			Sourcefile: "waymark-charts.js",
			ResolveDir: pkg,
		},
		// The package the caller named, and no other copy of ECharts that
		// might sit higher up the folders.
		Alias:         map[string]string{"echarts": pkg},
		AbsWorkingDir: pkg,
		Bundle:        true,
		Format:        api.FormatIIFE,
		Platform:      api.PlatformBrowser,
		Engines:       chartEngines,
		// ECharts' sources guard their development checks with this;
		// left undefined, the page would throw at the first one.
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		// zrender's and tslib's notices are marked as legal comments and
		// stay; ECharts' licence header is not, so the banner names it.
		LegalComments: api.LegalCommentsEndOfFile,
		Banner:        map[string]string{"js": fmt.Sprintf("/*! Apache ECharts %s, %s; only %s */", meta.Version, meta.License, strings.Join(parts, ", "))},
		LogLevel:      api.LogLevelSilent,
	})
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("bundling ECharts from %s:\n%s", pkg, esbuildErrors(r.Errors))
	}
	if len(r.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundling ECharts from %s: %d output files, want 1", pkg, len(r.OutputFiles))
	}
	return r.OutputFiles[0].Contents, nil
}

// esbuildErrors says what failed once per distinct error, where it first
// happened: a package missing beside ECharts (zrender, tslib) fails every
// import from it, hundreds of lines that say one thing.
func esbuildErrors(errs []api.Message) string {
	var order []string
	first := map[string]api.Message{}
	count := map[string]int{}
	for _, m := range errs {
		key := m.Text
		if p, ok := unresolvedPackage(m.Text); ok {
			key = fmt.Sprintf("Could not resolve the package %q", p)
		}
		if _, ok := first[key]; !ok {
			order = append(order, key)
			first[key] = m
		}
		count[key]++
	}
	var lines []string
	for i, key := range order {
		if i == 5 {
			lines = append(lines, fmt.Sprintf("and %d other errors", len(order)-i))
			break
		}
		s := key
		if n := count[key]; n > 1 {
			s += fmt.Sprintf(" (%d imports)", n)
		}
		if l := first[key].Location; l != nil {
			s = fmt.Sprintf("%s:%d:%d: %s", l.File, l.Line, l.Column+1, s)
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

// unresolvedPackage is the npm package an esbuild "Could not resolve"
// error names, if it names one rather than a relative path.
func unresolvedPackage(text string) (string, bool) {
	rest, ok := strings.CutPrefix(text, `Could not resolve "`)
	if !ok || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "/") {
		return "", false
	}
	rest, _, _ = strings.Cut(rest, `"`)
	parts := strings.SplitN(rest, "/", 3)
	if strings.HasPrefix(rest, "@") && len(parts) > 1 {
		return parts[0] + "/" + parts[1], true
	}
	return parts[0], true
}
