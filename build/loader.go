package build

import (
	"encoding/json"
	"fmt"
	"strings"

	"waymark/data"
	"waymark/widgets"
)

// loader is the embed loader with the widgets and languages this build
// has, so that it can tell an editor which name in a snippet is wrong
// rather than frame a page that does not exist, each widget's fitted
// heights, and the options a widget's address carries (widgets.Options,
// the table the builder reads too).
func loader(contents map[string]*data.Content) ([]byte, error) {
	known := map[string][2]int{}
	for _, k := range widgets.Kinds {
		known[k.Name] = [2]int{k.Fit.Phone, k.Fit.Column}
	}
	// The options go in as JavaScript, each pattern a regular expression
	// literal, which the loader need not compile.
	var options []string
	for _, o := range widgets.Options {
		if o.In != "query" && o.In != "fragment" {
			continue
		}
		pattern := o.Pattern
		if len(o.Values) > 0 {
			pattern = "^(" + strings.Join(o.Values, "|") + ")$"
		}
		name, _ := json.Marshal(o.Name)
		if strings.ContainsAny(pattern, "/\n") {
			return nil, fmt.Errorf("option %s: its pattern %q cannot be a regular expression literal", o.Name, pattern)
		}
		fragment := ""
		if o.In == "fragment" {
			fragment = ",1"
		}
		options = append(options, fmt.Sprintf(`[%s,/%s/%s]`, name, pattern, fragment))
	}
	return fill("embed.js", readWeb("embed.js"), map[string]any{
		"WAYMARK_LANGUAGES": data.Languages(contents),
		"WAYMARK_WIDGETS":   known,
		"WAYMARK_OPTIONS":   jsCode("[" + strings.Join(options, ",") + "]"),
	})
}
