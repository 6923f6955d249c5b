package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"waymark/data"
	"waymark/widgets"
)

// notFoundTemplate is what the widget origin answers for an address it
// does not have. It may fill an iframe whose code names a wrong widget or
// language, so it is short, says what is wrong, and lists what exists; it
// never repeats the address asked for, which anyone can write.
var notFoundTemplate = template.Must(template.New("404").Parse(`<!doctype html>
<html lang="en" dir="ltr" data-kinds="{{.Kinds}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>No such Waymark widget</title><link rel="stylesheet" href="{{.CSS}}"><script src="{{.JS}}"></script></head>
<body><main class="wm-notfound"><h1>No such Waymark widget</h1>
<p>This address names a widget or a language that Waymark does not have. Check the <code>data-waymark</code> and <code>data-lang</code> values of the embed code, or use one of these:</p>
<ul>{{range .Links}}<li><a href="{{.Path}}" lang="{{.Lang}}">{{.Title}}</a> <code>{{.Name}}</code>, <code>{{.Lang}}</code></li>{{end}}</ul>
</main></body></html>
`))

// notFoundPage writes the 404 page. Its script (options.js) sends an
// address for a language a widget lacks on to the English version, which
// says so; without scripts the page's links do.
func notFoundPage(contents map[string]*data.Content, css, js string) ([]byte, error) {
	type link struct{ Path, Lang, Title, Name string }
	var links []link
	for _, lang := range data.Languages(contents) {
		for _, k := range widgets.Kinds {
			c := contents[lang]
			links = append(links, link{widgets.Path(k.Name, c), lang, k.Title(c), k.Name})
		}
	}
	var b bytes.Buffer
	var kinds []string
	for _, k := range widgets.Kinds {
		kinds = append(kinds, k.Name)
	}
	if err := notFoundTemplate.Execute(&b, struct {
		CSS, JS, Kinds string
		Links          []link
	}{css, js, strings.Join(kinds, " "), links}); err != nil {
		return nil, fmt.Errorf("writing the 404 page: %w", err)
	}
	return minifyAs("404.html", b.Bytes())
}
