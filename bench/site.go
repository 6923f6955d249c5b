package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"waymark/build"
	"waymark/data"
	"waymark/precompress"
)

// waymarkSite is the built site, served the way make run serves it.
type waymarkSite struct {
	dist    string
	origin  string // widgets
	demo    string // demo page
	servers []*http.Server
}

// startWaymark builds the site, exactly as make build does, for a widget
// origin on a free loopback port and serves it there, with the demo page
// on another.
func startWaymark(dist, echarts string) (*waymarkSite, error) {
	return serveBuilt(dist, func(origin string) error {
		_, err := build.Build(build.Options{Out: dist, Origin: origin, ECharts: echarts, Log: os.Stderr})
		return err
	})
}

// startBase builds the site of the git revision rev with that revision's
// own build command, in an export of its tree under tmp, and serves it as
// startWaymark does, with this tree's server: the revisions then differ
// only in what they built.
func startBase(tmp, rev, echarts string) (*waymarkSite, error) {
	src := filepath.Join(tmp, "base-src")
	if err := exportRevision(rev, src); err != nil {
		return nil, err
	}
	// Its own -echarts: builds before the bundle took ECharts's prebuilt
	// file, which its Makefile names.
	pkg, err := build.EChartsPackage(echarts)
	if err != nil {
		return nil, err
	}
	arg := pkg
	if mk, err := os.ReadFile(filepath.Join(src, "Makefile")); err == nil {
		if file, ok := echartsFile(string(mk)); ok {
			arg = filepath.Join(pkg, filepath.FromSlash(file))
		}
	}
	dist := filepath.Join(tmp, "base-dist")
	return serveBuilt(dist, func(origin string) error {
		cmd := exec.Command("go", "run", "./build/cmd/waymark", "-out", dist, "-origin", origin, "-echarts", arg)
		cmd.Dir = src
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building revision %s (%s in its tree): %w", rev, strings.Join(cmd.Args, " "), err)
		}
		return nil
	})
}

// exportRevision writes the tree of rev into dir, with git archive: unlike
// a worktree it leaves nothing in the repository to clean up if the bench
// stops half way.
func exportRevision(rev, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	archive := exec.Command("git", "archive", "--format=tar", rev)
	archive.Stderr = os.Stderr
	untar := exec.Command("tar", "-x", "-C", dir)
	untar.Stderr = os.Stderr
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return err
	}
	untar.Stdin = pipe
	if err := untar.Start(); err != nil {
		return fmt.Errorf("extracting revision %s: %w", rev, err)
	}
	archiveErr := archive.Run()
	if err := untar.Wait(); err != nil && archiveErr == nil {
		return fmt.Errorf("extracting revision %s: %w", rev, err)
	}
	if archiveErr != nil {
		return fmt.Errorf("git archive %s: %w", rev, archiveErr)
	}
	return nil
}

// echartsFile is what a Makefile's ECHARTS names inside the ECharts
// package ("dist/echarts.min.js"), if it names a file in it.
func echartsFile(makefile string) (string, bool) {
	const pkgDir = "node_modules/echarts/"
	for _, line := range strings.Split(makefile, "\n") {
		name, value, ok := strings.Cut(line, ":=")
		if !ok || strings.TrimSpace(name) != "ECHARTS" {
			continue
		}
		_, file, ok := strings.Cut(strings.TrimSpace(value), pkgDir)
		return file, ok && strings.HasSuffix(file, ".js")
	}
	return "", false
}

// serveBuilt builds a site into dist with buildFor, given the widget origin
// (a free loopback port), and serves it there, with the demo page on
// another port.
func serveBuilt(dist string, buildFor func(origin string) error) (*waymarkSite, error) {
	wl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	dl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		wl.Close()
		return nil, err
	}
	s := &waymarkSite{dist: dist, origin: "http://" + wl.Addr().String(), demo: "http://" + dl.Addr().String()}
	fail := func(err error) (*waymarkSite, error) {
		wl.Close()
		dl.Close()
		return nil, err
	}
	if err := buildFor(s.origin); err != nil {
		return fail(fmt.Errorf("building the site: %w", err))
	}
	site, err := build.SiteHandler(s.dist)
	if err != nil {
		return fail(err)
	}
	demo, err := build.DemoHandler(s.dist, s.origin)
	if err != nil {
		return fail(err)
	}
	for _, srv := range []struct {
		l net.Listener
		h http.Handler
	}{{wl, site}, {dl, demo}} {
		hs := build.NewServer(srv.h)
		s.servers = append(s.servers, hs)
		go hs.Serve(srv.l)
	}
	return s, nil
}

// echartsBrotli is the size of the ECharts the site's figures page loads,
// as the build compressed it; false if the build recorded none.
func (s *waymarkSite) echartsBrotli() (int, bool) {
	return s.assetBrotli(func(name string) bool { return strings.Contains(name, "echarts") && strings.HasSuffix(name, ".js") })
}

// wasmBrotli is the size of app.wasm as the build compressed it.
func (s *waymarkSite) wasmBrotli() (int, bool) {
	return s.assetBrotli(func(name string) bool { return name == "app.wasm" })
}

