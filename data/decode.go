package data

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// The struct tag `waymark:"..."` says what a field must hold beyond its Go
// type. The decoder, the validator and the JSON Schema all read the same tags,
// so the rules live in one place: the types.
//
//	optional        the field may be absent (every other field is required)
//	url             an absolute http or https address
//	id=NS           declares an id in namespace NS; must be unique in it
//	ref=NS          refers to an id declared in namespace NS
//	enum=a|b        one of the listed values
//	placeholders=a|b the text must contain {a} and {b}
//	unique=NS       any text, unique in namespace NS regardless of case
//	own             each language has its own value, so a translation is
//	                not compared with English here (a language's tag, its
//	                direction, the note that says who translated it)
type tagOpts struct {
	optional     bool
	own          bool
	url          bool
	id, ref      string
	unique       string
	enum         []string
	placeholders []string
}

func parseTag(tag string) tagOpts {
	var o tagOpts
	for _, part := range strings.Split(tag, ",") {
		key, val, _ := strings.Cut(part, "=")
		switch key {
		case "optional":
			o.optional = true
		case "own":
			o.own = true
		case "url":
			o.url = true
		case "id":
			o.id = val
		case "ref":
			o.ref = val
		case "enum":
			o.enum = strings.Split(val, "|")
		case "placeholders":
			o.placeholders = strings.Split(val, "|")
		case "unique":
			o.unique = val
		}
	}
	return o
}

// jsonName is the field's name in JSON, or "" for fields JSON ignores.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

// idPattern is what an id looks like, as the schema states it. isID checks
// it by hand: a regexp here would compile at start-up in every reader's
// browser, which never checks an id, and bring the regexp package along.
const idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// isID reports whether s matches idPattern: lowercase letters and digits in
// runs joined by single dashes.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

const idWant = "lowercase letters, digits and single dashes, e.g. \"social-media-monitoring\""

// decoder turns parsed nodes into Go values, recording every problem rather
// than stopping at the first, and collecting ids and references so they can
// be checked across files once all of a language's files are read.
type decoder struct {
	file string
	errs Errors
	ids  map[string]map[string]*Error // namespace -> id -> where it was declared
	refs []pendingRef

	// roots are the files' parsed trees, so the rules that relate several
	// fields (rules.go), which see only Go values, can still point an
	// editor at the line of a value they name by its JSON path.
	roots map[string]*node // file -> its root value
}

type pendingRef struct {
	ns, id string
	at     *Error // position to report at if the id is undefined
}

func (d *decoder) errorf(pos Pos, path, want, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...), Want: want})
}

