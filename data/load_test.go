package data

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// shipped are the languages Waymark publishes: English, the report's own,
// and the three other languages of Amnesty International's international
// documents.
var shipped = []struct{ tag, dir, name string }{
	{"en", "ltr", "English"},
	{"ar", "rtl", "العربية"},
	{"es", "ltr", "Español"},
	{"fr", "ltr", "Français"},
}

// TestEveryLanguageShips loads the shipped content once per language, so a
// translation that falls out of step with English fails under its own name.
func TestEveryLanguageShips(t *testing.T) {
	contents, err := Load(embedded, "data")
	if err != nil {
		t.Fatalf("the shipped content is invalid:\n%v", err)
	}
	var tags []string
	for _, l := range contents["en"].Languages() {
		tags = append(tags, l.Tag)
	}
	if got := strings.Join(tags, ","); got != "en,ar,es,fr" {
		t.Errorf("languages offered = %s, want en,ar,es,fr (English first, the rest by tag)", got)
	}
	for _, l := range shipped {
		t.Run(l.tag, func(t *testing.T) {
			c := contents[l.tag]
			if c == nil {
				t.Fatalf("no %s content: data/%s/ is missing or invalid", l.tag, l.tag)
			}
			if c.UI.Dir != l.dir || c.UI.LanguageName != l.name {
				t.Errorf("%s is %q, %s; want %q, %s", l.tag, c.UI.LanguageName, c.UI.Dir, l.name, l.dir)
			}
			en := contents["en"]
			if l.tag != "en" && c.Journey.Stages[0].Technologies[0].Name == en.Journey.Stages[0].Technologies[0].Name && c.Journey.Intro == en.Journey.Intro {
				t.Errorf("%s's journey reads as the English one", l.tag)
			}
		})
	}
}

func TestEmbeddedContentValidates(t *testing.T) {
	contents, err := Load(embedded, "data")
	if err != nil {
		t.Fatalf("the shipped content is invalid:\n%v", err)
	}
	en := contents["en"]
	if en == nil {
		t.Fatal("no English content")
	}
	var stages []string
	for _, s := range en.Journey.Stages {
		stages = append(stages, s.ID)
		if len(s.Technologies) == 0 {
			t.Errorf("stage %s has no technologies", s.ID)
		}
	}
	if got := strings.Join(stages, ","); got != "before,at,after" {
		t.Errorf("stages = %s, want before,at,after", got)
	}
	for _, c := range en.Sources.Citations {
		// The report's recommendations, the definitions of its key
		// terminology that it does not footnote, and the report as a whole
		// carry no footnotes; every other claim taken from the report rests
		// on one.
		if c.Document == "digital-border" && c.Footnote == 0 && c.Section != "Conclusion & recommendations" && c.Section != "Key terminology A-Z" && c.Section != "Whole report" {
			t.Errorf("citation %s of the report names no footnote", c.ID)
		}
	}
}

