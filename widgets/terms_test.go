package widgets

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// marked lists the words find marks in text, with their term ids.
func marked(ix *termIndex, text string) string {
	src := []rune(text)
	var out []string
	for _, m := range ix.find(text) {
		out = append(out, string(src[m.start:m.end])+"="+m.term.ID)
	}
	return strings.Join(out, " ")
}

func TestTermsMarkFirstUseOfWholeWordsOnly(t *testing.T) {
	ix := newTermIndex(fixture(t))
	tests := []struct{ text, want string }{
		{"A database and another database.", "database=database"},
		{"Databases hold fingerprints; the database grows.", "Databases=database fingerprints=fingerprint"},
		{"Metadatabases are not databases.", "databases=database"},
		{"The TOWER stands.", "TOWER=tower"},
		{"A tower-like post, a tag-free day.", ""},
		{"Nothing to mark here.", ""},
		{"See https://example.org/database or www.tags.example for the database.", "database=database"},
		{"tags, towers, tags", "tags=tag towers=tower"},
		{"«Tower» and (tag)", "Tower=tower tag=tag"},
	}
	for _, tt := range tests {
		if got := marked(ix, tt.text); got != tt.want {
			t.Errorf("in %q marked %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFoldIgnoresCaseAndAccents(t *testing.T) {
	for in, want := range map[string]string{"Écrou": "ecrou", "ÇA VA": "ca va", "naïve": "naive", "e\u0301": "e", "Straße": "strasse", "Œuvre": "oeuvre"} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// termMarks finds the glossary marks in a rendered page.
func termMarks(doc *html.Node) []*html.Node {
	return find(doc, func(n *html.Node) bool { return hasClass(n, "wm-term") })
}

func TestTermsAreLinksWithoutScriptAndTipsInTheApp(t *testing.T) {
	c := fixture(t)
	pre := view(t, &Journey{Content: c})
	var hrefs []string
	for _, n := range termMarks(pre) {
		if n.Data != "a" {
			t.Errorf("prerendered term %q is a <%s>, want a plain link", text(n), n.Data)
		}
		// A link to another widget opens a new tab, and says so to a
		// screen reader: in an embed, following it in place would replace
		// the widget the reader is in.
		h, _ := getAttr(n, "href")
		target, _ := getAttr(n, "target")
		word, said := strings.CutSuffix(text(n), " "+c.UI.NewTab)
		if !said || target != "_blank" {
			t.Errorf("prerendered term %q does not open in a new tab, or does not say so", text(n))
		}
		hrefs = append(hrefs, word+" "+h)
	}
	for _, want := range []string{"Fingerprints /w/glossary/en/#term-fingerprint", "database /w/glossary/en/#term-database", "tags /w/glossary/en/#term-tag"} {
		if !slices.Contains(hrefs, want) {
			t.Errorf("prerendered journey has no term link %q (has %q)", want, hrefs)
		}
	}

	live := view(t, &Journey{Content: c, Interactive: true})
	marks := termMarks(live)
	if len(marks) == 0 {
		t.Fatal("the app marks no term")
	}
	for _, n := range marks {
		if n.Data != "button" {
			t.Errorf("term %q in the app is a <%s>, want a button", text(n), n.Data)
			continue
		}
		id, _ := getAttr(n, "aria-describedby")
		tip := byID(live, id)
		if tip == nil {
			t.Errorf("term %q describes itself by %q, which is not in the page", text(n), id)
			continue
		}
		if role, _ := getAttr(tip, "role"); role != "tooltip" {
			t.Errorf("definition of %q has role %q", text(n), role)
		}
		if _, hidden := getAttr(tip, "hidden"); !hidden {
			t.Errorf("definition of %q shows before the reader asked for it", text(n))
		}
	}
	if tip := byID(live, "wm-t-biometrics-fingerprint"); tip == nil || !strings.Contains(text(tip), "A print of a finger.") {
		t.Errorf("the definition of fingerprint is not next to its term")
	}
}

func TestTermsNeverInsideLinks(t *testing.T) {
	c := fixture(t)
	for _, interactive := range []bool{false, true} {
		pages := map[string]*html.Node{
			"journey":   view(t, &Journey{Content: c, Interactive: interactive}),
			"checklist": viewChecklist(t, &Checklist{Content: c, Interactive: interactive}),
		}
		for name, doc := range pages {
			for _, n := range termMarks(doc) {
				for p := n.Parent; p != nil; p = p.Parent {
					if p.Type == html.ElementNode && (p.Data == "a" || p.Data == "button" || p.Data == "label" || p.Data == "legend") {
						t.Errorf("%s (app %v): term %q marked inside a <%s>", name, interactive, text(n), p.Data)
					}
				}
			}
			// The checklist links "Ankle tags" to the journey; the glossary
			// knows "tags"; that link must stay a plain link.
			for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(text(n), "Ankle tags") }) {
				if len(termMarks(a)) > 0 {
					t.Errorf("%s: link %q holds a term mark", name, text(a))
				}
			}
		}
	}
}
