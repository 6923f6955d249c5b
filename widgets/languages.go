package widgets

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// MissingParam is the query parameter that carries a language the reader
// asked for and the widget has no version in; the widget shows in English
// and says so (see missingNote).
const MissingParam = "missing"

// languageLinks lets the reader switch the widget to another of its
// languages. Each link is named in its own language and marked as such, so
// a screen reader pronounces "Français" in French. options.js adds the
// fragment of the moment (the open stage, list or term, the checklist's
// answers) as the reader follows a link, so the other version opens where
// this one stands, and has the browser load it as a page, whose lang and
// dir are the new language's; the link itself stays the plain address,
// which works without scripts.
func languageLinks(kind string, c *data.Content) app.UI {
	langs := c.Languages()
	items := make([]app.UI, 0, len(langs))
	for _, l := range langs {
		if l.Tag == c.UI.Lang {
			items = append(items, app.Li().Body(
				app.Span().Lang(l.Tag).Dir(l.Dir).Aria("current", "page").Text(l.Name)))
			continue
		}
		items = append(items, app.Li().Body(
			app.A().Href("/w/"+kind+"/"+l.Tag+"/").Lang(l.Tag).Dir(l.Dir).Attr("hreflang", l.Tag).
				DataSet("keep", "fragment").Text(l.Name)))
	}
	return app.Nav().Class("wm-langs").Aria("label", c.UI.LanguagesLabel).Body(app.Ul().Body(items...))
}

// missingNote says that the widget shows in English because the address
// asked for a language it lacks. The prerendered page holds the note
// empty, which the stylesheet does not show, with its text as a template
// that options.js fills; the app says it from the address. Only what reads as a language tag is ever
// repeated: the address is anyone's to write, and the widget must not say
// whatever a link puts in it.
func missingNote(c *data.Content, interactive bool) app.UI {
	p := app.P().Class("wm-lang-missing")
	if !interactive {
		return p.DataSet("text", attr(c.UI.LanguageMissing))
	}
	asked := askedLanguage()
	return app.If(asked != "" && c.UI.Lang == data.Base, func() app.UI {
		return p.Text(strings.ReplaceAll(c.UI.LanguageMissing, "{lang}", asked))
	})
}

// askedLanguage is the language the address says was asked for and
// missing, or "" if it says none or something that is not a tag.
func askedLanguage() string {
	if !app.IsClient {
		return ""
	}
	v := app.Window().URL().Query().Get(MissingParam)
	if !IsLanguageTag(v) {
		return ""
	}
	return v
}

// IsLanguageTag says whether s has the shape of a BCP 47 tag: a primary
// subtag of two or three letters, then subtags of one to eight letters or
// digits, twenty characters at most.
func IsLanguageTag(s string) bool {
	if len(s) > 20 {
		return false
	}
	for i, sub := range strings.Split(s, "-") {
		if i == 0 && (len(sub) < 2 || len(sub) > 3) || len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, c := range []byte(sub) {
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}