// assetBrotli is the brotli size of the first asset whose source name
// matches, from the build's record of the site.
func (s *waymarkSite) assetBrotli(match func(string) bool) (int, bool) {
	b, err := os.ReadFile(filepath.Join(s.dist, "build.json"))
	if err != nil {
		return 0, false
	}
	var res struct {
		Assets map[string]string `json:"assets"`
	}
	if json.Unmarshal(b, &res) != nil {
		return 0, false
	}
	var names []string
	for name := range res.Assets {
		if match(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		fi, err := os.Stat(filepath.Join(s.dist, filepath.FromSlash(strings.TrimPrefix(res.Assets[name], "/"))+".br"))
		if err == nil {
			return int(fi.Size()), true
		}
	}
	return 0, false
}

func (s *waymarkSite) stop() {
	for _, srv := range s.servers {
		srv.Close()
	}
}

// timelineJSON turns the journey into TimelineJS's JSON format: a title
// slide with the journey's heading and introduction, then one slide per
// stage with its introduction and every technology, summary and case. The
// dates 1, 2, 3 only order the stages; the display date is the report's
// section.
func timelineJSON(j data.Journey) ([]byte, error) {
	type text struct {
		Headline string `json:"headline"`
		Text     string `json:"text"`
	}
	type date struct {
		Year int `json:"year"`
	}
	type event struct {
		StartDate   date   `json:"start_date"`
		DisplayDate string `json:"display_date,omitempty"`
		Text        text   `json:"text"`
		UniqueID    string `json:"unique_id"`
	}
	var tl struct {
		Title struct {
			Text     text   `json:"text"`
			UniqueID string `json:"unique_id"`
		} `json:"title"`
		Events []event `json:"events"`
	}
	tl.Title.Text = text{Headline: html.EscapeString(j.Title), Text: "<p>" + html.EscapeString(j.Intro) + "</p>"}
	tl.Title.UniqueID = "tl-title"
	for i, s := range j.Stages {
		var b strings.Builder
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(s.Intro))
		for _, t := range s.Technologies {
			fmt.Fprintf(&b, "<h3>%s</h3><p>%s</p>", html.EscapeString(t.Name), html.EscapeString(t.Summary))
			if len(t.Cases) > 0 {
				b.WriteString("<ul>")
				for _, c := range t.Cases {
					fmt.Fprintf(&b, "<li><strong>%s</strong>: %s</li>", html.EscapeString(c.Name), html.EscapeString(c.Text))
				}
				b.WriteString("</ul>")
			}
		}
		tl.Events = append(tl.Events, event{
			StartDate:   date{Year: i + 1},
			DisplayDate: s.Section,
			Text:        text{Headline: html.EscapeString(s.Title), Text: b.String()},
			UniqueID:    "tl-" + s.ID,
		})
	}
	return json.Marshal(tl)
}

// timelinePage is TimelineJS instantiated in a page, as its docs describe
// ("Instantiate a Timeline in your page"), with its files from loopback.
// The font option names one of TimelineJS's own font sets that uses the
// reader's system fonts: the default set loads Google Fonts, which would
// leave loopback; script_path (where TimelineJS finds its fonts and
// locales) would otherwise default to Knight Lab's CDN. start_at_slide 1 opens on the first stage, as Waymark
// does; the title slide stays one click back.
const timelinePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>TimelineJS: journey</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js" id="timeline-script-tag"></script>
<style>html,body{margin:0;padding:0}#timeline-embed{width:100%%;height:650px}</style>
</head><body>
<div id="timeline-embed"></div>
<script>
window.timeline = new TL.Timeline('timeline-embed', %s, {script_path: location.origin + '/tl/js/', font: 'georgia-helvetica', start_at_slide: 1, language: 'en'});
</script>
</body></html>`

// timelineServer serves the TimelineJS page and TimelineJS's own dist
// files, brotli-compressed like Waymark's (at the same quality), so the
// peer pays no more bytes than it would from a good CDN.
type timelineServer struct {
	files map[string][]byte // path -> body
	br    map[string][]byte // path -> brotli body
	srv   *http.Server
	URL   string
}

func startTimeline(dist string, j data.Journey) (*timelineServer, error) {
	js, err := timelineJSON(j)
	if err != nil {
		return nil, fmt.Errorf("TimelineJS JSON: %w", err)
	}
	t := &timelineServer{files: map[string][]byte{}, br: map[string][]byte{}}
	t.files["/timeline/"] = []byte(fmt.Sprintf(timelinePage, js))
	err = filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".map") {
			return err
		}
		rel, _ := filepath.Rel(dist, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		t.files["/tl/"+filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading TimelineJS (make bench installs it): %w", err)
	}
	if _, ok := t.files["/tl/js/timeline.js"]; !ok {
		return nil, fmt.Errorf("no js/timeline.js in %s", dist)
	}
	for p, b := range t.files {
		if build.FormatOf(p).Compress {
			c, err := precompress.Brotli(b, precompress.Best)
			if err != nil {
				return nil, err
			}
			t.br[p] = c
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	t.URL = "http://" + l.Addr().String()
	t.srv = &http.Server{Handler: t}
	go t.srv.Serve(l)
	return t, nil
}

func (t *timelineServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	b, ok := t.files[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", build.FormatOf(p).ContentType())
	w.Header().Set("Vary", "Accept-Encoding")
	if c, ok := t.br[p]; ok && strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
		w.Header().Set("Content-Encoding", "br")
		b = c
	}
	http.ServeContent(w, r, "", zeroTime, bytes.NewReader(b))
}

var zeroTime time.Time

func runOut(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).Output()
	return string(out), err
}
