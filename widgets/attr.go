package widgets

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// attr makes a text safe to pass as an attribute value.
//
// go-app's server-side renderer writes attribute values with Go string
// quoting (strconv.Quote), not HTML escaping: a '"' in content would end the
// attribute in prerendered HTML, and non-ASCII letters would come out as \u
// escapes. So on the server every character outside a plain safe set is
// written as a numeric character reference, which Go quoting leaves alone
// and the HTML parser turns back into the character. In the browser the
// value goes through setAttribute, which needs no escaping, so it is passed
// through.
func attr(s string) string {
	if app.IsClient {
		return s
	}
	return EscapeAttr(s)
}

// EscapeAttr writes every character of s outside a plain safe set as a
// numeric character reference, for text that go-app's server renderer will
// place in an attribute (see attr). html.UnescapeString inverts it.
func EscapeAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			strings.ContainsRune(" -_.,:;/?=+()!*~@$%", r):
			b.WriteRune(r)
		default:
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
		}
	}
	return b.String()
}

// anchorID is the element id that a fragment names. Prerendered, it is the
// fragment itself, so plain links and CSS :target work without script. In
// the app it is prefixed: go-app scrolls the element a fragment names into
// view when it starts, which in an iframe would scroll the host page to the
// widget. The widgets follow fragments themselves (OnNav).
func anchorID(interactive bool, id string) string {
	if interactive {
		return "wm-a-" + id
	}
	return id
}
