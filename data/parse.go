package data

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// node is a parsed JSON value that remembers where it stood in its file.
// encoding/json forgets positions once it has decoded, and every message an
// editor reads must point at a line and a column.
type node struct {
	kind   nodeKind
	pos    Pos
	str    string  // kindString, or the literal text of a kindNumber
	bool   bool    // kindBool
	items  []*node // kindArray
	fields []field // kindObject, in file order
}

type field struct {
	name   string
	keyPos Pos
	value  *node
}

type nodeKind int

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k nodeKind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}[k]
}

// Pos is a 1-based line and column (in characters) in a content file.
type Pos struct {
	Line, Col int
}

type parser struct {
	src  []byte
	off  int
	line int
	col  int
}

// parseJSON parses src into a tree of nodes. A syntax error is returned as
// an *Error whose Path is empty.
func parseJSON(file string, src []byte) (root *node, err error) {
	p := &parser{src: src, line: 1, col: 1}
	p.space()
	n, perr := p.value()
	if perr != nil {
		perr.File = file
		return nil, perr
	}
	p.space()
	if p.off < len(p.src) {
		return nil, &Error{File: file, Pos: p.pos(), Msg: "unexpected text after the top-level value", Want: "end of file"}
	}
	return n, nil
}

func (p *parser) pos() Pos { return Pos{p.line, p.col} }

func (p *parser) advance(n int) {
	for i := 0; i < n && p.off < len(p.src); {
		r, size := utf8.DecodeRune(p.src[p.off:])
		if r == '\n' {
			p.line++
			p.col = 1
		} else {
			p.col++
		}
		p.off += size
		i += size
	}
}

func (p *parser) space() {
	for p.off < len(p.src) {
		switch p.src[p.off] {
		case ' ', '\t', '\r', '\n':
			p.advance(1)
		default:
			return
		}
	}
}

func (p *parser) fail(msg, want string) *Error {
	return &Error{Pos: p.pos(), Msg: msg, Want: want}
}

func (p *parser) value() (*node, *Error) {
	if p.off >= len(p.src) {
		return nil, p.fail("unexpected end of file", "a value")
	}
	start := p.pos()
	switch c := p.src[p.off]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		return &node{kind: kindString, pos: start, str: s}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case p.literal("true"):
		return &node{kind: kindBool, pos: start, bool: true}, nil
	case p.literal("false"):
		return &node{kind: kindBool, pos: start}, nil
	case p.literal("null"):
		return &node{kind: kindNull, pos: start}, nil
	default:
		r, _ := utf8.DecodeRune(p.src[p.off:])
		return nil, p.fail(fmt.Sprintf("unexpected character %q", r), "a value: object, array, string, number, true, false or null")
	}
}

func (p *parser) literal(word string) bool {
	if strings.HasPrefix(string(p.src[p.off:min(len(p.src), p.off+len(word))]), word) {
		p.advance(len(word))
		return true
	}
	return false
}

func (p *parser) number() (*node, *Error) {
	start, off := p.pos(), p.off
	for p.off < len(p.src) && strings.IndexByte("+-.eE0123456789", p.src[p.off]) >= 0 {
		p.advance(1)
	}
	lit := string(p.src[off:p.off])
	if !json.Valid([]byte(lit)) {
		return nil, &Error{Pos: start, Msg: fmt.Sprintf("malformed number %q", lit), Want: "a JSON number"}
	}
	return &node{kind: kindNumber, pos: start, str: lit}, nil
}

func (p *parser) string() (string, *Error) {
	start, off := p.pos(), p.off
	p.advance(1)
	for {
		if p.off >= len(p.src) {
			return "", &Error{Pos: start, Msg: "string is not closed", Want: `a closing "`}
		}
		switch c := p.src[p.off]; {
		case c == '"':
			p.advance(1)
			var s string
			if err := json.Unmarshal(p.src[off:p.off], &s); err != nil {
				return "", &Error{Pos: start, Msg: "malformed string: " + strings.TrimPrefix(err.Error(), "json: "), Want: "a JSON string"}
			}
			return s, nil
		case c == '\\':
			p.advance(2)
		case c < 0x20:
			return "", p.fail("control character in string", `\n, \t or another escape`)
		default:
			p.advance(1)
		}
	}
}

func (p *parser) array() (*node, *Error) {
	n := &node{kind: kindArray, pos: p.pos()}
	p.advance(1)
	p.space()
	if p.off < len(p.src) && p.src[p.off] == ']' {
		p.advance(1)
		return n, nil
	}
	for {
		p.space()
		item, err := p.value()
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, item)
		p.space()
		if p.off >= len(p.src) {
			return nil, p.fail("unexpected end of file in array", `"," or "]"`)
		}
		switch p.src[p.off] {
		case ',':
			p.advance(1)
		case ']':
			p.advance(1)
			return n, nil
		default:
			return nil, p.fail(fmt.Sprintf("unexpected %q in array", p.src[p.off]), `"," or "]"`)
		}
	}
}

func (p *parser) object() (*node, *Error) {
	n := &node{kind: kindObject, pos: p.pos()}
	p.advance(1)
	p.space()
	if p.off < len(p.src) && p.src[p.off] == '}' {
		p.advance(1)
		return n, nil
	}
	for {
		p.space()
		if p.off >= len(p.src) || p.src[p.off] != '"' {
			return nil, p.fail("expected a field name", `a quoted name`)
		}
		keyPos := p.pos()
		name, err := p.string()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.off >= len(p.src) || p.src[p.off] != ':' {
			return nil, p.fail(fmt.Sprintf("missing colon after field %q", name), `":"`)
		}
		p.advance(1)
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.fields = append(n.fields, field{name: name, keyPos: keyPos, value: v})
		p.space()
		if p.off >= len(p.src) {
			return nil, p.fail("unexpected end of file in object", `"," or "}"`)
		}
		switch p.src[p.off] {
		case ',':
			p.advance(1)
		case '}':
			p.advance(1)
			return n, nil
		default:
			return nil, p.fail(fmt.Sprintf("unexpected %q in object", p.src[p.off]), `"," or "}"`)
		}
	}
}
