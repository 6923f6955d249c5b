package build

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"waymark/data"
	"waymark/widgets"
)

// A widget's page cannot show until its stylesheet has arrived, and one
// stylesheet for every page made each widget wait for every other
// widget's rules: the journey's first view carried the quiz, the guide,
// the slides and the builder. So web/waymark.css says which pages each of
// its rules is for (see pagesMark), and each kind's pages link a
// stylesheet of their own rules only. The pages of no kind (the index,
// the builder, the 404 page) link the whole, as every page did: the index
// opens every widget in place, and a page the app opens in place keeps
// the stylesheet of the page it replaced.

// pagesMark starts the rules of web/waymark.css that only the named pages
// use, up to the next mark: "/* pages: journey checklist */". A kind's
// name stands for its widget, its sources page and, for the checklist,
// its comparison of groups: the last two link back to the widget, which
// the app opens in place.
var pagesMark = regexp.MustCompile(`(?m)^/\* pages: ([a-z ]+) \*/$`)

// markNames are the names a mark may give besides the kinds': "all", the
// slides, the checklist's comparison of groups alone, and the pages that
// link the whole stylesheet anyway (named so their rules leave the rest).
var markNames = []string{"all", "present", "compare", "builder", "index", "notfound"}

// styleParts splits css at its marks; a part's pages are nil when every
// page uses it. A name that is neither a kind nor in markNames is an
// error, since a misspelt one would quietly take its rules off a page.
func styleParts(css string) ([]stylePart, error) {
	known := slices.Clone(markNames)
	for _, k := range widgets.Kinds {
		known = append(known, k.Name)
	}
	var parts []stylePart
	var pages []string
	at := 0
	for _, m := range pagesMark.FindAllStringSubmatchIndex(css, -1) {
		parts = append(parts, stylePart{pages: pages, css: css[at:m[0]]})
		names := strings.Fields(css[m[2]:m[3]])
		for _, n := range names {
			if !slices.Contains(known, n) {
				line := strings.Count(css[:m[0]], "\n") + 1
				return nil, fmt.Errorf("waymark.css line %d: %q names no page (want one of %s)", line, n, strings.Join(known, ", "))
			}
		}
		pages = names
		if slices.Contains(names, "all") {
			pages = nil
		}
		at = m[1]
	}
	return append(parts, stylePart{pages: pages, css: css[at:]}), nil
}

type stylePart struct {
	pages []string // nil: every page
	css   string
}

// styleName is the stylesheet a page links, by asset name: its kind's,
// the slides', the comparison's, or the whole one.
func styleName(p widgets.Page) string {
	switch {
	case p.Kind == nil:
		return "waymark.css"
	case p.Present:
		return "waymark-present.css"
	case p.Compare:
		return "waymark-compare.css"
	default:
		return "waymark-" + p.Kind.Name + ".css"
	}
}

// sheets lists every stylesheet a page links, by asset name, with the
// marked parts it takes; the whole one comes first.
func sheets() []sheet {
	marked := func(names ...string) func([]string) bool {
		return func(pages []string) bool {
			for _, n := range names {
				if slices.Contains(pages, n) {
					return true
				}
			}
			return false
		}
	}
	all := []sheet{{"waymark.css", func([]string) bool { return true }}}
	for _, k := range widgets.Kinds {
		all = append(all, sheet{"waymark-" + k.Name + ".css", marked(k.Name)})
	}
	return append(all,
		sheet{"waymark-present.css", marked("present")},
		sheet{"waymark-compare.css", marked("compare", widgets.ChecklistName)},
	)
}

type sheet struct {
	name string
	uses func(pages []string) bool // whether it takes a part for these pages
}

// stylesheets makes every stylesheet in sheets, by asset name: each part
// of web/waymark.css it takes in its place, so the cascade is as the file
// reads, then the no-script rules each kind it takes makes from its
// content.
func stylesheets(contents map[string]*data.Content) (map[string][]byte, error) {
	parts, err := styleParts(readWeb("waymark.css"))
	if err != nil {
		return nil, err
	}
	// The rules a kind makes name content ids, which are the same in
	// every language: each distinct set is sent once.
	generated := map[string][]string{}
	for _, lang := range data.Languages(contents) {
		for _, k := range widgets.Kinds {
			if rules := k.CSS(contents[lang]); rules != "" && !slices.Contains(generated[k.Name], rules) {
				generated[k.Name] = append(generated[k.Name], rules)
			}
		}
	}
	out := map[string][]byte{}
	for _, s := range sheets() {
		var b strings.Builder
		for _, p := range parts {
			if p.pages == nil || s.uses(p.pages) {
				b.WriteString(p.css)
			}
		}
		for _, k := range widgets.Kinds {
			if s.uses([]string{k.Name}) {
				for _, rules := range generated[k.Name] {
					b.WriteString("\n" + rules)
				}
			}
		}
		out[s.name] = []byte(b.String())
	}
	return out, nil
}

// styleNames are the asset names of every stylesheet.
func styleNames() []string {
	var names []string
	for _, s := range sheets() {
		names = append(names, s.name)
	}
	return names
}
