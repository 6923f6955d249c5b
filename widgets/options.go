package widgets

import (
	"net/url"
	"strings"
)

// Option is one thing an editor can choose about an embedded widget. Each
// is an attribute of the loader's element (data-<Name>), and those that
// change the widget are a part of its address too, so a plain iframe, an
// oEmbed consumer and the loader ask for the same widget the same way.
// The embed builder, the loader (which the build hands this table) and
// the README's table of options all read Options.
type Option struct {
	// Name is the attribute's name after "data-", and the query
	// parameter's where the option is in the query.
	Name string
	// In says where the widget's address carries it: "path" (the widget
	// and its language), "query", "fragment", or "" where only the
	// loader reads it.
	In string
	// Values lists the values it takes; Pattern, if Values is empty,
	// what a value looks like, as a regular expression the loader uses
	// (anything, if both are empty). The browser app checks the same with
	// match, as regexp would cost it the unicode tables; a test holds the
	// two to each other.
	Values  []string
	Pattern string
	match   func(string) bool
	// Default is what holds when the option is not given.
	Default string
	// Doc says what it does, for the README and the builder.
	Doc string
}

// Options are every option of an embed, in the order the builder asks
// for them.
var Options = []Option{
	{Name: "waymark", In: "path", Doc: "Which widget: journey, checklist, glossary, figures or quiz."},
	{Name: "lang", In: "path", Default: "en", Doc: "Its language; an unknown one shows the widget in English and says so."},
	{Name: "open", In: "fragment", Pattern: `^[a-z0-9]+(-[a-z0-9]+)*$`, match: isID, Doc: "Where it opens: a stage of the journey (before, at, after), a list of the checklist (states, organizations), a glossary term (term-<id>), a question of the quiz (q-<id>) or a technology."},
	{Name: "theme", In: "query", Values: []string{"light", "dark", "auto"}, Default: "light", Doc: "Colours: light, dark, or auto (the reader's system). An embedded widget is light unless asked; a widget opened on its own follows the system."},
	{Name: "accent", In: "query", Pattern: `^[0-9a-fA-F]{6}$`, match: isHexColour, Doc: "An accent colour, six hex digits without #, e.g. 1d3557. The widget darkens or lightens it until text in it and on it keeps 4.5:1 contrast."},
	{Name: "header", In: "query", Values: []string{"show", "hide"}, Default: "show", Doc: "Whether the widget shows its title and introduction; hidden, the title is still there for screen readers."},
	{Name: "sources", In: "query", Values: []string{"show", "hide"}, Default: "show", Doc: "Whether the widget ends with the way to its full list of sources; hidden, each citation marker still opens its sources in place, and a printed widget still ends with them as endnotes."},
	{Name: "title", Doc: "The iframe's title, which screen readers announce; the widget's own title if not given."},
	{Name: "height", Pattern: `^[0-9]{2,5}$`, match: isHeight, Doc: "The height in pixels to reserve while the widget loads; fitted to the widget and the page's width if not given."},
}

// Valid says whether v is a value the option takes.
func (o Option) Valid(v string) bool {
	if len(o.Values) > 0 {
		for _, x := range o.Values {
			if v == x {
				return true
			}
		}
		return false
	}
	if o.match == nil {
		return true
	}
	return o.match(v)
}

// isID: lowercase letters and digits in words joined by single dashes.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isHexColour: six hex digits.
func isHexColour(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, c := range []byte(s) {
		if !isHex(c) {
			return false
		}
	}
	return true
}

// isHeight: two to five digits.
func isHeight(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Address is a widget's address with the options that change it: the
// query and the fragment. Options not valid, unknown or at their default
// are left out, so every widget has one address per choice.
func Address(origin, path string, chosen map[string]string) string {
	q := url.Values{}
	fragment := ""
	for _, o := range Options {
		v, ok := chosen[o.Name]
		if !ok || v == "" || v == o.Default || !o.Valid(v) {
			continue
		}
		switch o.In {
		case "query":
			q.Set(o.Name, v)
		case "fragment":
			fragment = v
		}
	}
	var b strings.Builder
	b.WriteString(origin + path)
	if len(q) > 0 {
		b.WriteString("?" + q.Encode())
	}
	if fragment != "" {
		b.WriteString("#" + fragment)
	}
	return b.String()
}
