package main

import (
	"fmt"
	"sort"
	"strings"

	"waymark/precompress"
)

// compressible says whether a served file gets .br and .gz siblings: every
// text format and the wasm, which compresses to about a fifth.
func compressible(p string) bool {
	for _, ext := range []string{".html", ".css", ".js", ".json", ".webmanifest", ".svg", ".wasm"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// precompress adds name.br and name.gz beside every compressible file.
func (s site) precompress() error {
	names := make([]string, 0, len(s))
	for name := range s {
		if compressible(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		br, err := precompress.Brotli(s[name])
		if err != nil {
			return fmt.Errorf("brotli %s: %w", name, err)
		}
		gz, err := precompress.Gzip(s[name])
		if err != nil {
			return fmt.Errorf("gzip %s: %w", name, err)
		}
		s[name+".br"] = br
		s[name+".gz"] = gz
	}
	return nil
}
