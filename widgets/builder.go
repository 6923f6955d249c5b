package widgets

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// SiteOrigin is the origin the site is built for. The build sets it before
// it prerenders the embed builder; the app reads its own.
var SiteOrigin string

// Builder is the embed builder at /builder/: an editor chooses a widget,
// its language, where it opens, its colours and what it shows (Options),
// sees it live at a phone's width and in an article column, and copies
// the code their site takes (Codes). The previews measure the widget with
// those options, and the codes that cannot resize (a plain iframe, a
// titled-iframe block) take those heights.
//
// Prerendered, it lists the journey's default codes and says that
// choosing needs JavaScript; in the app it is the form.
type Builder struct {
	app.Compo

	// Contents is every language's content; Interactive is true in the
	// browser app.
	Contents    map[string]*data.Content
	Interactive bool

	origin string
	kind   string
	lang   string
	open   string
	theme  string
	accent string // "" for the widget's own
	header bool
	cited  bool // the way to the full list of sources shows

	measured map[string]int // preview id -> the widget's height in it
	copied   map[string]string
	listener app.Func

	// The previews' addresses as last rendered: measurements of another
	// address are not this one's.
	shown map[string]string
}

// The previews: a phone's width and an article column's.
const (
	previewPhone  = "wm-preview-phone"
	previewColumn = "wm-preview-column"
)

func (b *Builder) ui() data.UI { return b.Contents[data.Languages(b.Contents)[0]].UI }

func (b *Builder) content() *data.Content {
	if c, ok := b.Contents[b.lang]; ok {
		return c
	}
	return b.Contents[data.Languages(b.Contents)[0]]
}

func (b *Builder) kindOf() *Kind {
	if k := KindNamed(b.kind); k != nil {
		return k
	}
	return &Kinds[0]
}

// OnInit starts from the journey in the first language, light, with its
// title and introduction and the way to its sources.
func (b *Builder) OnInit() {
	b.origin = SiteOrigin
	b.kind, b.lang, b.theme, b.header, b.cited = Kinds[0].Name, data.Languages(b.Contents)[0], "light", true, true
	b.measured, b.copied, b.shown = map[string]int{}, map[string]string{}, map[string]string{}
	if app.IsClient {
		b.origin = app.Window().Get("location").Get("origin").String()
	}
}

// OnMount listens for the previews' height reports, the messages the
// height reporter sends any page that frames a widget.
func (b *Builder) OnMount(ctx app.Context) {
	if !b.Interactive {
		return
	}
	b.listener = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("origin").String() != b.origin || e.Get("data").Type() != app.TypeString {
			return nil
		}
		h, ok := heightOf(e.Get("data").String())
		if !ok {
			return nil
		}
		for _, id := range []string{previewPhone, previewColumn} {
			f := app.Window().GetElementByID(id)
			if !f.Truthy() || !f.Get("contentWindow").Equal(e.Get("source")) {
				continue
			}
			// The previews are of this origin, so their address can be read:
			// a report from the page an option just replaced is not the new
			// page's.
			at := f.Get("contentWindow").Get("location").Get("href").String()
			ctx.Dispatch(func(app.Context) {
				if at == b.shown[id] {
					b.measured[id] = max(b.measured[id], h)
				}
			})
		}
		return nil
	})
	app.Window().Call("addEventListener", "message", b.listener)
}

// OnDismount stops listening.
func (b *Builder) OnDismount() {
	if b.listener != nil {
		app.Window().Call("removeEventListener", "message", b.listener)
		b.listener.Release()
	}
}

// heightOf reads a height report: {"type":"waymark:height","height":N}.
func heightOf(msg string) (int, bool) {
	const prefix = `{"type":"waymark:height","height":`
	rest, ok := strings.CutPrefix(msg, prefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "}"))
	return n, err == nil && n > 0 && n < 1e6
}

