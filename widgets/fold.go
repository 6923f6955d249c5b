package widgets

import (
	"strings"
	"unicode"
)

// Text handling that depends on the language: folding for matching (a
// reader typing "economica" finds "económica", "احتجاز" finds "الاحتجاز"
// written with hamza or diacritics), the letter a glossary term is filed
// under and the order terms are listed in. Written out by hand rather than
// with Unicode normalisation and collation tables, which would weigh more
// in the browser app than all of Waymark's own code.

// fold makes text comparable regardless of case, accents and Arabic's
// optional marks: "Écrou" and "ecrou" fold the same, as do "أمن" and "امن".
func fold(s string) string {
	f, _ := foldMapped([]rune(s))
	return string(f)
}

// foldMapped folds src and says, for each folded rune, which rune of src
// it came from, so a match in the folded text marks the original one.
// Combining marks (accents written apart, Arabic's short vowels) and the
// Arabic tatweel are dropped; ligatures are spelled out.
func foldMapped(src []rune) (folded []rune, at []int) {
	folded = make([]rune, 0, len(src))
	at = make([]int, 0, len(src))
	for i, r := range src {
		if r == tatweel || unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if s, ok := spelledOut[r]; ok {
			for _, x := range s {
				folded, at = append(folded, x), append(at, i)
			}
			continue
		}
		if base, ok := baseLetter[r]; ok {
			r = base
		}
		folded, at = append(folded, r), append(at, i)
	}
	return folded, at
}

const tatweel = '\u0640'

// spelledOut are the letters that fold to more than one.
var spelledOut = map[rune]string{'œ': "oe", 'æ': "ae", 'ß': "ss"}

// baseLetter maps each accented Latin letter (Latin-1 and Extended-A) to
// its base letter, each Arabic letter written with hamza or madda to its
// plain form, ta marbuta to ha and alef maqsura to ya, as readers type
// them interchangeably, and Arabic-Indic digits to ASCII ones.
var baseLetter = func() map[rune]rune {
	m := map[rune]rune{}
	for base, letters := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě",
		'g': "ĝğġģ", 'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ",
		'l': "ĺļľŀł", 'n': "ñńņňŉ", 'o': "òóôõöøōŏő", 'r': "ŕŗř",
		's': "śŝşš", 't': "ţťŧ", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
		'ا': "أإآٱ", 'و': "ؤ", 'ي': "ئى", 'ه': "ة",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	for d := rune(0); d < 10; d++ {
		m['٠'+d] = '0' + d
		m['۰'+d] = '0' + d
	}
	return m
}()

// arabicPrefix is how many runes before src[i] are an Arabic word's
// attached prefixes: a conjunction (و، ف), then a preposition (ب، ك، ل),
// then the article (ال, or لل after ل), starting at a word boundary; 0 if
// src[i] does not follow such a prefix.
func arabicPrefix(src []rune, i int) int {
	for n := 1; n <= 4 && i-n >= 0; n++ {
		if boundary(src, i-n-1) && isArabicPrefix(string(src[i-n:i])) {
			return n
		}
	}
	return 0
}

func isArabicPrefix(p string) bool {
	p = strings.TrimPrefix(strings.TrimPrefix(p, "و"), "ف")
	if rest, ok := strings.CutPrefix(p, "لل"); ok {
		return rest == ""
	}
	for _, prep := range []string{"ب", "ك", "ل"} {
		if rest, ok := strings.CutPrefix(p, prep); ok {
			p = rest
			break
		}
	}
	return p == "" || p == "ال"
}

// withoutArticle drops the Arabic article from the start of a term, which
// an Arabic index does not file under alef.
func withoutArticle(term string) string {
	if rest, ok := strings.CutPrefix(term, "ال"); ok && len([]rune(rest)) > 1 {
		return rest
	}
	return term
}

// initial is the letter a term is filed under in lang: its first letter,
// folded and upper-cased, except that Spanish files ñ under its own
// letter and Arabic files a term by the letter after its article.
func initial(lang, term string) string {
	if lang == "ar" {
		term = withoutArticle(term)
	}
	for _, r := range term {
		if !unicode.IsLetter(r) {
			continue
		}
		if lang == "es" && unicode.ToLower(r) == 'ñ' {
			return "Ñ"
		}
		return string(unicode.ToUpper([]rune(fold(string(r)))[0]))
	}
	return "#"
}

// sortKey orders terms as lang's dictionaries do: from the first letter,
// by folded letters (so
// "économie" files under e), Spanish ñ after n, Arabic by the word after
// its article. Arabic letters, once folded, stand in Unicode in their
// alphabetical order (ا ب ت ث … ن ه و ي), so comparing keys orders them.
func sortKey(lang, term string) string {
	// "Smart" borders files under S, as its initial says.
	term = strings.TrimLeftFunc(term, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if lang == "ar" {
		term = withoutArticle(term)
	}
	if lang == "es" {
		term = spanishEnye.Replace(term)
	}
	return fold(term)
}

// spanishEnye files ñ after every n-word and before o: "\x7f" sorts after
// every letter.
var spanishEnye = strings.NewReplacer("ñ", "n\x7f", "Ñ", "n\x7f")
