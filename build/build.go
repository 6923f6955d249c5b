package main

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
	"sort"
	"strings"

	"waymark/data"
	"waymark/web"
	"waymark/widgets"
)

// Options says what to build and where.
type Options struct {
	Out    string // folder to write; replaced as a whole
	Origin string // origin the widgets are served from, for the demo's embed codes
	Log    io.Writer

	// Contents overrides the embedded content (tests use fixtures).
	Contents map[string]*data.Content
	// ECharts is the path of echarts.min.js from npm; "" means the copy
	// the Makefile installs under .cache/ in the repository.
	ECharts string
}

// Result describes what was built; it is also written to dist/build.json so
// tests and tools can find the pages without walking the folder.
type Result struct {
	Version string            `json:"version"`
	Origin  string            `json:"origin"`
	Pages   []string          `json:"pages"`
	Assets  map[string]string `json:"assets"` // source name -> served path
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
	contents := opts.Contents
	if contents == nil {
		var err error
		contents, err = data.LoadEmbedded()
		if err != nil {
			return nil, fmt.Errorf("content is invalid:\n%w", err)
		}
	}

	logf("build: compiling app.wasm")
	wasm, err := compileWasm()
	if err != nil {
		return nil, err
	}

	out := site{}
	res := &Result{Origin: opts.Origin, Assets: map[string]string{}}

	// Fingerprinted assets: their names change with their content, so they
	// can be cached forever.
	css := readWeb("waymark.css")
	for _, lang := range data.Languages(contents) {
		css += "\n" + widgets.JourneyCSS(contents[lang]) + "\n" + widgets.ChecklistCSS(contents[lang])
	}
	assets := []struct {
		name, mime string
		body       []byte
	}{
		{"waymark.css", "text/css", []byte(css)},
		{"height.js", "text/javascript", []byte(readWeb("height.js"))},
		{"icon.svg", "image/svg+xml", []byte(readWeb("icon.svg"))},
	}
	echarts, err := readECharts(opts.ECharts)
	if err != nil {
		return nil, err
	}
	assets = append(assets, struct {
		name, mime string
		body       []byte
	}{"echarts.js", "", echarts})
	version := sha256.New()
	for _, a := range assets {
		body := a.body
		if a.mime != "" { // already minified upstream otherwise
			if body, err = minifyAs(a.mime, a.body); err != nil {
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

	logf("build: prerendering pages")
	pages := widgets.Pages(contents)
	for i, p := range pages {
		widgets.ChartAssets.ECharts = res.Assets["echarts.js"]
		widgets.ChartAssets.Options = chartPaths[p.Lang]
		r := renderer{page: p, version: res.Version, assets: res.Assets, description: description(contents[p.Lang], p)}
		html, err := r.render()
		if err != nil {
			return nil, err
		}
		out[pageFile(p.Path)] = html
		res.Pages = append(res.Pages, p.Path)
		if i == 0 {
			// go-app's own scripts, manifest and base stylesheet are the same
			// for every page; take them from the first.
			for _, name := range []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"} {
				b, err := r.fetch(name)
				if err != nil {
					return nil, err
				}
				out[name] = b
			}
		}
	}

	embed, err := minifyAs("text/javascript", []byte(readWeb("embed.js")))
	if err != nil {
		return nil, fmt.Errorf("minifying web/embed.js: %w", err)
	}
	out["/embed.js"] = embed

	for name, schema := range data.Schemas() {
		out["/schema/"+strings.TrimSuffix(name, ".json")+".schema.json"] = schema
	}

	demo, err := demoPage(contents, opts.Origin)
	if err != nil {
		return nil, err
	}
	out["/demo/index.html"] = demo
	if out["/demo/demo.css"], err = minifyAs("text/css", []byte(demoCSS)); err != nil {
		return nil, fmt.Errorf("minifying the demo stylesheet: %w", err)
	}

	manifest, _ := json.MarshalIndent(res, "", "  ")
	out["/build.json"] = manifest

	logf("build: compressing")
	if err := out.precompress(); err != nil {
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

func description(c *data.Content, p widgets.Page) string {
	switch p.Widget {
	case "journey":
		return c.Journey.Intro
	case "checklist":
		return c.Checklist.Intro
	case "glossary":
		return c.Glossary.Intro
	case "figures":
		return c.Figures.Intro
	}
	return p.Title
}

// EChartsVersion is the ECharts release the Makefile installs from npm.
const EChartsVersion = "5.6.0"

// readECharts reads echarts.min.js from path, or from the copy the Makefile
// installs when path is "".
func readECharts(path string) ([]byte, error) {
	if path == "" {
		root, err := moduleRoot()
		if err != nil {
			return nil, err
		}
		path = filepath.Join(root, ".cache", "echarts", "node_modules", "echarts", "dist", "echarts.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading ECharts: %w (make build installs echarts@%s from npm into .cache/echarts)", err, EChartsVersion)
	}
	return b, nil
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
	names := make([]string, 0, len(s))
	for name := range s {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
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
