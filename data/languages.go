package data

import (
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"
)

// Base is the language every translation is checked against: the content
// is written in the report's words, and the report is published in English.
const Base = "en"

// parsed is one valid language folder as its files were parsed, kept so that
// a translation's gaps can be placed on a line and a column.
type parsed struct {
	lang  string
	dir   string           // e.g. "data/fr"
	roots map[string]*node // by file name, e.g. "journey.json"
}

// compareLanguages reports where tr differs from base in anything but its
// words: an id one has and the other lacks, a text English has and the
// translation leaves empty or out, a citation, a right, an address, a
// footnote or a number that changed. A reader switching language must meet
// the same facts, with the same sources, under the same links.
func compareLanguages(base, tr *parsed) Errors {
	c := &comparer{base: base, tr: tr}
	for _, f := range contentFiles {
		b, t := base.roots[f.name], tr.roots[f.name]
		if b == nil || t == nil {
			continue
		}
		c.file = f.name
		ft := contentType.Field(f.field)
		if f.held {
			name := jsonName(ft)
			bn, _ := nodeAt(b, name)
			tn, _ := nodeAt(t, name)
			if bn != nil && tn != nil {
				c.value(bn, tn, ft.Type, name, parseTag(ft.Tag.Get("waymark")))
			}
			continue
		}
		c.value(b, t, ft.Type, "", tagOpts{})
	}
	return c.errs
}

type comparer struct {
	base, tr *parsed
	file     string
	errs     Errors
}

func (c *comparer) errorf(pos Pos, path, want, format string, args ...any) {
	c.errs = append(c.errs, &Error{File: c.tr.dir + "/" + c.file, Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...), Want: want})
}

// where names a place in the base language's file, for messages that send
// a translator to the English they should follow.
func (c *comparer) where(pos Pos) string {
	return fmt.Sprintf("%s:%d:%d", path.Join(c.base.dir, c.file), pos.Line, pos.Col)
}

func (c *comparer) value(b, t *node, typ reflect.Type, p string, o tagOpts) {
	if b.kind != t.kind {
		return // the decoder has already said what the translation should hold
	}
	switch typ.Kind() {
	case reflect.Struct:
		c.object(b, t, typ, p)
	case reflect.Slice:
		c.list(b, t, typ, p, o)
	case reflect.String:
		switch {
		case o.id != "" || o.ref != "" || o.url || len(o.enum) > 0:
			if b.str != t.str {
				c.errorf(t.pos, p, fmt.Sprintf("%q, as in English (%s)", b.str, c.where(b.pos)), "holds %q", t.str)
			}
		case strings.TrimSpace(b.str) != "" && strings.TrimSpace(t.str) == "":
			c.errorf(t.pos, p, "a translation of the English at "+c.where(b.pos), "is empty")
		}
	default: // numbers and booleans are facts, not words
		if b.str != t.str || b.bool != t.bool {
			c.errorf(t.pos, p, fmt.Sprintf("%s, as in English (%s)", literal(b), c.where(b.pos)), "holds %s", literal(t))
		}
	}
}

func literal(n *node) string {
	if n.kind == kindBool {
		return fmt.Sprint(n.bool)
	}
	return n.str
}

func (c *comparer) object(b, t *node, typ reflect.Type, p string) {
	for i := 0; i < typ.NumField(); i++ {
		sf := typ.Field(i)
		name := jsonName(sf)
		if name == "" {
			continue
		}
		o := parseTag(sf.Tag.Get("waymark"))
		if o.own {
			continue
		}
		fp := join(p, name)
		bf, tf := fieldOf(b, name), fieldOf(t, name)
		switch {
		case bf != nil && tf != nil:
			c.value(bf.value, tf.value, sf.Type, fp, o)
		case bf != nil && !isEmpty(bf.value):
			c.errorf(t.pos, fp, "the field, as English has it at "+c.where(bf.keyPos), "is missing")
		case tf != nil && bf == nil:
			c.errorf(tf.keyPos, fp, "no such field, as English has none", "is not in English")
		}
	}
}

func isEmpty(n *node) bool {
	return n.kind == kindNull || n.kind == kindString && strings.TrimSpace(n.str) == "" || n.kind == kindArray && len(n.items) == 0
}

func fieldOf(n *node, name string) *field {
	for i := range n.fields {
		if n.fields[i].name == name {
			return &n.fields[i]
		}
	}
	return nil
}

// list pairs items by id where they have one, so a translator may not drop,
// add or rename a stage, an item or a term, and by position otherwise.
func (c *comparer) list(b, t *node, typ reflect.Type, p string, o tagOpts) {
	elem := typ.Elem()
	if elem.Kind() == reflect.String {
		bs, ts := strs(b), strs(t)
		if (o.ref != "" || o.id != "" || o.url) && !slices.Equal(bs, ts) {
			c.errorf(t.pos, p, fmt.Sprintf("[%s], as in English (%s)", strings.Join(bs, ", "), c.where(b.pos)), "holds [%s]", strings.Join(ts, ", "))
			return
		}
		// A list of words (a glossary term's forms) is the language's
		// own: French may write in three forms what English writes in two.
		return
	}
	key := idField(elem)
	if key == "" {
		if len(b.items) != len(t.items) {
			c.errorf(t.pos, p, fmt.Sprintf("%d entries, as in English (%s)", len(b.items), c.where(b.pos)), "has %d", len(t.items))
			return
		}
		for i := range b.items {
			c.value(b.items[i], t.items[i], elem, fmt.Sprintf("%s[%d]", p, i), tagOpts{})
		}
		return
	}
	idOf := func(n *node) string {
		if f := fieldOf(n, key); f != nil {
			return f.value.str
		}
		return ""
	}
	byID := map[string]int{}
	for i, n := range t.items {
		byID[idOf(n)] = i
	}
	inBase := map[string]bool{}
	for i, bn := range b.items {
		id := idOf(bn)
		inBase[id] = true
		j, ok := byID[id]
		if !ok {
			c.errorf(t.pos, p, "every id English has (at "+c.where(bn.pos)+")", "lacks %q", id)
			continue
		}
		if i != j {
			c.errorf(t.items[j].pos, fmt.Sprintf("%s[%d]", p, j), fmt.Sprintf("English's order, where it is entry %d", i), "%q is entry %d", id, j)
		}
		c.value(bn, t.items[j], elem, fmt.Sprintf("%s[%d]", p, j), tagOpts{})
	}
	for j, tn := range t.items {
		if id := idOf(tn); !inBase[id] {
			c.errorf(tn.pos, fmt.Sprintf("%s[%d]", p, j), "only the ids English has", "%q is not in English", id)
		}
	}
}

func strs(n *node) []string {
	out := make([]string, len(n.items))
	for i, it := range n.items {
		out[i] = it.str
	}
	return out
}

// idField is the json name of the field that declares t's id, or "".
func idField(t reflect.Type) string {
	if t.Kind() != reflect.Struct {
		return ""
	}
	for i := 0; i < t.NumField(); i++ {
		if parseTag(t.Field(i).Tag.Get("waymark")).id != "" {
			return jsonName(t.Field(i))
		}
	}
	return ""
}
