package data

import (
	"encoding/json"
	"reflect"
	"strings"
)

// Schemas returns a JSON Schema (draft 2020-12) for each content file, keyed
// by file name ("journey.json"). They are generated from the same types and
// tags the validator reads, so editors' tools and the build agree on what a
// file may hold. Rules that relate several values (ids that must exist, the
// unit a comparison's figures share) are beyond JSON Schema: they are only
// described in the fields' descriptions, and only Load checks them.
func Schemas() map[string][]byte {
	out := map[string][]byte{}
	for _, f := range contentFiles {
		s := f.schema()
		s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
		s["title"] = "Waymark " + f.name
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			panic(err) // only maps, strings and numbers: cannot fail
		}
		out[f.name] = append(b, '\n')
	}
	return out
}

func schemaOf(t reflect.Type, o tagOpts) map[string]any {
	switch t.Kind() {
	case reflect.String:
		s := map[string]any{"type": "string", "minLength": 1, "pattern": `^\S(.*\S)?$`}
		switch {
		case o.url:
			s["format"] = "uri"
			s["pattern"] = `^https?://[^\s"'<>\\` + "`" + `]+$`
		case o.id != "" || o.ref != "":
			s["pattern"] = idPattern
		case len(o.enum) > 0:
			s["enum"] = o.enum
			delete(s, "pattern")
		}
		if o.ref != "" {
			s["description"] = "Id of an entry under " + o.ref + "."
		}
		if o.unique != "" {
			s["description"] = "Used once only across all " + o.unique + ", regardless of case."
		}
		return s
	case reflect.Int:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float64:
		return map[string]any{"type": "number", "minimum": 0}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Slice:
		return map[string]any{"type": "array", "minItems": 1, "items": schemaOf(t.Elem(), o)}
	case reflect.Struct:
		return objectSchema(structFields(t))
	}
	panic("data: no schema for " + t.String())
}

// objectSchema describes an object holding fields.
func objectSchema(fields []reflect.StructField) map[string]any {
	props := map[string]any{}
	required := []string{}
	for _, sf := range fields {
		name := jsonName(sf)
		if name == "" {
			continue
		}
		fo := parseTag(sf.Tag.Get("waymark"))
		p := schemaOf(sf.Type, fo)
		if doc := sf.Tag.Get("doc"); doc != "" {
			if ref, ok := p["description"].(string); ok {
				doc += " " + ref
			}
			p["description"] = strings.TrimSpace(doc)
		}
		props[name] = p
		if !fo.optional {
			required = append(required, name)
		}
	}
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props, "required": required}
}
