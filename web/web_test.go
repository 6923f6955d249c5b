package web

import (
	"regexp"
	"strings"
	"testing"
)

// A rule left open swallows every rule after it, and the build appends
// the widgets' no-script rules after the stylesheet: a page without
// JavaScript would lose them all without a word from the minifier.
func TestStylesheetClosesEveryBlock(t *testing.T) {
	b, err := Files.ReadFile("waymark.css")
	if err != nil {
		t.Fatal(err)
	}
	css := regexp.MustCompile(`(?s)/\*.*?\*/|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`).ReplaceAllString(string(b), "")
	depth := 0
	for i, line := range strings.Split(css, "\n") {
		depth += strings.Count(line, "{") - strings.Count(line, "}")
		if depth < 0 {
			t.Fatalf("waymark.css: a block closes that never opened, near line %d (of the file without its comments)", i+1)
		}
	}
	if depth != 0 {
		t.Errorf("waymark.css: %d blocks are never closed", depth)
	}
}
