// Command build turns Waymark's content and components into dist/: every
// widget in every language prerendered, minified, fingerprinted and
// precompressed, with the embed loader, the JSON Schemas and a demo page.
//
// Usage:
//
//	go run ./build [-out dist] [-origin http://127.0.0.1:8080]
//	go run ./build serve [-dir dist] [-addr 127.0.0.1:8080] [-demo 127.0.0.1:8081]
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		if err := serveMain(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
			os.Exit(1)
		}
		return
	}
	fs := flag.NewFlagSet("build", flag.ExitOnError)
	out := fs.String("out", "dist", "folder to write the site into (replaced)")
	origin := fs.String("origin", "http://127.0.0.1:8080", "origin the widgets are served from, used by the demo page's embed codes")
	fs.Parse(os.Args[1:])

	res, err := Build(Options{Out: *out, Origin: *origin, Log: os.Stderr})
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "build: wrote %d pages to %s (version %s)\n", len(res.Pages), *out, res.Version)
}
