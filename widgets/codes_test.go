package widgets

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The browser app checks option values by hand (regexp would bring the
// unicode tables into it); the loader checks them with Pattern. Both must
// accept the same values.
func TestOptionChecksAgreeWithTheirPatterns(t *testing.T) {
	values := []string{"", "at", "term-algorithm", "a-b-c", "-at", "at-", "a--b", "AT", "at_1", "1d3557", "1D3557", "1d355", "1d35577", "#1d3557", "zzzzzz", "12", "1", "99999", "100000", "12.5", "light", "dark", "auto", "show", "hide", "Light", `"><script>`}
	for _, o := range Options {
		if o.Pattern != "" && o.match == nil {
			t.Errorf("option %s has a pattern but no check the app can run", o.Name)
		}
		if o.Pattern == "" {
			continue
		}
		re := regexp.MustCompile(o.Pattern)
		for _, v := range values {
			if got, want := o.Valid(v), re.MatchString(v); got != want {
				t.Errorf("option %s, value %q: the app says %v, the loader's pattern %v", o.Name, v, got, want)
			}
		}
	}
}

// An address carries the options that change the widget, and nothing
// that is not a valid value.
func TestAddressCarriesValidOptionsOnly(t *testing.T) {
	got := Address("https://w.example", "/w/journey/en/", map[string]string{
		"theme": "dark", "accent": "aa3300", "header": "hide", "open": "at", "title": "ignored",
	})
	if got != "https://w.example/w/journey/en/?accent=aa3300&header=hide&theme=dark#at" {
		t.Errorf("address with every option: %s", got)
	}
	got = Address("https://w.example", "/w/journey/en/", map[string]string{
		"theme": "light", "accent": `"><x`, "header": "show", "open": "A B",
	})
	if got != "https://w.example/w/journey/en/" {
		t.Errorf("address with defaults and bad values: %s", got)
	}
}

// The codes carry the editor's choices, and a title with quotes and angle
// brackets stays text in every one of them.
func TestEmbedCodesCarryTheChoicesSafely(t *testing.T) {
	c := fixture(t)
	k := KindNamed(JourneyName)
	fit := Fit{Phone: 2000, Column: 1200}
	codes := EmbedCodes("https://w.example", k, c, map[string]string{"theme": "dark", "open": "at", "header": "hide", "title": `A "quoted" <b>title</b>`}, fit)

	loader := parseFragment(t, codes.Div)
	div := find(loader, func(n *html.Node) bool { return n.Data == "div" })
	if len(div) != 1 {
		t.Fatalf("the div code holds %d divs: %s", len(div), codes.Div)
	}
	for k, want := range map[string]string{"data-waymark": "journey", "data-lang": "en", "data-theme": "dark", "data-open": "at", "data-header": "hide", "data-title": `A "quoted" <b>title</b>`} {
		if got, _ := getAttr(div[0], k); got != want {
			t.Errorf("div code: %s=%q, want %q", k, got, want)
		}
	}
	if s := find(loader, func(n *html.Node) bool { return n.Data == "script" }); len(s) != 1 || !hasAttrValue(s[0], "src", "https://w.example/embed.js") {
		t.Errorf("div code: no script of the widget origin: %s", codes.Div)
	} else if _, async := getAttr(s[0], "async"); async {
		t.Errorf("div code: the script is async, so the iframe would push the page down after it shows")
	}
	// The loader code is the plain iframe, then the script.
	if !strings.HasPrefix(codes.Loader, codes.IFrame+"\n<script src=\"https://w.example/embed.js\" async>") {
		t.Errorf("loader code: %s", codes.Loader)
	}
	if n := len(find(loader, func(n *html.Node) bool { return n.Data == "b" })); n != 0 {
		t.Errorf("div code: the title became markup")
	}

	iframe := find(parseFragment(t, codes.IFrame), func(n *html.Node) bool { return n.Data == "iframe" })
	if len(iframe) != 1 || !hasAttrValue(iframe[0], "src", codes.URL) || !hasAttrValue(iframe[0], "title", `A "quoted" <b>title</b>`) || !hasAttrValue(iframe[0], "height", "2000") {
		t.Fatalf("plain iframe code: %s", codes.IFrame)
	}
	if style, _ := getAttr(iframe[0], "style"); !strings.Contains(style, "clamp(1200px,calc(2000px - ") || !strings.Contains(style, "),2000px)") {
		t.Errorf("plain iframe code: its height does not follow the page's width between 1200 and 2000 px: %s", style)
	}
	if codes.URL != "https://w.example/w/journey/en/?header=hide&theme=dark#at" || codes.MinHeight != 1200 {
		t.Errorf("URL %s, minimum height %d", codes.URL, codes.MinHeight)
	}

	// The private code frames nothing of the widget origin until the
	// reader presses the link it holds.
	private := find(parseFragment(t, codes.Private), func(n *html.Node) bool { return n.Data == "iframe" })
	if len(private) != 1 {
		t.Fatalf("private code: %s", codes.Private)
	}
	if _, has := getAttr(private[0], "src"); has {
		t.Errorf("private code: the iframe has a src, which the page would load at once")
	}
	doc, _ := getAttr(private[0], "srcdoc")
	inner := parseFragment(t, doc)
	links := find(inner, func(n *html.Node) bool { return n.Data == "a" })
	if len(links) != 1 || !hasAttrValue(links[0], "href", codes.URL) {
		t.Errorf("private code: the frame's document does not link the widget: %s", doc)
	}
	if n := len(find(inner, func(n *html.Node) bool { return n.Data == "script" || n.Data == "b" })); n != 0 {
		t.Errorf("private code: the frame's document holds markup from the title or a script")
	}
	if !strings.Contains(doc, "w.example") {
		t.Errorf("private code: the notice does not name the site it would contact")
	}
}

func parseFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// A fit gives the phone's height at 360 px and narrower, the column's at
// 720 px and wider, in proportion between.
func TestFitFollowsTheWidth(t *testing.T) {
	f := Fit{Phone: 2000, Column: 1200}
	for w, want := range map[int]int{320: 2000, 360: 2000, 540: 1600, 720: 1200, 1280: 1200} {
		if got := f.At(w); got != want {
			t.Errorf("At(%d) = %d, want %d", w, got, want)
		}
	}
}

// The README's table of options names every option the loader and the
// builder read, and no other.
func TestTheReadmeDocumentsEveryOption(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "| `data-"); ok {
			name, _, _ = strings.Cut(name, "`")
			documented[name] = true
		}
	}
	for _, o := range Options {
		if !documented[o.Name] {
			t.Errorf("the README's table of options has no data-%s", o.Name)
		}
		delete(documented, o.Name)
	}
	for name := range documented {
		t.Errorf("the README's table documents data-%s, which is no option", name)
	}
}
