// Command waymark builds Waymark's site into a folder and serves it.
//
// Usage:
//
//	waymark -echarts path/to/echarts.min.js [-out dist] [-origin http://127.0.0.1:8080]
//	waymark serve [-dir dist] [-addr 127.0.0.1:8080] [-demo 127.0.0.1:8081]
//
// make build and make run call it with the pinned ECharts.
package main

import (
	"flag"
	"fmt"
	"net"
	"os"

	"waymark/build"
)

func main() {
	var err error
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		err = serve(os.Args[2:])
	} else {
		err = buildSite(os.Args[1:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "waymark:", err)
		os.Exit(1)
	}
}

func buildSite(args []string) error {
	fs := flag.NewFlagSet("waymark", flag.ExitOnError)
	out := fs.String("out", "dist", "folder to write the site into (replaced)")
	origin := fs.String("origin", "http://127.0.0.1:8080", "origin the widgets are served from, for the embed codes, oEmbed answers and link previews")
	echarts := fs.String("echarts", "", "path of echarts.min.js (make passes the pinned copy from npm)")
	fs.Parse(args)

	res, err := build.Build(build.Options{Out: *out, Origin: *origin, ECharts: *echarts, Log: os.Stderr})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "waymark: wrote %d pages to %s (version %s)\n", len(res.Pages), *out, res.Version)
	return nil
}

// serve serves the widgets on one address and the demo page on another,
// so the demo embeds the widgets across origins the way a campaign site
// does.
func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	dir := fs.String("dir", "dist", "built site to serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address for the widgets")
	demoAddr := fs.String("demo", "127.0.0.1:8081", "address for the demo page")
	fs.Parse(args)

	wl, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening for widgets on %s: %w", *addr, err)
	}
	dl, err := net.Listen("tcp", *demoAddr)
	if err != nil {
		return fmt.Errorf("listening for the demo on %s: %w", *demoAddr, err)
	}
	origin := "http://" + wl.Addr().String()
	widgetsH, err := build.SiteHandler(*dir)
	if err != nil {
		return err
	}
	demoH, err := build.DemoHandler(*dir, origin)
	if err != nil {
		return err
	}
	fmt.Printf("Waymark is serving %s\n", *dir)
	fmt.Printf("  demo page:  http://%s/\n", dl.Addr())
	fmt.Printf("  widgets:    %s/  (journey: %s/w/journey/en/)\n", origin, origin)
	fmt.Printf("  embed code: %s/embed.js\n", origin)
	fmt.Printf("  embed builder, for editors: %s/builder/\n", origin)
	fmt.Println("Press Ctrl+C to stop.")
	errc := make(chan error, 2)
	go func() { errc <- build.NewServer(widgetsH).Serve(wl) }()
	go func() { errc <- build.NewServer(demoH).Serve(dl) }()
	return <-errc
}
