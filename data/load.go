// Package data holds Waymark's content: one folder of JSON files per
// language, the Go types they decode into, and the validation that keeps bad
// content from ever reaching a reader.
//
// Files are embedded, so the build and the browser app read the same bytes.
// Every problem is reported as "file:line:col: json.path: what is wrong
// (expected what)".
package data

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

//go:embed */*.json
var embedded embed.FS

// Embedded loads the content compiled into the program. It panics if that
// content is invalid: the tests and the build reject such content first, so
// a binary can only hold valid content.
func Embedded() map[string]*Content {
	c, err := LoadEmbedded()
	if err != nil {
		panic(err)
	}
	return c
}

// LoadEmbedded loads and validates the content compiled into the program.
func LoadEmbedded() (map[string]*Content, error) {
	return Load(embedded, "data")
}

// Load reads every language folder of fsys and validates it. prefix is put
// before file names in messages ("data" gives "data/en/journey.json"). On
// failure the error is an Errors listing every problem found.
func Load(fsys fs.FS, prefix string) (map[string]*Content, error) {
	dirs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, Errors{{File: prefix, Pos: Pos{1, 1}, Msg: "cannot list content folders: " + err.Error()}}
	}
	out := map[string]*Content{}
	files := map[string]*parsed{}
	var errs Errors
	for _, dir := range dirs {
		if !dir.IsDir() {
			continue
		}
		c, p, langErrs := loadLang(fsys, prefix, dir.Name())
		errs = append(errs, langErrs...)
		files[dir.Name()] = p
		if len(langErrs) == 0 {
			out[dir.Name()] = c
		}
	}
	// A translation is compared with valid English even when it breaks
	// rules of its own, so that a translator sees every gap in one pass;
	// a gap its own rules already name at the same place is said once.
	if _, ok := out[Base]; ok {
		said := map[string]bool{}
		for _, e := range errs {
			said[fmt.Sprintf("%s:%d:%d", e.File, e.Pos.Line, e.Pos.Col)] = true
		}
		for _, lang := range slices.Sorted(maps.Keys(files)) {
			if lang == Base {
				continue
			}
			for _, e := range compareLanguages(files[Base], files[lang]) {
				if !said[fmt.Sprintf("%s:%d:%d", e.File, e.Pos.Line, e.Pos.Col)] {
					errs = append(errs, e)
				}
			}
		}
	} else if len(out) > 0 && len(errs) == 0 {
		errs = append(errs, &Error{File: path.Join(prefix, Base), Pos: Pos{1, 1}, Msg: "no " + Base + " folder", Want: "the English content every translation follows"})
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{File: prefix, Pos: Pos{1, 1}, Msg: "no language folder", Want: "a folder such as en/ holding the content files"})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return Prepare(out), nil
}

// Prepare builds what a widget looks content up by (its ids, its other
// languages) and returns contents. Load prepares what it validated; the
// browser app prepares content that was validated when the build wrote it
// out as Go values, so a reader's browser neither parses nor checks it.
func Prepare(contents map[string]*Content) map[string]*Content {
	var langs []Language
	for _, tag := range Languages(contents) {
		langs = append(langs, Language{Tag: tag, Name: contents[tag].UI.LanguageName, Dir: contents[tag].UI.Dir})
	}
	for _, c := range contents {
		c.index()
		c.languages = langs
	}
	return contents
}

func loadLang(fsys fs.FS, prefix, lang string) (*Content, *parsed, Errors) {
	c := &Content{}
	d := &decoder{ids: map[string]map[string]*Error{}, roots: map[string]*node{}}
	known := map[string]bool{}
	for _, f := range contentFiles {
		known[f.name] = true
		name := path.Join(prefix, lang, f.name)
		src, err := fs.ReadFile(fsys, path.Join(lang, f.name))
		if err != nil {
			d.errs = append(d.errs, &Error{File: name, Pos: Pos{1, 1}, Msg: "cannot read the file: " + err.Error(), Want: "every language folder to hold " + fileList()})
			continue
		}
		root, err := parseJSON(name, src)
		if err != nil {
			d.errs = append(d.errs, err.(*Error))
			continue
		}
		d.file = name
		d.roots[name] = root
		f.decodeInto(d, root, c)
	}
	entries, _ := fs.ReadDir(fsys, lang)
	for _, e := range entries {
		if !known[e.Name()] {
			d.errs = append(d.errs, &Error{File: path.Join(prefix, lang, e.Name()), Pos: Pos{1, 1}, Msg: "unexpected file in a language folder", Want: fileList()})
		}
	}
	if len(d.errs) == 0 {
		d.resolve()
	}
	// Rules that relate fields may follow any id, so they wait until every
	// id resolves; they then all run, to list every problem at once.
	if len(d.errs) == 0 {
		if c.UI.Lang != lang {
			d.errs = append(d.errs, &Error{File: path.Join(prefix, lang, "ui.json"), Pos: Pos{1, 1}, Path: "lang",
				Msg: "language " + c.UI.Lang + " in folder " + lang, Want: "the folder's name, " + lang})
		}
		d.applyRules(path.Join(prefix, lang), c)
	}
	slices.SortStableFunc(d.errs, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	p := &parsed{lang: lang, dir: path.Join(prefix, lang), roots: map[string]*node{}}
	for name, root := range d.roots {
		p.roots[path.Base(name)] = root
	}
	if len(d.errs) > 0 {
		return nil, p, d.errs
	}
	return c, p, nil
}

func (c *Content) index() {
	c.rights = map[string]*Right{}
	for i := range c.Rights {
		c.rights[c.Rights[i].ID] = &c.Rights[i]
	}
	c.citations = map[string]*Citation{}
	for i := range c.Sources.Citations {
		c.citations[c.Sources.Citations[i].ID] = &c.Sources.Citations[i]
	}
	c.documents = map[string]*Document{}
	for i := range c.Sources.Documents {
		c.documents[c.Sources.Documents[i].ID] = &c.Sources.Documents[i]
	}
}

// Right returns the right with the given id. Validation guarantees that
// every id the content refers to exists.
func (c *Content) Right(id string) *Right { return c.rights[id] }

// Citation returns the citation with the given id.
func (c *Content) Citation(id string) *Citation { return c.citations[id] }

// Document returns the document with the given id.
func (c *Content) Document(id string) *Document { return c.documents[id] }

// Languages returns the language tags of contents: English first, as the
// language every translation follows and every default falls back to, then
// the others sorted, so every list of pages comes out in the same order.
func Languages(contents map[string]*Content) []string {
	langs := slices.Sorted(maps.Keys(contents))
	if i := slices.Index(langs, Base); i > 0 {
		langs = slices.Insert(slices.Delete(langs, i, i+1), 0, Base)
	}
	return langs
}
