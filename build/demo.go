package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"waymark/data"
	"waymark/widgets"
)

var demoTemplate = template.Must(template.New("demo").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo campaign page: {{.Title}}</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header class="site"><p>Demo campaign site</p></header>
<main>
<article>
<h1>Digital borders: how technology meets people on the move</h1>
<p class="standfirst">This page shows {{if .Alone}}a Waymark widget the way a campaign article embeds it: the widget below is{{else}}Waymark widgets the way a campaign article embeds them: each widget below is{{end}} served from another origin ({{.Origin}}) and sized to its content by the embed loader.</p>
<p>In its report <cite>The Digital Border: Migration, Technology &amp; Inequality</cite>, Amnesty International documents how technology is contributing to a growing trend of human rights violations at borders, and urges countries to halt their use of such technologies until they can guarantee that their use does not violate human rights.</p>
{{range .Embeds}}{{with .Lead}}<p>{{.}}</p>
{{end}}<figure class="embed">
{{.Loader}}
</figure>
{{end}}<p>The report outlines how the use of new technologies by both state and non-state actors in migration systems increases the potential for violations of the human rights of people on the move, including the rights to privacy, non-discrimination, equality and to seek asylum.</p>
<p class="note">Quoted and summarised from Amnesty International's press release announcing the report.</p>
<section class="editors" aria-labelledby="editors">
<h2 id="editors">For editors: embed codes</h2>
<p>Choose where each widget opens, its colours and what it shows, with a preview, in the <a href="{{.Origin}}/builder/">embed builder</a>. The default codes:</p>
{{with .Alone}}{{else}}<p>Each widget alone in an article:{{range $i, $e := .Embeds}}{{if $i}},{{end}} <a href="/{{$e.Name}}.html">{{$e.Name}}</a>{{end}}.</p>
{{end}}{{range .Codes}}<h3>{{.Title}} ({{.Lang}})</h3>
<p>With the loader (fits its content height):</p>
<pre><code>{{.Snippets.Loader}}</code></pre>
<p>A div and a script, for blocks that take only those:</p>
<pre><code>{{.Snippets.Div}}</code></pre>
<p>Plain iframe, for sites that strip scripts:</p>
<pre><code>{{.Snippets.IFrame}}</code></pre>
{{end}}</section>
</article>
</main>
</body>
</html>
`))

const demoCSS = `body{margin:0;font:1.05rem/1.6 Georgia,serif;color:#1b1c20;background:#fbfaf7}
.site{background:#222;color:#fff;padding:.5rem 1rem;font-family:system-ui,sans-serif}
.site p{margin:0}
main{max-width:46rem;margin:0 auto;padding:1rem}
.standfirst{font-size:1.15rem;color:#333}
.embed{margin:2rem 0}
.note{font-size:.9rem;color:#444}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#eee;padding:.75rem;font-size:.85rem}
`

type demoCode struct {
	Name, Title, Lang string
	Snippets          widgets.Codes
}

// demoEmbed is one widget embedded in a demo article.
type demoEmbed struct {
	Name, Lead string
	Loader     template.HTML
}

// demoPages writes the demo campaign page that embeds every widget in the
// first language and lists every embed code (/demo/index.html), and for
// each kind an article that embeds that widget alone with its codes
// (/demo/<kind>.html): what an editor's page looks like, and what the
// embedding checks and the bench load.
func demoPages(contents map[string]*data.Content, origin string) (site, error) {
	langs := data.Languages(contents)
	var embeds []demoEmbed
	var codes []demoCode
	for _, p := range widgets.Pages(contents) {
		if !p.Widget() {
			continue
		}
		s := widgets.EmbedCodes(origin, p.Kind, contents[p.Lang], nil, p.Kind.Fit)
		codes = append(codes, demoCode{Name: p.Kind.Name, Title: p.Title, Lang: p.Lang, Snippets: s})
		if p.Lang == langs[0] {
			// The snippet is built from escaped parts above, so it is safe
			// to place as markup.
			embeds = append(embeds, demoEmbed{Name: p.Kind.Name, Lead: p.Kind.DemoLead, Loader: template.HTML(s.Loader)})
		}
	}
	out := site{}
	page := func(file, title string, alone bool, embeds []demoEmbed, codes []demoCode) error {
		var b bytes.Buffer
		err := demoTemplate.Execute(&b, map[string]any{
			"Title": title, "Origin": origin, "Alone": alone, "Embeds": embeds, "Codes": codes,
		})
		if err != nil {
			return fmt.Errorf("writing the demo page %s: %w", file, err)
		}
		out[file], err = minifyAs(file, b.Bytes())
		return err
	}
	var names []string
	for _, e := range embeds {
		names = append(names, e.Name)
	}
	if err := page("/demo/index.html", strings.Join(names, ", "), false, embeds, codes); err != nil {
		return nil, err
	}
	for _, e := range embeds {
		var own []demoCode
		for _, c := range codes {
			if c.Name == e.Name {
				own = append(own, c)
			}
		}
		if err := page("/demo/"+e.Name+".html", e.Name, true, []demoEmbed{e}, own); err != nil {
			return nil, err
		}
	}
	return out, nil
}
