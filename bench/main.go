// Command bench compares Waymark's journey widget, embedded with the embed
// loader in an article page of the demo origin (the journey alone, as an
// editor would embed it), with the same journey rendered by
// TimelineJS, in one headless Chromium on loopback, under a slow mobile
// profile and unthrottled. It prints a Markdown table and writes
// bench-results/ (results.md, results.json, report.html with a local
// echarts.min.js). `make bench` installs what it needs and runs it.
//
// With -base, it builds the site of another git revision too, serves both
// and alternates them run by run, so that the table compares the
// revisions on the same machine in the same session.
//
// Usage:
//
//	go run ./bench -echarts node_modules/echarts -peers node_modules [-runs 5] [-out bench-results] [-base REV]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"waymark/data"
)

func main() {
	runs := flag.Int("runs", 5, "cold-cache runs per contender and profile (at least 5 for the report's medians)")
	out := flag.String("out", "bench-results", "folder for the results")
	echarts := flag.String("echarts", "", "folder of the ECharts npm package, for the site and the report (make bench passes the pinned one)")
	peers := flag.String("peers", "", "node_modules folder holding the peers: TimelineJS, iframe-resizer and pym.js (make bench installs them)")
	base := flag.String("base", "", "git revision to compare this tree with: its site is built with its own build command and measured alongside")
	flag.Parse()
	if *echarts == "" || *peers == "" {
		fmt.Fprintln(os.Stderr, "bench: -echarts and -peers are required; make bench installs and passes them")
		os.Exit(2)
	}
	if err := benchMain(*runs, *out, *echarts, *peers, *base); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// The pinned peers' files, inside the node_modules folder make bench
// installs them into.
const (
	timelineDist  = "@knight-lab/timelinejs/dist"
	iframeResizer = "@iframe-resizer/parent/index.umd.js"
	pymJS         = "pym.js/dist/pym.v1.min.js"
)

func benchMain(runs int, outDir, echarts, peers, baseRev string) error {
	content, err := data.LoadEmbedded()
	if err != nil {
		return fmt.Errorf("loading the content: %w", err)
	}
	en, ok := content["en"]
	if !ok {
		return fmt.Errorf("no English content in data/")
	}
	var stages []string
	for _, s := range en.Journey.Stages {
		stages = append(stages, s.ID)
	}
	if len(stages) < 2 {
		return fmt.Errorf("the journey has %d stages; the bench needs at least 2", len(stages))
	}

	tmp, err := os.MkdirTemp("", "waymark-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	var base *waymarkSite
	var baseName string
	if baseRev != "" {
		out, err := runOut("git", "log", "-1", "--format=%h %s", baseRev+"^{commit}", "--")
		if err != nil {
			return fmt.Errorf("no git revision %q: %w", baseRev, err)
		}
		baseName = baseRev + " (" + strings.TrimSpace(out) + ")"
		fmt.Fprintf(os.Stderr, "bench: building and serving the site of %s\n", baseName)
		if base, err = startBase(tmp, baseRev, echarts); err != nil {
			return err
		}
		defer base.stop()
	}
	fmt.Fprintln(os.Stderr, "bench: building and serving the site")
	site, err := startWaymark(filepath.Join(tmp, "dist"), echarts)
	if err != nil {
		return err
	}
	defer site.stop()
	tl, err := startTimeline(filepath.Join(peers, timelineDist), en.Journey)
	if err != nil {
		return err
	}
	defer tl.srv.Close()

	loaders, err := loaderSizes(peers, site.dist)
	if err != nil {
		return err
	}

	browser, stop, err := startBrowser(filepath.Join(tmp, "chromium"))
	if err != nil {
		return err
	}
	defer stop()

	var contenders []contender
	sites := []*waymarkSite{site}
	if base != nil {
		contenders = append(contenders, contender{Name: nameBase, URL: base.demo + "/journey.html", Frame: base.origin + "/w/journey/"})
		sites = append([]*waymarkSite{base}, site)
	}
	contenders = append(contenders,
		contender{Name: nameWaymark, URL: site.demo + "/journey.html", Frame: site.origin + "/w/journey/"},
		contender{Name: nameTimeline, URL: tl.URL + "/timeline/"},
	)
	res := results{
		Date:     time.Now().UTC().Format(time.RFC3339),
		Versions: versions(peers),
		Base:     baseName,
		Loaders:  loaders,
		Runs:     runs,
	}
	for _, s := range sites {
		sz := siteSizes{Contender: nameWaymark}
		if s == base {
			sz.Contender = nameBase
		}
		if n, ok := s.echartsBrotli(); ok {
			sz.ECharts = n
		}
		if n, ok := s.wasmBrotli(); ok {
			sz.Wasm = n
		}
		res.Sizes = append(res.Sizes, sz)
	}
	// Contenders alternate run by run so that a slow moment of the machine
	// does not fall on one of them only.
	for _, p := range profiles {
		for i := 1; i <= runs; i++ {
			for _, c := range contenders {
				start := time.Now()
				r, err := measure(browser, c, p, stages, i)
				if err != nil {
					// One lost run should not cost the others: the table
					// lists it and counts the runs each median has.
					failure := fmt.Sprintf("%s, %s, run %d: %v", c.Name, p.Name, i, err)
					fmt.Fprintln(os.Stderr, "bench:", failure)
					res.Failures = append(res.Failures, failure)
					continue
				}
				fmt.Fprintf(os.Stderr, "bench: %-12s %-11s run %d: first stage %6.0f ms, usable %6.0f ms, page %7.0f B, worker %7.0f B in %d requests (%.1fs)\n",
					c.Name, p.Name, i, r.FirstStage, r.Usable, r.TotalBytes, r.WorkerBytes, r.WorkerRequests, time.Since(start).Seconds())
				res.Raw = append(res.Raw, r)
			}
		}
	}
	if err := res.write(echarts, outDir); err != nil {
		return err
	}
	if len(res.Failures) > 0 {
		return fmt.Errorf("%d runs could not be measured; the table lists them", len(res.Failures))
	}
	return nil
}