// chosen are the options the form holds, by Option name.
func (b *Builder) chosen() map[string]string {
	m := map[string]string{"theme": b.theme, "open": b.open, "accent": strings.TrimPrefix(b.accent, "#")}
	if !b.header {
		m["header"] = "hide"
	}
	if !b.cited {
		m["sources"] = "hide"
	}
	return m
}

// fit is the widget's height with these options: as the previews measured
// it, else as its kind is fitted.
func (b *Builder) fit() Fit {
	f := b.kindOf().Fit
	if h := b.measured[previewPhone]; h > 0 {
		f.Phone = h
	}
	if h := b.measured[previewColumn]; h > 0 {
		f.Column = h
	}
	return f
}

// change records a choice; the previews then load again and measure anew.
func (b *Builder) change(set func()) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		set()
		b.measured = map[string]int{}
		b.copied = map[string]string{}
	}
}

// Render draws the page.
func (b *Builder) Render() app.UI {
	ui := b.ui()
	c := b.content()
	k := b.kindOf()
	codes := EmbedCodes(b.origin, k, c, b.chosen(), b.fit())
	cls := "wm wm-builder"
	if b.Interactive {
		cls += " wm-app"
	}
	return app.Main().Class(cls).Aria("labelledby", "wm-title").Body(
		app.Header().Body(
			app.H1().ID("wm-title").Text(ui.BuilderTitle),
			app.P().Class("wm-intro").Text(ui.BuilderIntro),
		),
		app.If(!b.Interactive, func() app.UI { return app.P().Class("wm-notice").Text(ui.BuilderNoScript) }),
		app.If(b.Interactive, func() app.UI { return b.renderForm(ui, c, k) }),
		app.If(b.Interactive, func() app.UI { return b.renderPreviews(ui, codes.URL) }),
		b.renderCodes(ui, codes),
		app.Div().Class("wm-sr").Role("status").Aria("live", "polite").Text(b.copied["status"]),
	)
}