// fixture reads the fixture language folder into a map file system that a
// test may then break.
func fixture(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range contentFiles {
		b, err := os.ReadFile("testdata/fixture/en/" + f.name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["en/"+f.name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestFixtureValidates(t *testing.T) {
	c, err := Load(fixture(t), "data")
	if err != nil {
		t.Fatal(err)
	}
	if got := c["en"].Right("privacy").Name; got != `Right to "privacy" <p>` {
		t.Errorf("right name = %q", got)
	}
	if got := c["en"].Citation("fn-1").URL; got != "https://example.org/one?a=1&b=2" {
		t.Errorf("citation url = %q", got)
	}
	// The rules of rules.go must let through a comparison of one unit, and
	// a range that no comparison holds.
	figs := c["en"].Figures
	if len(figs.Comparisons) == 0 || !slices.ContainsFunc(figs.Figures, func(f Figure) bool { return f.Upper > 0 }) {
		t.Error("the fixture no longer holds both a comparison and a range")
	}
}

// TestContentTagsAreChecked: a mistake in Content's file tags must stop
// every test, not leave a field that no file fills.
func TestContentTagsAreChecked(t *testing.T) {
	for name, typ := range map[string]reflect.Type{
		"no file tag": reflect.TypeFor[struct{ UI UI }](),
		"list without a key": reflect.TypeFor[struct {
			Rights []Right `file:"rights.json"`
		}](),
		"two fields one file": reflect.TypeFor[struct {
			A, B UI `file:"ui.json"`
		}](),
		"neither object nor list": reflect.TypeFor[struct {
			Lang string `file:"lang.json"`
		}](),
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: filesOf accepted it", name)
				}
			}()
			filesOf(typ)
		}()
	}
}

func TestBrokenContent(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		old, new  string // the first old in file is replaced by new
		wantError string
	}{
		{
			name: "unknown field", file: "journey.json",
			old: `"section": "4. At the border",`, new: `"section": "4. At the border", "sectoin": "x",`,
			wantError: `data/en/journey.json:37:38: stages[1].sectoin: unknown field "sectoin" (expected one of id, title, section, intro, cite, technologies)`,
		},
		{
			name: "missing required field", file: "journey.json",
			old: `"summary": "Fingerprints.",`, new: ``,
			wantError: `data/en/journey.json:41:9: stages[1].technologies[0].summary: missing required field "summary" (expected the field "summary": What it is and what it does to people on the move, in plain words; it begins with the lead.)`,
		},
		{
			name: "empty text", file: "journey.json",
			old: `"intro": "Third stage."`, new: `"intro": "  "`,
			wantError: `data/en/journey.json:55:16: stages[2].intro: the text is empty (expected some text)`,
		},
		{
			name: "undefined right", file: "journey.json",
			old: `"rights": ["liberty"]`, new: `"rights": ["libery"]`,
			wantError: `data/en/journey.json:63:22: stages[2].technologies[0].rights[0]: "libery" is not a defined right id (expected one of asylum, liberty, privacy)`,
		},
		{
			name: "undefined source", file: "journey.json",
			old: `"cite": ["fn-2"],
      "technologies"`, new: `"cite": ["fn-9"],
      "technologies"`,
			wantError: `data/en/journey.json:39:16: stages[1].cite[0]: "fn-9" is not a defined source id (expected one of fn-1, fn-2)`,
		},
		{
			name: "undefined document", file: "sources.json",
			old: `"document": "doc", "section": "4. At"`, new: `"document": "dco", "section": "4. At"`,
			wantError: `data/en/sources.json:7:32: citations[1].document: "dco" is not a defined document id (expected one of doc)`,
		},
		{
			name: "duplicate technology id", file: "journey.json",
			old: `"id": "towers"`, new: `"id": "forecasting"`,
			wantError: `data/en/journey.json:23:17: stages[0].technologies[1].id: duplicate id "forecasting", first defined at data/en/journey.json:13:17 (expected a unique id)`,
		},
		{
			name: "url not http", file: "sources.json",
			old: `"https://example.org/one?a=1&b=2"`, new: `"javascript:alert(1)"`,
			wantError: `data/en/sources.json:6:125: citations[0].url: "javascript:alert(1)" is not an http(s) address (expected an absolute http:// or https:// address)`,
		},
		{
			name: "url with a quote", file: "sources.json",
			old: `"https://example.org/one?a=1&b=2"`, new: `"https://example.org/\"onload=x"`,
			wantError: `data/en/sources.json:6:125: citations[0].url: "https://example.org/\"onload=x" holds a space, quote, angle bracket or backslash (expected an absolute http:// or https:// address)`,
		},
		{
			name: "bad id", file: "rights.json",
			old: `"id": "asylum"`, new: `"id": "Asylum Rights"`,
			wantError: `data/en/rights.json:4:12: rights[1].id: "Asylum Rights" is not a valid id (expected lowercase letters, digits and single dashes, e.g. "social-media-monitoring")`,
		},
		{
			name: "wrong type", file: "sources.json",
			old: `"footnote": 1,`, new: `"footnote": "1",`,
			wantError: `data/en/sources.json:6:75: citations[0].footnote: found a string (expected a whole number)`,
		},
		{
			name: "empty list", file: "journey.json",
			old: `"cite": ["fn-1"],
      "technologies"`, new: `"cite": [],
      "technologies"`,
			wantError: `data/en/journey.json:10:15: stages[0].cite: the list is empty (expected at least one item)`,
		},
		{
			name: "syntax error", file: "rights.json",
			old: `"summary": "Asylum.",`, new: `"summary": "Asylum." `,
			wantError: `data/en/rights.json:4:76: unexpected '"' in object (expected "," or "}")`,
		},
		{
			name: "unclosed file", file: "rights.json",
			old: `]
}`, new: `]`,
			wantError: `data/en/rights.json:7:1: unexpected end of file in object (expected "," or "}")`,
		},
		{
			name: "placeholder missing", file: "ui.json",
			old: `"Stage {n} of {total}"`, new: `"Stage {n}"`,
			wantError: `data/en/ui.json:6:14: stageOf: the text has no {total} (expected the placeholder {total} in the text)`,
		},
		{
			name: "direction not allowed", file: "ui.json",
			old: `"dir": "ltr"`, new: `"dir": "left"`,
			wantError: `data/en/ui.json:3:10: dir: "left" is not allowed (expected one of ltr, rtl)`,
		},
		{
			name: "glossary form used twice", file: "glossary.json",
			old: `"forms": ["fingerprint", "fingerprints"]`, new: `"forms": ["fingerprint", "Databases"]`,
			wantError: `data/en/glossary.json:17:32: terms[1].forms[1]: "Databases" is already used at data/en/glossary.json:9:29 (terms[0].forms[1]) (expected text used once only)`,
		},
		{
			name: "glossary related term not defined", file: "glossary.json",
			old: `"related": ["database"]`, new: `"related": ["data-base"]`,
			wantError: `data/en/glossary.json:19:19: terms[1].related[0]: "data-base" is not a defined term id (expected one of database, fingerprint, tag, tower)`,
		},
		{
			name: "glossary definition empty", file: "glossary.json",
			old: `"definition": "A tall watch post."`, new: `"definition": " "`,
			wantError: `data/en/glossary.json:26:21: terms[2].definition: the text is empty (expected some text)`,
		},
		// Text that would decode without a word into something else, or
		// that shows in another order than it is stored.
		{
			name: "not UTF-8", file: "glossary.json",
			old: `"A tall watch post."`, new: "\"A tall \xffwatch post.\"",
			wantError: `data/en/glossary.json:26:29: byte 0xff is not UTF-8 (expected the file saved as UTF-8)`,
		},
		{
			name: "lone surrogate", file: "glossary.json",
			old: `"A tall watch post."`, new: `"A tall \ud800 post."`,
			wantError: `data/en/glossary.json:26:29: lone surrogate \uD800 in string (expected a pair of surrogates, or the character itself)`,
		},
		{
			name: "NUL escaped", file: "glossary.json",
			old: `"A tall watch post."`, new: `"A tall\u0000 watch post."`,
			wantError: `data/en/glossary.json:26:28: NUL character (U+0000) in string (expected text without it)`,
		},
		{
			name: "control character escaped short", file: "glossary.json",
			old: `"A tall watch post."`, new: `"A tall \bwatch post."`,
			wantError: `data/en/glossary.json:26:29: control character (U+0008) in string (expected text without it)`,
		},
		{
			name: "carriage return escaped", file: "glossary.json",
			old: `"A tall watch post."`, new: `"A tall\r\nwatch post."`,
			wantError: `data/en/glossary.json:26:28: control character (U+000D) in string (expected text without it)`,
		},
		{
			name: "bidi override", file: "glossary.json",
			old: `"A tall watch post."`, new: "\"A tall \u202ewatch post.\"",
			wantError: `data/en/glossary.json:26:29: bidirectional control character (U+202E) in string (expected text without it)`,
		},
		{
			name: "bidi isolate escaped", file: "glossary.json",
			old: `"A tall watch post."`, new: `"A tall \u2066watch post."`,
			wantError: `data/en/glossary.json:26:29: bidirectional control character (U+2066) in string (expected text without it)`,
		},
		{
			name: "replacement character", file: "glossary.json",
			old: `"A tall watch post."`, new: "\"A tall \ufffdwatch post.\"",
			wantError: `data/en/glossary.json:26:29: replacement character, left by text damaged in an earlier encoding (U+FFFD) in string (expected text without it)`,
		},
		{
			name: "string too long", file: "glossary.json",
			old: `"A tall watch post."`, new: `"` + strings.Repeat("tall ", 801) + `"`,
			wantError: `data/en/glossary.json:26:21: string is 4005 characters long, more than 4000 (expected a shorter text)`,
		},
		{
			name: "file too large", file: "glossary.json",
			old: `"A tall watch post."`, new: `"` + strings.Repeat("tall ", 110000) + `"`,
			wantError: `data/en/glossary.json:1:1: the file is 550875 bytes, more than 524288 (expected content split into smaller texts)`,
		},
		{
			name: "nested a hundred thousand deep", file: "glossary.json",
			old: `"related": ["database"]`, new: `"related": ` + strings.Repeat("[", 100_000),
			wantError: `data/en/glossary.json:19:47: values nested more than 32 deep (expected the shape of the content schema)`,
		},
		{
			name: "duplicate field", file: "ui.json",
			old: `"lang": "en",`, new: `"lang": "en", "lang": "en",`,
			wantError: `data/en/ui.json:2:17: lang: field "lang" appears twice (expected each field once)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := loadBroken(t, tt.file, tt.old, tt.new)
			for _, e := range errs {
				if e.Error() == tt.wantError {
					return
				}
			}
			t.Errorf("got:\n%v\nwant a line:\n%s", errs, tt.wantError)
		})
	}
}

// TestHostileLinksAreRefused puts addresses an attacker or a careless
// paste would give in a citation's url, whose value becomes a link every
// widget's sources page shows: each fails the build at its file, line
// and column, whatever its case, spacing or disguise.
func TestHostileLinksAreRefused(t *testing.T) {
	for _, link := range []string{
		"javascript:alert(1)",
		"JaVaScRiPt:alert(1)",
		"javascript://example.org/%0Aalert(1)",
		" javascript:alert(1)",
		"\tjavascript:alert(1)",
		"java\nscript:alert(1)",
		"jav&#x09;ascript:alert(1)",
		"\u0000javascript:alert(1)",
		"vbscript:msgbox(1)",
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
		"data:text/html,<script>alert(1)</script>",
		"file:///etc/passwd",
		"blob:https://example.org/1",
		"about:blank",
		"mailto:someone@example.org",
		"ftp://example.org/report.pdf",
		"//evil.example/report",
		"/w/journey/en/",
		"https:evil.example",
		"https://example.org/\u202egpj.exe",
	} {
		t.Run(link, func(t *testing.T) {
			errs := loadBroken(t, "sources.json", `"https://example.org/one?a=1&b=2"`, `"`+link+`"`)
			if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), "data/en/sources.json:6:") {
				t.Errorf("%q: got %v, want an error at data/en/sources.json:6", link, errs)
			}
		})
	}
}

// loadBroken loads the fixture with the first old in file replaced by new,
// and returns the problems found, failing the test if there are none.
func loadBroken(t *testing.T, file, old, new string) Errors {
	t.Helper()
	fsys := fixture(t)
	path := "en/" + file
	src := string(fsys[path].Data)
	if !strings.Contains(src, old) {
		t.Fatalf("fixture %s has no %q", file, old)
	}
	fsys[path] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
	_, err := Load(fsys, "data")
	if err == nil {
		t.Fatal("broken content loaded without error")
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error is %T, want data.Errors", err)
	}
	return errs
}

// TestRulesAcrossFields breaks the rules of rules.go, which relate several
// fields, and wants the whole error: each problem at the reference that
// breaks the rule, every problem at once, in file order.
func TestRulesAcrossFields(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		old, new  string // the first old in file is replaced by new
		wantError string // every line of the error
	}{
		{
			name: "comparison of two units", file: "figures.json",
			old: `"figures": ["poorest", "richest"]`, new: `"figures": ["poorest", "displaced"]`,
			wantError: `data/en/figures.json:11:147: comparisons[0].figures[1]: figure "poorest" counts "percent of global wealth" but figure "displaced" counts "people" (expected figures of one unit in a comparison)`,
		},
		{
			name: "comparison including a range", file: "figures.json",
			old: `"value": 76, "unit"`, new: `"value": 76, "upper": 80, "unit"`,
			wantError: `data/en/figures.json:11:147: comparisons[0].figures[1]: figure "richest" is a range (expected single numbers in a comparison)`,
		},
		{
			name: "lead that is not how its summary begins", file: "journey.json",
			old: `"lead": "Towers watch."`, new: `"lead": "Towers see."`,
			wantError: `data/en/journey.json:25:19: stages[0].technologies[1].lead: the lead of "towers" is not how its summary begins (expected the summary's opening sentence, word for word)`,
		},
		{
			name: "lead cut inside a word", file: "journey.json",
			old: `"lead": "Towers watch."`, new: `"lead": "Towers wa"`,
			wantError: `data/en/journey.json:25:19: stages[0].technologies[1].lead: the lead of "towers" is not how its summary begins (expected the summary's opening sentence, word for word)`,
		},
		{
			name: "every problem at once", file: "figures.json",
			old: `"figures": ["poorest", "richest"]}`, new: `"figures": ["poorest", "displaced", "market"]},
    {"id": "market", "title": "T", "takeaway": "T.",
     "figures": ["market", "richest"]}`,
			wantError: `data/en/figures.json:11:147: comparisons[0].figures[1]: figure "poorest" counts "percent of global wealth" but figure "displaced" counts "people" (expected figures of one unit in a comparison)
data/en/figures.json:11:160: comparisons[0].figures[2]: figure "poorest" counts "percent of global wealth" but figure "market" counts "billion US dollars" (expected figures of one unit in a comparison)
data/en/figures.json:11:160: comparisons[0].figures[2]: figure "market" is a range (expected single numbers in a comparison)
data/en/figures.json:13:18: comparisons[1].figures[0]: figure "market" is a range (expected single numbers in a comparison)
data/en/figures.json:13:28: comparisons[1].figures[1]: figure "market" counts "billion US dollars" but figure "richest" counts "percent of global wealth" (expected figures of one unit in a comparison)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadBroken(t, tt.file, tt.old, tt.new).Error(); got != tt.wantError {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.wantError)
			}
		})
	}
}

func TestMissingAndUnexpectedFiles(t *testing.T) {
	fsys := fixture(t)
	delete(fsys, "en/rights.json")
	fsys["en/right.json"] = &fstest.MapFile{Data: []byte("{}")}
	_, err := Load(fsys, "data")
	if err == nil {
		t.Fatal("no error")
	}
	// The list of files grows with every kind of widget; what matters is
	// that the message names each file a folder must hold.
	var names []string
	for _, f := range contentFiles {
		names = append(names, f.name)
	}
	if !slices.Contains(names, "rights.json") || !slices.Contains(names, "journey.json") {
		t.Fatalf("the files a folder must hold are %v; rights.json and journey.json are missing", names)
	}
	for _, want := range []string{
		"data/en/rights.json:1:1: cannot read the file",
		"data/en/right.json:1:1: unexpected file in a language folder (expected " + strings.Join(names, ", ") + ")",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestLanguageMustMatchFolder(t *testing.T) {
	fsys := fixture(t)
	for _, f := range contentFiles {
		fsys["ar/"+f.name] = fsys["en/"+f.name]
	}
	_, err := Load(fsys, "data")
	if err == nil || !strings.Contains(err.Error(), "data/ar/ui.json:1:1: lang: language en in folder ar") {
		t.Errorf("got %v", err)
	}
}

func TestSchemasDescribeTheTypes(t *testing.T) {
	schemas := Schemas()
	var s struct {
		Required   []string `json:"required"`
		Properties map[string]struct {
			Items struct {
				Properties map[string]json.RawMessage `json:"properties"`
				Required   []string                   `json:"required"`
			} `json:"items"`
		} `json:"properties"`
		AdditionalProperties bool `json:"additionalProperties"`
	}
	if err := json.Unmarshal(schemas["journey.json"], &s); err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Required, ",") != "title,intro,stages" || s.AdditionalProperties {
		t.Errorf("journey schema: required %v, additionalProperties %v", s.Required, s.AdditionalProperties)
	}
	if _, ok := s.Properties["stages"].Items.Properties["technologies"]; !ok {
		t.Error("journey schema does not describe stages[].technologies")
	}
	var src struct {
		Properties map[string]struct {
			Items struct {
				Required []string `json:"required"`
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schemas["sources.json"], &src); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(src.Properties["citations"].Items.Required, ","); got != "id,document,section" {
		t.Errorf("citation required fields = %s, want id,document,section (footnote, text and url are optional)", got)
	}
}

// translated adds a copy of the fixture as language lang, with each edit
// applied to its file as old→new, first occurrence only.
func translated(t *testing.T, fsys fstest.MapFS, lang string, edits ...[3]string) {
	t.Helper()
	for _, f := range contentFiles {
		fsys[lang+"/"+f.name] = &fstest.MapFile{Data: fsys["en/"+f.name].Data}
	}
	edits = append([][3]string{{"ui.json", `"lang": "en",`, `"lang": "` + lang + `", "translation": "Translated by this project.",`}}, edits...)
	for _, e := range edits {
		p := lang + "/" + e[0]
		src := string(fsys[p].Data)
		if !strings.Contains(src, e[1]) {
			t.Fatalf("fixture %s has no %q", e[0], e[1])
		}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(src, e[1], e[2], 1))}
	}
}

// TestTranslationsHoldWhatEnglishHolds gives a translation every kind of gap
// at once and wants each one placed in the translation's file, with the
// English it should follow, so a translator fixes them all in one pass.
func TestTranslationsHoldWhatEnglishHolds(t *testing.T) {
	fsys := fixture(t)
	translated(t, fsys, "fr",
		[3]string{"journey.json", `"id": "towers"`, `"id": "tours"`},
		// The guide's questions follow the renamed technology, so the
		// rename is caught where the guide names it too.
		[3]string{"guide.json", `"technology": "towers"`, `"technology": "tours"`},
		[3]string{"journey.json", `"cite": ["fn-1"]`, `"cite": ["fn-2"]`},
		[3]string{"sources.json", `"footnote": 1,`, `"footnote": 7,`},
		[3]string{"sources.json", `https://example.org/one?a=1&b=2`, `https://example.org/un`},
		[3]string{"figures.json", `"upper": 68, `, ``},
		[3]string{"ui.json", `"languageName": "English"`, `"languageName": "Français"`},
	)
	_, err := Load(fsys, "data")
	if err == nil {
		t.Fatal("a translation that drops an id, changes a citation, a footnote, an address and a range loaded without error")
	}
	got := err.Error()
	for _, want := range []string{
		`data/fr/journey.json:10:15: stages[0].cite: holds [fn-2] (expected [fn-1], as in English (data/en/journey.json:10:15))`,
		`data/fr/journey.json:11:23: stages[0].technologies: lacks "towers" (expected every id English has (at data/en/journey.json:22:9))`,
		`data/fr/journey.json:22:9: stages[0].technologies[1]: "tours" is not in English (expected only the ids English has)`,
		`data/fr/sources.json:6:75: citations[0].footnote: holds 7 (expected 1, as in English (data/en/sources.json:6:75))`,
		`data/fr/sources.json:6:125: citations[0].url: holds "https://example.org/un" (expected "https://example.org/one?a=1&b=2", as in English (data/en/sources.json:6:125))`,
		`data/fr/figures.json:6:5: figures[1].upper: is missing (expected the field, as English has it at data/en/figures.json:6:35)`,
		`data/fr/guide.json:22:20: discussion[1].technology: holds "tours" (expected "towers", as in English (data/en/guide.json:22:20))`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing line:\n%s\nin:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 7 {
		t.Errorf("got %d problems, want the 7 above (a language name is the translator's own words):\n%s", n, got)
	}
}

// TestATranslationBreakingItsOwnRulesIsStillCompared gives a translation
// a fault of its own (a footnote number that is not a number) and a gap
// against English (a citation changed): both are listed in one pass.
func TestATranslationBreakingItsOwnRulesIsStillCompared(t *testing.T) {
	fsys := fixture(t)
	translated(t, fsys, "fr",
		[3]string{"journey.json", `"cite": ["fn-1"]`, `"cite": ["fn-2"]`},
		[3]string{"sources.json", `"footnote": 1,`, `"footnote": "un",`},
	)
	_, err := Load(fsys, "data")
	if err == nil {
		t.Fatal("a translation with a broken footnote and a changed citation loaded without error")
	}
	got := err.Error()
	for _, want := range []string{
		`data/fr/sources.json:6:`,
		`data/fr/journey.json:10:15: stages[0].cite: holds [fn-2] (expected [fn-1], as in English (data/en/journey.json:10:15))`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "data/fr/sources.json:6:"); n != 1 {
		t.Errorf("the broken footnote is said %d times, want once:\n%s", n, got)
	}
}

// TestATranslationNeedsEnglish keeps a folder of translations from building
// with nothing to check it against.
func TestATranslationNeedsEnglish(t *testing.T) {
	fsys := fixture(t)
	translated(t, fsys, "fr")
	for _, f := range contentFiles {
		delete(fsys, "en/"+f.name)
	}
	_, err := Load(fsys, "data")
	if err == nil || !strings.Contains(err.Error(), "data/en:1:1: no en folder") {
		t.Errorf("got %v, want it to say the English folder is missing", err)
	}
}

// TestATranslationSaysWhoTranslated wants a translation to carry the note
// that it is not the publisher's, and English, the report's language, not.
func TestATranslationSaysWhoTranslated(t *testing.T) {
	fsys := fixture(t)
	translated(t, fsys, "fr", [3]string{"ui.json", `"translation": "Translated by this project.",`, ``})
	_, err := Load(fsys, "data")
	if err == nil || !strings.Contains(err.Error(), "data/fr/ui.json:2:11: lang: a translation without a word on who translated it") {
		t.Errorf("got %v", err)
	}
	errs := loadBroken(t, "ui.json", `"lang": "en",`, `"lang": "en", "translation": "Translated.",`)
	if !strings.Contains(errs.Error(), "data/en/ui.json:2:32: translation: says the content is a translation") {
		t.Errorf("got %v", errs)
	}
}
