package build

import (
	"waymark/data"
	"waymark/widgets"
)

// loader is the embed loader with the widgets and languages this build
// has, so that it can tell an editor which name in a snippet is wrong
// rather than frame a page that does not exist.
func loader(contents map[string]*data.Content) ([]byte, error) {
	known := map[string][]string{}
	for _, k := range widgets.Kinds {
		known[k.Name] = data.Languages(contents)
	}
	return fill("embed.js", readWeb("embed.js"), map[string]any{"WAYMARK_WIDGETS": known})
}