func (b *Builder) renderForm(ui data.UI, c *data.Content, k *Kind) app.UI {
	sel := func(id, label string, value string, opts [][2]string, set func(string)) app.UI {
		return app.P().Class("wm-field").Body(
			app.Label().For(id).Text(label),
			app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				b.change(func() { set(v) })(ctx, e)
			}).Body(
				app.Range(opts).Slice(func(i int) app.UI {
					o := app.Option().Value(opts[i][0]).Text(opts[i][1])
					if opts[i][0] == value {
						o = o.Selected(true)
					}
					return o
				}),
			),
		)
	}
	var kinds, langs [][2]string
	for _, kk := range Kinds {
		kinds = append(kinds, [2]string{kk.Name, kk.Title(c)})
	}
	for _, l := range data.Languages(b.Contents) {
		langs = append(langs, [2]string{l, b.Contents[l].UI.LanguageName})
	}
	opens := append([][2]string{{"", ui.BuilderOpenStart}}, openings(k, c)...)
	theme := func(v, label string) app.UI {
		in := app.Input().Type("radio").Name("wm-b-theme").ID("wm-b-theme-" + v).Value(v).
			OnChange(b.change(func() { b.theme = v }))
		if b.theme == v {
			in = in.Checked(true)
		}
		return app.Label().Class("wm-chip").For("wm-b-theme-"+v).Body(in, app.Span().Text(label))
	}
	own := app.Input().Type("checkbox").ID("wm-b-own-accent").
		OnChange(func(ctx app.Context, e app.Event) {
			keep := ctx.JSSrc().Get("checked").Bool()
			b.change(func() {
				b.accent = ""
				if !keep {
					b.accent = "#1d3557"
				}
			})(ctx, e)
		})
	if b.accent == "" {
		own = own.Checked(true)
	}
	colour := app.Input().Type("color").ID("wm-b-accent").Value(orDefault(b.accent, "#1d3557")).
		OnChange(func(ctx app.Context, e app.Event) {
			v := ctx.JSSrc().Get("value").String()
			b.change(func() { b.accent = v })(ctx, e)
		})
	if b.accent == "" {
		colour = colour.Disabled(true)
	}
	// Each box has a handler of its own code: go-app keeps an element's
	// handler through later renders when the new one has the same code,
	// and a widget with nowhere to open drops the select above, so each
	// box moves up into the element the one before it had.
	check := func(id, label string, on bool, changed app.EventHandler) app.UI {
		in := app.Input().Type("checkbox").ID(id).OnChange(changed)
		if on {
			in = in.Checked(true)
		}
		return app.P().Class("wm-field wm-check").Body(in, app.Label().For(id).Text(label))
	}
	checked := func(ctx app.Context) bool { return ctx.JSSrc().Get("checked").Bool() }
	return app.Form().Class("wm-builder-form").OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		sel("wm-b-widget", ui.BuilderWidget, b.kind, kinds, func(v string) { b.kind, b.open = v, "" }),
		sel("wm-b-lang", ui.BuilderLanguage, b.lang, langs, func(v string) { b.lang = v }),
		app.If(len(opens) > 1, func() app.UI {
			return sel("wm-b-open", ui.BuilderOpen, b.open, opens, func(v string) { b.open = v })
		}),
		app.FieldSet().Class("wm-field").Body(
			app.Legend().Text(ui.BuilderTheme),
			app.Div().Class("wm-answers").Body(
				theme("light", ui.ThemeLight), theme("dark", ui.ThemeDark), theme("auto", ui.ThemeAuto),
			),
		),
		app.P().Class("wm-field wm-check").Body(own, app.Label().For("wm-b-own-accent").Text(ui.BuilderOwnAccent)),
		app.P().Class("wm-field").Body(app.Label().For("wm-b-accent").Text(ui.BuilderAccent), colour),
		check("wm-b-header", ui.BuilderHeader, b.header, func(ctx app.Context, e app.Event) {
			v := checked(ctx)
			b.change(func() { b.header = v })(ctx, e)
		}),
		check("wm-b-sources", ui.BuilderSources, b.cited, func(ctx app.Context, e app.Event) {
			v := checked(ctx)
			b.change(func() { b.cited = v })(ctx, e)
		}),
	)
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// openings are the places a kind of widget can open at, as an editor
// names them: the journey's stages and technologies, the checklist's
// lists, the glossary's terms, the quiz's questions.
func openings(k *Kind, c *data.Content) [][2]string {
	var out [][2]string
	switch k.Name {
	case JourneyName:
		for _, s := range c.Journey.Stages {
			out = append(out, [2]string{s.ID, s.Title})
		}
		for _, s := range c.Journey.Stages {
			for _, t := range s.Technologies {
				out = append(out, [2]string{t.ID, s.Title + ": " + t.Name})
			}
		}
	case ChecklistName:
		for _, l := range c.Checklist.Lists {
			out = append(out, [2]string{l.ID, l.Title})
		}
	case GlossaryName:
		for _, t := range c.Glossary.Terms {
			out = append(out, [2]string{"term-" + t.ID, t.Term})
		}
	case QuizName:
		// Numbered as the quiz numbers them, so the editor finds the one
		// they read there.
		for i, q := range c.Quiz.Questions {
			out = append(out, [2]string{claimOf(q.ID), strconv.Itoa(i+1) + ". " + clip(q.Text, openingLength)})
		}
	}
	return out
}

// openingLength is as much of a question as the list of openings shows:
// the quiz's questions run to some 200 characters, and a select is as
// wide as its longest choice.
const openingLength = 80

// clip shortens s to at most n characters, at a space, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	if i := strings.LastIndex(string(r[:cut]), " "); i > 0 {
		return strings.TrimRight(string(r[:cut])[:i], " ,;:") + "…"
	}
	return string(r[:cut]) + "…"
}

