// Command waymark builds Waymark's site into a folder and serves it.
//
// Usage:
//
//	waymark -echarts path/to/node_modules/echarts [-out dist] [-origin http://127.0.0.1:8080]
//	waymark serve [-dir dist] [-addr 127.0.0.1:8080] [-demo 127.0.0.1:8081]
//	waymark workshop -echarts path/to/node_modules/echarts [-out dist-workshop] [-platforms linux/amd64,windows/amd64]
//
// make build and make run call it with the pinned ECharts npm package,
// from which the build bundles the parts the charts use; make workshop
// calls waymark workshop, which builds the site into one binary per
// platform for a workshop with no Internet (package workshop).
package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strings"

	"waymark/build"
	"waymark/workshop"
)

func main() {
	var err error
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		err = serve(os.Args[2:])
	} else if len(os.Args) > 1 && os.Args[1] == "workshop" {
		err = workshopBinaries(os.Args[2:])
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
	echarts := fs.String("echarts", "", "folder of the ECharts npm package (node_modules/echarts), from which the build bundles what the charts use; make passes the pinned one")
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
	fmt.Printf("  for educators: slides %s/w/journey/en/present/, guide %s/w/guide/en/, groups compared %s/w/checklist/en/compare/\n", origin, origin, origin)
	fmt.Println("Press Ctrl+C to stop.")
	errc := make(chan error, 2)
	go func() { errc <- build.NewServer(widgetsH).Serve(wl) }()
	go func() { errc <- build.NewServer(demoH).Serve(dl) }()
	return <-errc
}

// workshopBinaries builds the site into the workshop binaries, one per
// platform.
func workshopBinaries(args []string) error {
	fs := flag.NewFlagSet("workshop", flag.ExitOnError)
	out := fs.String("out", workshop.DefaultOut, "folder to write the binaries into")
	echarts := fs.String("echarts", "", "folder of the ECharts npm package (node_modules/echarts), from which the build bundles what the charts use; make passes the pinned one")
	platforms := fs.String("platforms", "", "comma-separated GOOS/GOARCH pairs to build for (default: every platform of workshop.Platforms)")
	fs.Parse(args)

	opts := workshop.BuildOptions{Out: *out, ECharts: *echarts, Log: os.Stderr}
	if *platforms != "" {
		for _, p := range strings.Split(*platforms, ",") {
			goos, goarch, ok := strings.Cut(strings.TrimSpace(p), "/")
			if !ok || goos == "" || goarch == "" {
				return fmt.Errorf("-platforms: %q is not GOOS/GOARCH (e.g. linux/amd64)", p)
			}
			opts.Platforms = append(opts.Platforms, workshop.Platform{OS: goos, Arch: goarch})
		}
	}
	bins, err := workshop.Build(opts)
	if err != nil {
		return err
	}
	for _, b := range bins {
		info, err := os.Stat(b)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "waymark: wrote %s (%.1f MB)\n", b, float64(info.Size())/1e6)
	}
	fmt.Fprintln(os.Stderr, "waymark: start the one for this computer with -addr and its address on the room's network; with no -addr it lists them")
	return nil
}
