package data

import (
	"fmt"
	"strings"
)

// Error is one problem in a content file, placed where an editor can find it.
// Its text reads "file:line:col: json.path: what is wrong (expected what)".
type Error struct {
	File string // path as the editor knows it, e.g. "data/en/journey.json"
	Pos  Pos
	Path string // JSON path, e.g. "stages[0].technologies[2].rights[1]"; empty for syntax errors
	Msg  string // what is wrong
	Want string // what was expected
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Pos.Line, e.Pos.Col)
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Want != "" {
		fmt.Fprintf(&b, " (expected %s)", e.Want)
	}
	return b.String()
}

// Errors is every problem found in one load, in file order, so an editor can
// fix them all in one pass rather than one per build.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
