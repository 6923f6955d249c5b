package widgets

import (
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// latinRuns renders text of a right-to-left language with each run of
// Latin script (EURODAC, iBorderCtrl, "US DOS INL", HART 2) in a
// <bdi lang="en" dir="ltr">. Left to the Unicode bidirectional algorithm,
// the punctuation and numbers at a run's edges join it and move: "(HART)"
// or "EURODAC." can come out reversed in an Arabic sentence. Isolated,
// each run counts as one neutral character of the sentence around it;
// marked as English, a screen reader says "EURODAC" in an English voice. The build takes out the line
// breaks its renderer puts around the element (build's hugText), so the
// prerendered page spaces the sentence as the app does. Left-to-right
// text is one text node.
func latinRuns(dir, text string) []app.UI {
	if dir != "rtl" {
		return []app.UI{app.Text(text)}
	}
	var out []app.UI
	splitLatin(text, func(s string, latin bool) {
		if latin {
			out = append(out, app.Bdi().Lang(data.Base).Dir("ltr").Text(s))
		} else {
			out = append(out, app.Text(s))
		}
	})
	if len(out) == 0 {
		out = append(out, app.Text(""))
	}
	return out
}

// LatinIsolated is text of a right-to-left language with each run that
// latinRuns isolates between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL
// ISOLATE, for what lays out plain text by the bidirectional algorithm
// (the build's link previews): it then orders the sentence as the page
// does. Left-to-right text comes back as it is.
func LatinIsolated(dir, text string) string {
	if dir != "rtl" {
		return text
	}
	var b strings.Builder
	splitLatin(text, func(s string, latin bool) {
		if latin {
			b.WriteString("\u2066" + s + "\u2069")
		} else {
			b.WriteString(s)
		}
	})
	return b.String()
}

// splitLatin hands on text in pieces, in order, each a Latin run or what
// lies between two.
func splitLatin(text string, piece func(s string, latin bool)) {
	src := []rune(text)
	at := 0
	for i := 0; i < len(src); {
		if !isLatin(src[i]) {
			i++
			continue
		}
		end := latinRunEnd(src, i)
		if i > at {
			piece(string(src[at:i]), false)
		}
		piece(string(src[i:end]), true)
		at, i = end, end
	}
	if at < len(src) {
		piece(string(src[at:]), false)
	}
}

func isLatin(r rune) bool { return unicode.Is(unicode.Latin, r) }

// latinRunEnd is where the Latin run starting at i ends: it takes in
// digits, spaces and the punctuation inside names ("The Digital Border:
// Migration, Technology & Inequality") as long as a Latin letter or digit
// follows before any other script, and ends on a letter or digit.
func latinRunEnd(src []rune, i int) int {
	end := i + 1
	for k := i + 1; k < len(src); k++ {
		r := src[k]
		switch {
		case isLatin(r) || '0' <= r && r <= '9':
			end = k + 1
		case r == ' ' || r == '-' || r == '.' || r == ',' || r == ':' || r == '&' || r == '/' || r == '\'' || r == '’':
			// Part of the run only if the run goes on after it.
		default:
			return end
		}
	}
	return end
}
