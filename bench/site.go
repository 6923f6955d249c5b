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
func startWaymark(tmp, echarts string) (*waymarkSite, error) {
	wl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	dl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		wl.Close()
		return nil, err
	}
	s := &waymarkSite{dist: filepath.Join(tmp, "dist"), origin: "http://" + wl.Addr().String(), demo: "http://" + dl.Addr().String()}
	fail := func(err error) (*waymarkSite, error) {
		wl.Close()
		dl.Close()
		return nil, err
	}
	if _, err := build.Build(build.Options{Out: s.dist, Origin: s.origin, ECharts: echarts, Log: os.Stderr}); err != nil {
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