// nodeAt finds the value at a JSON path such as "comparisons[0].figures[1]"
// in the tree under root.
func nodeAt(root *node, jsonPath string) (*node, bool) {
	n := root
	for jsonPath != "" {
		switch {
		case jsonPath[0] == '.':
			jsonPath = jsonPath[1:]
		case jsonPath[0] == '[':
			end := strings.IndexByte(jsonPath, ']')
			i, err := strconv.Atoi(jsonPath[1:max(end, 1)])
			if end < 0 || err != nil || n.kind != kindArray || i < 0 || i >= len(n.items) {
				return nil, false
			}
			n, jsonPath = n.items[i], jsonPath[end+1:]
		default:
			end := strings.IndexAny(jsonPath, ".[")
			if end < 0 {
				end = len(jsonPath)
			}
			name, found := jsonPath[:end], false
			for _, f := range n.fields {
				if f.name == name {
					n, found = f.value, true
					break
				}
			}
			if !found {
				return nil, false
			}
			jsonPath = jsonPath[end:]
		}
	}
	return n, true
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (d *decoder) decode(n *node, v reflect.Value, path string, o tagOpts) {
	switch v.Kind() {
	case reflect.String:
		if n.kind != kindString {
			d.errorf(n.pos, path, "a string", "found %s", n.kind)
			return
		}
		d.decodeString(n, v, path, o)
	case reflect.Int:
		if n.kind != kindNumber {
			d.errorf(n.pos, path, "a whole number", "found %s", n.kind)
			return
		}
		i, err := strconv.Atoi(n.str)
		if err != nil || i < 0 {
			d.errorf(n.pos, path, "a whole number, 0 or more", "%s is not a whole number", n.str)
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		if n.kind != kindNumber {
			d.errorf(n.pos, path, "a number", "found %s", n.kind)
			return
		}
		f, err := strconv.ParseFloat(n.str, 64)
		if err != nil || math.IsInf(f, 0) || f < 0 {
			d.errorf(n.pos, path, "a finite number, 0 or more", "%s is not such a number", n.str)
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		if n.kind != kindBool {
			d.errorf(n.pos, path, "true or false", "found %s", n.kind)
			return
		}
		v.SetBool(n.bool)
	case reflect.Slice:
		if n.kind != kindArray {
			d.errorf(n.pos, path, "an array", "found %s", n.kind)
			return
		}
		if len(n.items) == 0 {
			d.errorf(n.pos, path, "at least one item", "the list is empty")
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
		for i, item := range n.items {
			d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), o)
		}
		v.Set(s)
	case reflect.Struct:
		if n.kind != kindObject {
			d.errorf(n.pos, path, "an object", "found %s", n.kind)
			return
		}
		d.decodeStruct(n, v, path)
	default:
		panic("data: no decoder for " + v.Type().String())
	}
}

func (d *decoder) decodeString(n *node, v reflect.Value, path string, o tagOpts) {
	s := n.str
	if strings.TrimSpace(s) == "" {
		d.errorf(n.pos, path, "some text", "the text is empty")
		return
	}
	if s != strings.TrimSpace(s) {
		d.errorf(n.pos, path, "no leading or trailing spaces", "the text starts or ends with white space")
	}
	switch {
	case o.url:
		if msg := checkURL(s); msg != "" {
			d.errorf(n.pos, path, "an absolute http:// or https:// address", "%s", msg)
		}
	case o.id != "" || o.ref != "":
		if !isID(s) {
			d.errorf(n.pos, path, idWant, "%q is not a valid id", s)
			return
		}
	case len(o.enum) > 0:
		if !slices.Contains(o.enum, s) {
			d.errorf(n.pos, path, "one of "+strings.Join(o.enum, ", "), "%q is not allowed", s)
		}
	}
	for _, ph := range o.placeholders {
		if !strings.Contains(s, "{"+ph+"}") {
			d.errorf(n.pos, path, "the placeholder {"+ph+"} in the text", "the text has no {%s}", ph)
		}
	}
	if o.id != "" {
		if d.ids[o.id] == nil {
			d.ids[o.id] = map[string]*Error{}
		}
		if first, dup := d.ids[o.id][s]; dup {
			d.errorf(n.pos, path, "a unique id", "duplicate id %q, first defined at %s:%d:%d", s, first.File, first.Pos.Line, first.Pos.Col)
		} else {
			d.ids[o.id][s] = &Error{File: d.file, Pos: n.pos, Path: path}
		}
	}
	if o.unique != "" {
		ns, key := "unique:"+o.unique, strings.ToLower(s)
		if d.ids[ns] == nil {
			d.ids[ns] = map[string]*Error{}
		}
		if first, dup := d.ids[ns][key]; dup {
			d.errorf(n.pos, path, "text used once only", "%q is already used at %s:%d:%d (%s)", s, first.File, first.Pos.Line, first.Pos.Col, first.Path)
		} else {
			d.ids[ns][key] = &Error{File: d.file, Pos: n.pos, Path: path}
		}
	}
	if o.ref != "" {
		d.refs = append(d.refs, pendingRef{ns: o.ref, id: s, at: &Error{File: d.file, Pos: n.pos, Path: path}})
	}
	v.SetString(s)
}

func checkURL(s string) string {
	if strings.ContainsAny(s, " \t\n\"'<>`\\") {
		return fmt.Sprintf("%q holds a space, quote, angle bracket or backslash", s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Sprintf("%q is not a valid address", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Sprintf("%q is not an http(s) address", s)
	}
	if u.Host == "" {
		return fmt.Sprintf("%q has no host", s)
	}
	return ""
}

func (d *decoder) decodeStruct(n *node, v reflect.Value, path string) {
	d.decodeFields(n, path, structFields(v.Type()), v.Field)
}

// structFields lists t's fields, in order, so that field i is v.Field(i).
func structFields(t reflect.Type) []reflect.StructField {
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		fields[i] = t.Field(i)
	}
	return fields
}

// decodeFields decodes the object n into fields, field i going to
// value(i); fields JSON ignores are skipped.
func (d *decoder) decodeFields(n *node, path string, fields []reflect.StructField, value func(i int) reflect.Value) {
	byName := map[string]int{}
	var names []string
	for i, sf := range fields {
		if name := jsonName(sf); name != "" {
			byName[name] = i
			names = append(names, name)
		}
	}
	seen := map[string]bool{}
	for _, f := range n.fields {
		fpath := join(path, f.name)
		i, ok := byName[f.name]
		switch {
		case !ok:
			d.errorf(f.keyPos, fpath, "one of "+strings.Join(names, ", "), "unknown field %q", f.name)
			continue
		case seen[f.name]:
			d.errorf(f.keyPos, fpath, "each field once", "field %q appears twice", f.name)
			continue
		}
		seen[f.name] = true
		d.decode(f.value, value(i), fpath, parseTag(fields[i].Tag.Get("waymark")))
	}
	for _, name := range names {
		sf := fields[byName[name]]
		if !seen[name] && !parseTag(sf.Tag.Get("waymark")).optional {
			// The field's doc tag, so the message says what to write.
			d.errorf(n.pos, join(path, name), "the field "+strconv.Quote(name)+": "+sf.Tag.Get("doc"), "missing required field %q", name)
		}
	}
}

// resolve reports every reference to an id that no file of the language
// defines.
func (d *decoder) resolve() {
	for _, r := range d.refs {
		if _, ok := d.ids[r.ns][r.id]; ok {
			continue
		}
		known := slices.Sorted(maps.Keys(d.ids[r.ns]))
		want := "an id defined under " + r.ns
		if len(known) > 0 && len(known) <= 12 {
			want = "one of " + strings.Join(known, ", ")
		}
		d.errs = append(d.errs, &Error{File: r.at.File, Pos: r.at.Pos, Path: r.at.Path,
			Msg: fmt.Sprintf("%q is not a defined %s id", r.id, strings.TrimSuffix(r.ns, "s")), Want: want})
	}
}
