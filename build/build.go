// Package build turns Waymark's content and components into a site: every
// widget in every language prerendered, minified, fingerprinted and
// precompressed, with the embed loader, the JSON Schemas and a demo page
// (Build), and serves a built site (SiteHandler, DemoHandler). The command
// in cmd/waymark runs it; tests and the bench call it in-process.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"waymark/data"
	"waymark/precompress"
	"waymark/web"
	"waymark/widgets"
)

// Options says what to build and where.
type Options struct {
	Out    string // folder to write; replaced as a whole
	Origin string // origin the widgets are served from, for the demo's embed codes
	Log    io.Writer

	// ECharts is the folder of the ECharts npm package (or any file in
	// it), from which the build bundles the library the figures widget
	// loads from the widget's own origin. The Makefile pins its version
	// and installs it from npm.
	ECharts string
	// Compression is how hard the served files are precompressed. The
	// zero value, precompress.Best, is what the site ships.
	Compression precompress.Level
	// Data replaces the embedded content folders (en/journey.json, ...)
	// for this build, in the pages and compiled into the app alike, as a
	// content correction would; nil builds the content in data/.
	Data fs.FS
	// Contents overrides the content of the pages only, leaving the app's
	// own (tests of the build use fixtures that no browser runs).
	Contents map[string]*data.Content
}

// Result describes what was built; it is also written to dist/build.json so
// tests and tools can find the pages without walking the folder.
type Result struct {
	Version string            `json:"version"`
	Origin  string            `json:"origin"`
	Pages   []string          `json:"pages"`
	Assets  map[string]string `json:"assets"` // source name -> served path
	// Embeds are the widget pages, by address, as oEmbed answers and link
	// previews describe them.
	Embeds map[string]Embed `json:"embeds"`
	// Offline lists, by language, the addresses the service worker keeps
	// for use without a network (see offlineSets).
	Offline map[string][]string `json:"offline"`
}

// site is the output being assembled: served path -> bytes.
type site map[string][]byte

