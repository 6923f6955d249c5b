package data

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
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
	src   []byte
	off   int
	line  int
	col   int
	depth int
}

// Limits on what a content file may hold. Every string is compiled into the
// wasm of every widget, so an oversized one costs every reader; real
// content is far below them (the longest text is about 1,100 characters,
// the largest file about 70 KB, the deepest nesting 6).
const (
	maxFileBytes   = 512 << 10
	maxStringChars = 4000
	maxDepth       = 32
)

// parseJSON parses src into a tree of nodes. A syntax error is returned as
// an *Error whose Path is empty.
func parseJSON(file string, src []byte) (root *node, err error) {
	if len(src) > maxFileBytes {
		return nil, &Error{File: file, Pos: Pos{1, 1}, Msg: fmt.Sprintf("the file is %d bytes, more than %d", len(src), maxFileBytes),
			Want: "content split into smaller texts"}
	}
	p := &parser{src: src, line: 1, col: 1}
	// Decoding would turn bytes that are not UTF-8 into U+FFFD without a
	// word; an editor must hear where the file was damaged.
	for off := 0; off < len(src); {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size == 1 {
			p.advance(off)
			return nil, &Error{File: file, Pos: p.pos(), Msg: fmt.Sprintf("byte 0x%02x is not UTF-8", src[off]), Want: "the file saved as UTF-8"}
		}
		off += size
	}
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
	chars := 0
	for {
		if p.off >= len(p.src) {
			return "", &Error{Pos: start, Msg: "string is not closed", Want: `a closing "`}
		}
		c := p.src[p.off]
		if c == '"' {
			p.advance(1)
			if chars > maxStringChars {
				return "", &Error{Pos: start, Msg: fmt.Sprintf("string is %d characters long, more than %d", chars, maxStringChars), Want: "a shorter text"}
			}
			var s string
			if err := json.Unmarshal(p.src[off:p.off], &s); err != nil {
				return "", &Error{Pos: start, Msg: "malformed string: " + strings.TrimPrefix(err.Error(), "json: "), Want: "a JSON string"}
			}
			return s, nil
		}
		at := p.pos()
		var r rune
		switch {
		case c == '\\' && p.off+1 < len(p.src) && p.src[p.off+1] == 'u':
			var err *Error
			if r, err = p.unicodeEscape(); err != nil {
				return "", err
			}
		case c == '\\' && p.off+1 < len(p.src) && strings.IndexByte("bfr", p.src[p.off+1]) >= 0:
			// \b, \f and \r are control characters too, written short.
			r = map[byte]rune{'b': '\b', 'f': '\f', 'r': '\r'}[p.src[p.off+1]]
			p.advance(2)
		case c == '\\':
			p.advance(2)
			chars++
			continue
		case c < 0x20:
			return "", p.fail("control character in string", `\n, \t or another escape`)
		default:
			var size int
			r, size = utf8.DecodeRune(p.src[p.off:])
			p.advance(size)
		}
		chars++
		if why := forbidden(r); why != "" {
			return "", &Error{Pos: at, Msg: fmt.Sprintf("%s (U+%04X) in string", why, r), Want: "text without it"}
		}
	}
}

// unicodeEscape reads a \uXXXX escape, and the low half after a high
// surrogate. A surrogate alone would decode to U+FFFD without a word.
func (p *parser) unicodeEscape() (rune, *Error) {
	at := p.pos()
	hex := func() (rune, bool) {
		if p.off+6 > len(p.src) || p.src[p.off] != '\\' || p.src[p.off+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(p.src[p.off+2:p.off+6]), 16, 32)
		if err != nil {
			return 0, false
		}
		p.advance(6)
		return rune(v), true
	}
	r, ok := hex()
	if !ok {
		return 0, &Error{Pos: at, Msg: "malformed \\u escape", Want: "\\u and four hexadecimal digits"}
	}
	if !utf16.IsSurrogate(r) {
		return r, nil
	}
	if r < 0xDC00 {
		if lo, ok := hex(); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return utf16.DecodeRune(r, lo), nil
		}
	}
	return 0, &Error{Pos: at, Msg: fmt.Sprintf("lone surrogate \\u%04X in string", r), Want: "a pair of surrogates, or the character itself"}
}

// forbidden says why a character may not appear in content text, or "".
// Control characters are invisible and break what reads the text after us;
// bidirectional embeddings, overrides and isolates can make a sentence show
// in another order than it is stored (direction belongs in markup, which
// the widgets set from the language); U+FFFD is what damaged text decodes
// to. Left-to-right and right-to-left marks stay allowed: they do not
// reorder text beyond themselves.
func forbidden(r rune) string {
	switch {
	case r == 0:
		return "NUL character"
	case r < 0x20 && r != '\n' && r != '\t', r >= 0x7F && r <= 0x9F:
		return "control character"
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return "bidirectional control character"
	case r == utf8.RuneError:
		return "replacement character, left by text damaged in an earlier encoding"
	}
	return ""
}

func (p *parser) array() (*node, *Error) {
	n := &node{kind: kindArray, pos: p.pos()}
	if p.depth++; p.depth > maxDepth {
		return nil, p.fail(fmt.Sprintf("values nested more than %d deep", maxDepth), "the shape of the content schema")
	}
	defer func() { p.depth-- }()
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
	if p.depth++; p.depth > maxDepth {
		return nil, p.fail(fmt.Sprintf("values nested more than %d deep", maxDepth), "the shape of the content schema")
	}
	defer func() { p.depth-- }()
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
