package data

import (
	"fmt"
	"reflect"
	"strings"
)

// Content is everything a widget needs in one language.
//
// Each exported field is filled from the file its `file` tag names, and that
// tag is the only list of files there is: the loader reads them, the schema
// generator describes them and the error messages name them in field order.
// Adding a widget's content file is therefore one new type and one tagged
// field here, and nothing else in data/.
//
// A field whose type is a struct is the whole file. A field whose type is a
// list is held in an object with a single key named by the field's json tag,
// as rights.json holds {"rights": [...]}; the field's waymark and doc tags
// apply to that key, in the decoder and in the schema alike. Unexported
// fields are indexes built after loading and come from no file.
type Content struct {
	UI        UI        `file:"ui.json"`
	Journey   Journey   `file:"journey.json"`
	Checklist Checklist `file:"checklist.json"`
	Glossary  Glossary  `file:"glossary.json"`
	Figures   Figures   `file:"figures.json"`
	Quiz      Quiz      `file:"quiz.json"`
	Guide     Guide     `file:"guide.json"`
	Rights    []Right   `json:"rights" file:"rights.json" doc:"Every right a technology may threaten."`
	Sources   Sources   `file:"sources.json"`

	rights    map[string]*Right
	citations map[string]*Citation
	documents map[string]*Document
	languages []Language
}

// Language is one language the content was loaded in, as a link to that
// version names it.
type Language struct {
	Tag  string // e.g. "fr"
	Name string // the language's name in itself, e.g. "Français"
	Dir  string // "ltr" or "rtl"
}

// Languages lists every language loaded with c, c's own included, in the
// order of the package's Languages, so a widget can offer its other
// versions.
func (c *Content) Languages() []Language { return c.languages }

// contentFile is one file of a language folder and the Content field it
// fills.
type contentFile struct {
	name  string // e.g. "journey.json"
	field int    // index of the field in Content
	held  bool   // the file is an object whose one key holds the field
}

// contentFiles is read from Content's tags once: reflection on every load
// would only ever find the same list.
var contentFiles = filesOf(contentType)

// filesOf lists the files t's tags name. It panics on a tag it cannot follow,
// so a mistake in Content stops every test and build rather than leaving a
// field that is never filled.
func filesOf(t reflect.Type) []contentFile {
	var out []contentFile
	seen := map[string]string{}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name := sf.Tag.Get("file")
		if name == "" {
			panic(fmt.Sprintf("data: Content.%s has no file tag, so no file would fill it", sf.Name))
		}
		if other, dup := seen[name]; dup {
			panic(fmt.Sprintf("data: Content.%s and Content.%s both come from %s", other, sf.Name, name))
		}
		seen[name] = sf.Name
		f := contentFile{name: name, field: i}
		switch sf.Type.Kind() {
		case reflect.Struct:
		case reflect.Slice:
			key, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if key == "" || key == "-" {
				panic(fmt.Sprintf("data: Content.%s is a list, so %s holds {\"key\": [...]}: give the field a json tag naming the key", sf.Name, name))
			}
			// The field itself, with its tags, is the one field of the
			// object the file holds: the decoder and the schema read the
			// key, its rules and its doc as they would on a wrapper type.
			// (Building such a type with reflect.StructOf would do the same
			// and add about 24 KB of brotli to the browser app.)
			f.held = true
		default:
			panic(fmt.Sprintf("data: Content.%s is a %s; a file holds an object or a list", sf.Name, sf.Type))
		}
		out = append(out, f)
	}
	return out
}

var contentType = reflect.TypeFor[Content]()

// decodeInto decodes a file's root node into its field of c.
func (f contentFile) decodeInto(d *decoder, root *node, c *Content) {
	dst := reflect.ValueOf(c).Elem().Field(f.field)
	if !f.held {
		d.decode(root, dst, "", tagOpts{})
		return
	}
	if root.kind != kindObject {
		d.errorf(root.pos, "", "an object", "found %s", root.kind)
		return
	}
	d.decodeFields(root, "", []reflect.StructField{contentType.Field(f.field)}, func(int) reflect.Value { return dst })
}

// schema describes the file.
func (f contentFile) schema() map[string]any {
	sf := contentType.Field(f.field)
	if f.held {
		return objectSchema([]reflect.StructField{sf})
	}
	return schemaOf(sf.Type, tagOpts{})
}

// fileList names every file a language folder must hold, for messages that
// tell an editor what belongs there.
func fileList() string {
	names := make([]string, len(contentFiles))
	for i, f := range contentFiles {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}
