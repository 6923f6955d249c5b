// Package precompress compresses served files once, ahead of time. The
// site ships at the highest levels: the build runs once per file, and
// readers on metered connections pay for every byte on every visit. Tests
// that only need a working site use the fast levels, which spare about
// half a minute of CPU per build on the wasm alone. The bench uses the
// same functions, so the sizes it compares are made the way the site's are.
package precompress

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Level says how hard to compress.
type Level int

const (
	// Best is what the site ships: the smallest files. It is the zero
	// value, so a build that does not choose ships the best.
	Best Level = iota
	// Fast is for builds that are thrown away, such as the tests'.
	Fast
)

// Brotli compresses b with brotli at the given level.
func Brotli(b []byte, l Level) ([]byte, error) {
	q := brotli.BestCompression
	if l == Fast {
		q = 1
	}
	var out bytes.Buffer
	w := brotli.NewWriterLevel(&out, q)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Gzip compresses b with gzip at the given level.
func Gzip(b []byte, l Level) ([]byte, error) {
	q := gzip.BestCompression
	if l == Fast {
		q = gzip.BestSpeed
	}
	var out bytes.Buffer
	w, err := gzip.NewWriterLevel(&out, q)
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
