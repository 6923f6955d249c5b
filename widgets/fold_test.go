package widgets

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"waymark/data"
)

// shipped loads the content Waymark publishes, every language.
func shipped(t *testing.T) map[string]*data.Content {
	t.Helper()
	c, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestTermsAreMarkedInEveryLanguage uses sentences from the content: a
// glossary term is found whatever its case, accents, French elision or
// Arabic attached article, conjunction and preposition, diacritics and
// tatweel, and never inside a longer word.
func TestTermsAreMarkedInEveryLanguage(t *testing.T) {
	contents := shipped(t)
	for _, tt := range []struct{ lang, text, want string }{
		{"fr", "Les technologies utilisées dans le cadre de l'externalisation des frontières", "externalisation=externalization"},
		{"fr", "les applications de l’Intelligence Artificielle", "Intelligence Artificielle=artificial-intelligence"},
		{"fr", "des DONNEES BIOMETRIQUES collectées", "DONNEES BIOMETRIQUES=biometric-data"},
		{"fr", "des bases de données interopérables", "interopérables=interoperability"},
		{"fr", "des superalgorithmes", ""},
		{"es", "la externalización de las fronteras", "externalización=externalization"},
		{"es", "la gestion algoritmica del trabajo", "gestion algoritmica=algorithmic-management"},
		{"es", "datos biométricos de las personas", "datos biométricos=biometric-data"},
		{"ar", "جمع البيانات البيومترية للاجئين", "البيانات البيومترية=biometric-data"},
		{"ar", "والبيانات البيومترية", "والبيانات البيومترية=biometric-data"},
		{"ar", "بالخوارزميات", "بالخوارزميات=algorithms"},
		{"ar", "للخوارزمية", "للخوارزمية=algorithms"},
		{"ar", "الذَّكاءُ الاصطناعي", "الذَّكاءُ الاصطناعي=artificial-intelligence"},
		{"ar", "الخـوارزميات", "الخـوارزميات=algorithms"},
		{"ar", "الادارة الخوارزمية", "الادارة الخوارزمية=algorithmic-management"},
		{"ar", "خوارزميتها", ""},
		{"ar", "تقنيات GPS الحديثة", "تقنيات GPS=gps-technologies"},
	} {
		c := contents[tt.lang]
		if c == nil {
			t.Fatalf("no %s content", tt.lang)
		}
		if got := marked(newTermIndex(c), tt.text); got != tt.want {
			t.Errorf("%s: in %q marked %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestFilterFoldsEachLanguage: what a reader types finds the term without
// its accents, its hamza or its diacritics.
func TestFilterFoldsEachLanguage(t *testing.T) {
	contents := shipped(t)
	for _, tt := range []struct{ lang, query, want string }{
		{"fr", "interoperabilite", "interoperability"},
		{"fr", "ÉCONOMIE", ""},
		{"fr", "frontieres intelligentes", "smart-borders"},
		{"es", "gestion algoritmica", "algorithmic-management"},
		{"es", "NO DEVOLUCION", "non-refoulement"},
		{"ar", "الادارة", "algorithmic-management"},
		{"ar", "إِدارة", "algorithmic-management"},
		{"ar", "الاستعمار", "technocolonialism"},
	} {
		g := &Glossary{Content: contents[tt.lang], Interactive: true}
		g.Filter(tt.query)
		if got := strings.Join(g.Shown(), ","); got != tt.want {
			t.Errorf("%s: filter %q shows %q, want %q", tt.lang, tt.query, got, tt.want)
		}
	}
}

// TestLetterIndexFollowsEachAlphabet: the glossary lists its terms, and
// its letter index, in the order of the language's own alphabet; Arabic
// files a term by the word after its article, as its dictionaries do.
func TestLetterIndexFollowsEachAlphabet(t *testing.T) {
	contents := shipped(t)
	alphabets := map[string]string{
		"en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"fr": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"es": "ABCDEFGHIJKLMNÑOPQRSTUVWXYZ",
		"ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
	}
	for lang, alphabet := range alphabets {
		doc := viewGlossary(t, &Glossary{Content: contents[lang]})
		var letters []string
		for _, n := range find(doc, func(n *html.Node) bool {
			return n.Parent != nil && n.Parent.Parent != nil && hasClass(n.Parent.Parent, "wm-letters") && n.Data == "li"
		}) {
			letters = append(letters, text(n))
		}
		last := -1
		for _, l := range letters {
			i := strings.Index(alphabet, l)
			if i < 0 || i <= last {
				t.Errorf("%s: letter index %v is not in the order of %s", lang, letters, alphabet)
				break
			}
			last = i
		}
		// Each entry sits under the letter its heading files under.
		entries := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-entry") })
		prev := -1
		for _, e := range entries {
			h := find(e, func(n *html.Node) bool { return n.Data == "h2" })[0]
			i := strings.Index(alphabet, initial(lang, text(h)))
			if i < prev {
				t.Errorf("%s: %q is listed after a term of a later letter", lang, text(h))
			}
			prev = i
		}
	}
	if got := initial("ar", "الخوارزميات"); got != "خ" {
		t.Errorf("Arabic files الخوارزميات under %q, want خ (the word after its article)", got)
	}
	if got := initial("es", "Ñandú"); got != "Ñ" {
		t.Errorf("Spanish files Ñandú under %q, want Ñ, a letter of its own", got)
	}
}

// TestLatinNamesAreIsolatedInArabic: a system's name inside an Arabic
// sentence is its own bidirectional island, marked as English, so the
// punctuation around it stays where the Arabic puts it.
func TestLatinNamesAreIsolatedInArabic(t *testing.T) {
	for _, tt := range []struct{ dir, text, want string }{
		{"rtl", "يشكل EURODAC، وهو نظام ضخم", "يشكل [EURODAC]، وهو نظام ضخم"},
		{"rtl", "نظام (HART) الذي", "نظام ([HART]) الذي"},
		{"rtl", "تقرير The Digital Border: Migration, Technology & Inequality.", "تقرير [The Digital Border: Migration, Technology &amp; Inequality]."},
		{"rtl", "مكتب US DOS INL في", "مكتب [US DOS INL] في"},
		{"rtl", "بلغ 7 ملايين", "بلغ 7 ملايين"},
		{"ltr", "EURODAC (HART).", "EURODAC (HART)."},
	} {
		html := app.HTMLString(app.P().Body(latinRuns(tt.dir, tt.text)...))
		// The server renderer's line breaks and indentation (two spaces
		// inside the <p>), which the build takes out.
		html = strings.ReplaceAll(strings.ReplaceAll(html, "\n  ", ""), "\n", "")
		// go-app writes attributes in no fixed order.
		html = regexp.MustCompile(`<bdi (lang="en" dir="ltr"|dir="ltr" lang="en")>`).ReplaceAllString(html, "[")
		got := strings.NewReplacer("</bdi>", "]", "<p>", "", "</p>", "").Replace(html)
		if got != tt.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.dir, tt.text, got, tt.want)
		}
	}
}