// Build writes the whole site into opts.Out.
func Build(opts Options) (*Result, error) {
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	var appContents map[string]*data.Content
	var err error
	if opts.Data != nil {
		appContents, err = data.Load(opts.Data, "data")
	} else {
		appContents, err = data.LoadEmbedded()
	}
	if err != nil {
		return nil, fmt.Errorf("content is invalid:\n%w", err)
	}
	contents := appContents
	if opts.Contents != nil {
		contents = opts.Contents
	}
	echartsPkg, err := EChartsPackage(opts.ECharts)
	if err != nil {
		return nil, err
	}
	logf("build: bundling ECharts from %s", echartsPkg)
	echarts, err := bundleECharts(echartsPkg)
	if err != nil {
		return nil, err
	}

	logf("build: compiling app.wasm")
	wasm, err := compileWasm(appContents)
	if err != nil {
		return nil, err
	}

	out := site{}
	res := &Result{Origin: opts.Origin, Assets: map[string]string{}}

	// Fingerprinted assets: their names change with their content, so they
	// can be cached forever.
	css, err := stylesheets(contents)
	if err != nil {
		return nil, err
	}
	type asset struct {
		name   string
		body   []byte
		minify bool // false: minified already
	}
	var assets []asset
	for _, s := range sheets() {
		assets = append(assets, asset{s.name, css[s.name], true})
	}
	assets = append(assets, []asset{
		{"height.js", []byte(readWeb("height.js")), true},
		{"options.js", []byte(readWeb("options.js")), true},
		{"offline.js", []byte(readWeb("offline.js")), true},
		{"icon.svg", []byte(readWeb("icon.svg")), true},
		{"echarts.js", echarts, false},
	}...)
	version := sha256.New()
	for _, a := range assets {
		body := a.body
		if a.minify {
			if body, err = minifyAs(a.name, a.body); err != nil {
				return nil, fmt.Errorf("minifying web/%s: %w", a.name, err)
			}
		}
		p := "/web/" + fingerprint(a.name, body)
		out[p] = body
		res.Assets[a.name] = p
		version.Write(body)
	}
	// Chart options, built with go-echarts, one file per chart and language.
	chartPaths := map[string]map[string]string{}
	for _, lang := range data.Languages(contents) {
		charts, err := chartOptions(contents[lang])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", lang, err)
		}
		chartPaths[lang] = map[string]string{}
		for _, id := range slices.Sorted(maps.Keys(charts)) {
			p := "/web/" + fingerprint("chart-"+lang+"-"+id+".json", charts[id])
			out[p] = charts[id]
			chartPaths[lang][id] = p
			version.Write(charts[id])
		}
	}
	wasmPath := "/web/" + fingerprint("app.wasm", wasm)
	out[wasmPath] = wasm
	res.Assets["app.wasm"] = wasmPath
	version.Write(wasm)
	// go-app's service worker serves from a cache named after Version, so
	// Version must change whenever anything a reader sees changes.
	res.Version = hex.EncodeToString(version.Sum(nil))[:16]

	logf("build: drawing link previews")
	if err := writeEmbeds(out, res, contents); err != nil {
		return nil, err
	}

	logf("build: prerendering pages")
	pages := widgets.Pages(contents)
	widgets.ChartAssets.ECharts = res.Assets["echarts.js"]
	widgets.SiteOrigin = opts.Origin
	// go-app's scripts are the same for every page. The app script names
	// the wasm, so it is fingerprinted like it: a page can then only ever
	// start the app built with it, whatever a cache still holds.
	first := renderer{page: pages[0], version: res.Version, assets: res.Assets}
	for _, name := range []string{"wasm_exec.js", "app.js"} {
		b, err := first.fetch("/" + name)
		if err != nil {
			return nil, err
		}
		p := "/web/" + fingerprint(name, b)
		out[p] = b
		res.Assets[name] = p
	}
	starter, err := appStarter(res.Assets["wasm_exec.js"], res.Assets["app.js"])
	if err != nil {
		return nil, err
	}
	res.Assets["start.js"] = "/web/" + fingerprint("start.js", starter)
	out[res.Assets["start.js"]] = starter
	res.Offline = offlineSets(pages, chartPaths, res.Assets["echarts.js"])
	if out["/app-worker.js"], err = serviceWorker(res); err != nil {
		return nil, err
	}
	webManifest, err := first.fetch("/manifest.webmanifest")
	if err != nil {
		return nil, err
	}
	if out["/manifest.webmanifest"], err = plainManifest(webManifest); err != nil {
		return nil, err
	}
	for _, p := range pages {
		widgets.ChartAssets.Options = chartPaths[p.Lang]
		r := renderer{page: p, version: res.Version, assets: res.Assets, style: res.Assets[styleName(p)]}
		if e, ok := res.Embeds[p.Path]; ok {
			r.head = embedHead(res.Origin, p.Path, e, p.Description, contents[p.Lang].UI.Lang)
		}
		r.head = append(r.head, alternates(res.Origin, p, data.Languages(contents))...)
		html, err := r.render()
		if err != nil {
			return nil, err
		}
		out[pageFile(p.Path)] = html
		res.Pages = append(res.Pages, p.Path)
	}
	if out["/404.html"], err = notFoundPage(contents, res.Assets["waymark.css"], res.Assets["options.js"], res.Assets["height.js"]); err != nil {
		return nil, err
	}

	embed, err := loader(contents)
	if err != nil {
		return nil, err
	}
	embed, err = minifyAs("embed.js", embed)
	if err != nil {
		return nil, fmt.Errorf("minifying web/embed.js: %w", err)
	}
	out["/embed.js"] = embed

	for name, schema := range data.Schemas() {
		out["/schema/"+strings.TrimSuffix(name, ".json")+".schema.json"] = schema
	}

	demo, err := demoPages(contents, opts.Origin)
	if err != nil {
		return nil, err
	}
	maps.Copy(out, demo)
	if out["/demo/demo.css"], err = minifyAs("demo.css", []byte(demoCSS)); err != nil {
		return nil, fmt.Errorf("minifying the demo stylesheet: %w", err)
	}

	writeHosting(out)
	manifest, _ := json.MarshalIndent(res, "", "  ")
	out["/build.json"] = manifest

	logf("build: compressing")
	if err := out.precompress(opts.Compression); err != nil {
		return nil, err
	}
	if err := out.write(opts.Out); err != nil {
		return nil, err
	}
	return res, nil
}

// pageFile is where a page's HTML lives in dist: "/w/journey/en/" ->
// "/w/journey/en/index.html".
func pageFile(p string) string {
	return strings.TrimSuffix(p, "/") + "/index.html"
}

func readWeb(name string) string {
	b, err := fs.ReadFile(web.Files, name)
	if err != nil {
		panic(err) // embedded at compile time: cannot be missing
	}
	return string(b)
}

// fingerprint puts a short content hash in a file name:
// "waymark.css" -> "waymark.3f2a9c1d0b7e.css".
func fingerprint(name string, body []byte) string {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
}

func (s site) write(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("clearing %s: %w", dir, err)
	}
	for _, name := range slices.Sorted(maps.Keys(s)) {
		file := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(name, "/")))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return fmt.Errorf("creating folder for %s: %w", file, err)
		}
		if err := os.WriteFile(file, s[name], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", file, err)
		}
	}
	return nil
}
