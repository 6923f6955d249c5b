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
	known := map[string][]any{}
	for _, k := range widgets.Kinds {
		known[k.Name] = []any{data.Languages(contents), k.Fit.Phone, k.Fit.Column}
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
		where := "?"
		if o.In == "fragment" {
			where = "#"
		}
		name, _ := json.Marshal(o.Name)
		if strings.ContainsAny(pattern, "/\n") {
			return nil, fmt.Errorf("option %s: its pattern %q cannot be a regular expression literal", o.Name, pattern)
		}
		options = append(options, fmt.Sprintf(`[%s,%q,/%s/]`, name, where, pattern))
	}
	return fill("embed.js", readWeb("embed.js"), map[string]any{
		"WAYMARK_WIDGETS": known,
		"WAYMARK_OPTIONS": jsCode("[" + strings.Join(options, ",") + "]"),
	})
}
