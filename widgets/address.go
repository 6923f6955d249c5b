package widgets

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RepairAddress rewrites the page's address, in place and without a
// history entry, when it holds a "%" that starts no escape (a link typed
// by hand, a share link cut short): go-app reads the address with
// url.Parse, which refuses it, and the app would stop before it showed
// anything. Call it before the app starts.
func RepairAddress() {
	href := app.Window().Get("location").Get("href").String()
	if _, err := url.Parse(href); err == nil {
		return
	}
	app.Window().Get("history").Call("replaceState", nil, "", escapeStrayPercents(href))
}

// escapeStrayPercents writes each "%" that is not followed by two hex
// digits as "%25", so the address reads as the text it shows.
func escapeStrayPercents(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
