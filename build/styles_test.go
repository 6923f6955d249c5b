package build

import (
	"strings"
	"testing"
)

// A misspelt page name under a mark would leave its rules off the page it
// meant; the build stops and says where instead.
func TestAMarkThatNamesNoPageStopsTheBuild(t *testing.T) {
	css := ".wm{margin:0}\n/* pages: jounrey */\n.wm-tech{padding:0}\n"
	_, err := styleParts(css)
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), `"jounrey"`) {
		t.Fatalf("a mark naming %q: err = %v, want one naming it and line 2", "jounrey", err)
	}
	parts, err := styleParts(strings.Replace(css, "jounrey", "journey", 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].pages != nil || len(parts[1].pages) != 1 || parts[1].pages[0] != "journey" || !strings.Contains(parts[1].css, ".wm-tech") {
		t.Errorf("parts = %+v, want the rules before the mark for every page and .wm-tech for the journey's", parts)
	}
}
