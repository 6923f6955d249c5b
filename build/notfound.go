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
<html lang="en" dir="ltr" data-kinds="{{.Kinds}}" data-langs="{{.Langs}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>No such Waymark widget</title><link rel="stylesheet" href="{{.CSS}}"><script src="{{.JS}}"></script><script src="{{.Height}}" defer></script></head>
<body><main class="wm-notfound"><h1>No such Waymark widget</h1>
<p>This address names a widget or a language that Waymark does not have. Check the <code>data-waymark</code> and <code>data-lang</code> values of the embed code, or use one of these:</p>
<ul>{{range .Widgets}}<li><code>{{.Name}}</code>:{{range .Links}} <a href="{{.Path}}" lang="{{.Lang}}" title="{{.Title}}">{{.Lang}}</a>{{end}}</li>{{end}}</ul>
</main></body></html>
`))

// notFoundPage writes the 404 page. Its first script (options.js) sends
// an address for a language a widget lacks on to the English version,
// which says so, and otherwise says what is wrong in the console, where
// an editor previewing an article looks; without scripts the page's links
// do. The height reporter lets a plain iframe that names a wrong widget
// shrink to this short page rather than keep the room the widget needed.
func notFoundPage(contents map[string]*data.Content, css, js, height string) ([]byte, error) {
	type link struct{ Path, Lang, Title string }
	type widget struct {
		Name  string
		Links []link
	}
	var list []widget
	var kinds []string
	for _, k := range widgets.Kinds {
		w := widget{Name: k.Name}
		for _, lang := range data.Languages(contents) {
			c := contents[lang]
			w.Links = append(w.Links, link{widgets.Path(k.Name, c), lang, k.Title(c)})
		}
		list = append(list, w)
		kinds = append(kinds, k.Name)
	}
	var b bytes.Buffer
	if err := notFoundTemplate.Execute(&b, struct {
		CSS, JS, Height, Kinds, Langs string
		Widgets                       []widget
	}{css, js, height, strings.Join(kinds, " "), strings.Join(data.Languages(contents), " "), list}); err != nil {
		return nil, fmt.Errorf("writing the 404 page: %w", err)
	}
	return minifyAs("404.html", b.Bytes())
}
