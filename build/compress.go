package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
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

// precompress adds name.br and name.gz beside every compressible file, at
// the highest levels: this runs once per build, and readers on metered
// connections pay for every byte on every visit.
func (s site) precompress() error {
	names := make([]string, 0, len(s))
	for name := range s {
		if compressible(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		br, err := brotliBytes(s[name])
		if err != nil {
			return fmt.Errorf("brotli %s: %w", name, err)
		}
		gz, err := gzipBytes(s[name])
		if err != nil {
			return fmt.Errorf("gzip %s: %w", name, err)
		}
		s[name+".br"] = br
		s[name+".gz"] = gz
	}
	return nil
}

func brotliBytes(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w := brotli.NewWriterLevel(&out, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
