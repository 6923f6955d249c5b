package build

import (
	"testing"

	"waymark/precompress"
)

// The loader is the one file of Waymark that every reader of a host
// article downloads, whether or not they scroll to the widget, so it keeps
// within a kilobyte as the site ships it: the build's own file, at the
// best brotli level (the test build compresses faster).
func TestTheEmbedLoaderFitsInAKilobyte(t *testing.T) {
	const budget = 1024
	dir, _ := built(t)
	min := readDist(t, dir, "/embed.js")
	br, err := precompress.Brotli(min, precompress.Best)
	if err != nil {
		t.Fatal(err)
	}
	if len(br) > budget {
		t.Errorf("/embed.js is %d B brotli (%d B minified), over its budget of %d B", len(br), len(min), budget)
	}
	t.Logf("/embed.js: %d B brotli, %d B minified", len(br), len(min))
}