// renderPreviews shows the widget at a phone's width and in an article
// column, from its own origin, as a page embeds it.
func (b *Builder) renderPreviews(ui data.UI, address string) app.UI {
	frame := func(id, caption string) app.UI {
		b.shown[id] = address
		return app.Figure().Class("wm-preview "+id).Body(
			app.FigCaption().Text(caption),
			app.Div().Class("wm-preview-box").Body(
				app.IFrame().ID(id).Src(address).Title(caption+": "+b.kindOf().Title(b.content())).
					Attr("allow", "clipboard-write"),
			),
		)
	}
	return app.Section().Class("wm-previews").Aria("labelledby", "wm-previews-h").Body(
		app.H2().ID("wm-previews-h").Text(ui.BuilderPreview),
		app.Div().Class("wm-preview-row").Body(
			frame(previewPhone, ui.BuilderPhone),
			frame(previewColumn, ui.BuilderColumn),
		),
	)
}

// renderCodes lists the codes, each with a button that copies it and says
// so where the editor looks.
func (b *Builder) renderCodes(ui data.UI, codes Codes) app.UI {
	code := func(id, label, text string, rows int) app.UI {
		var field app.UI = app.Input().Type("text").ID(id).Class("wm-code").ReadOnly(true).Value(text)
		if rows > 1 {
			area := app.Textarea().ID(id).Class("wm-code").ReadOnly(true).Rows(rows)
			// Prerendered, the code is the textarea's text: go-app writes
			// a value attribute with Go's quoting, which HTML does not
			// read, and every code has quotes and line breaks. The app
			// sets the value.
			if b.Interactive {
				field = area.Text(text)
			} else {
				field = area.Body(app.Text(text))
			}
		}
		return app.Div().Class("wm-code-row").Body(
			app.Label().For(id).Text(label),
			field,
			app.If(b.Interactive, func() app.UI {
				// The label goes with the visible word, so each of the
				// buttons says which code it copies.
				return app.Button().Type("button").Class("wm-step").
					Aria("describedby", id+"-note").
					OnClick(func(ctx app.Context, e app.Event) {
						// Copy the code the field shows now, not the
						// captured text: go-app keeps a button's first
						// handler through later renders (it compares
						// handlers by their code, not their closure), so
						// text is still the first render's code.
						shown := app.Window().GetElementByID(id).Get("value").String()
						copyText(ctx, shown, func(ctx app.Context, ok bool) {
							b.copied = map[string]string{}
							if ok {
								b.copied[id], b.copied["status"] = ui.Copied, ui.Copied
								return
							}
							b.copied[id], b.copied["status"] = ui.CopyFailed, ui.CopyFailed
							selectForCopy(ctx, id)
						})
					}).
					Body(app.Text(ui.Copy), app.Span().Class("wm-sr").Text(": "+label))
			}),
			app.P().ID(id+"-note").Class("wm-copy-note").Text(b.copied[id]),
		)
	}
	return app.Section().Class("wm-codes").Aria("labelledby", "wm-codes-h").Body(
		app.H2().ID("wm-codes-h").Text(ui.BuilderCodes),
		code("wm-code-loader", ui.CodeLoader, codes.Loader, 4),
		code("wm-code-div", ui.CodeDiv, codes.Div, 3),
		code("wm-code-iframe", ui.CodeIFrame, codes.IFrame, 4),
		app.FieldSet().Class("wm-code-block").Body(
			app.Legend().Text(ui.CodeBlock),
			code("wm-code-url", ui.CodeBlockURL, codes.URL, 1),
			code("wm-code-title", ui.CodeBlockTitle, codes.Title, 1),
			code("wm-code-height", ui.CodeBlockHeight, strconv.Itoa(codes.MinHeight), 1),
		),
		code("wm-code-oembed", ui.CodeOEmbed, codes.URL, 1),
		code("wm-code-private", ui.CodePrivate, codes.Private, 5),
	)
}
