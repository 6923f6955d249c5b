package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// wasmSizes is where a WebAssembly module's bytes go: the code of each
// function, attributed by the name section, and the sections that are not
// code. It reads only what the size table needs, so it rejects nothing a
// browser would accept that it does not look at.
type wasmSizes struct {
	// Total is the module's length.
	Total int
	// Code is the code section's length; Data the data section's (the
	// Go linker's read-only data, pclntab with its function names, and
	// initialised variables); Names the name section's.
	Code, Data, Names int
	// Funcs has every function defined in the module, in index order.
	Funcs []wasmFunc
}

// wasmFunc is one function body and the name the name section gives it
// (empty when it gives none).
type wasmFunc struct {
	Name string
	Size int
}

// parseWasm reads a module's sections, its function bodies' sizes and the
// function names of its name section.
func parseWasm(b []byte) (*wasmSizes, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("reading wasm: not a WebAssembly module")
	}
	if v := b[4:8]; !bytes.Equal(v, []byte{1, 0, 0, 0}) {
		return nil, fmt.Errorf("reading wasm: version %v, want 1", v)
	}
	s := &wasmSizes{Total: len(b)}
	imported := 0
	names := map[int]string{}
	r := &wasmReader{b: b, off: 8}
	for r.off < len(b) {
		id := r.byte()
		size := int(r.uleb())
		start := r.off
		if r.err == nil && size > len(b)-start {
			r.fail("section %d at offset %d runs past the end", id, start-1)
		}
		if r.err != nil {
			return nil, r.err
		}
		sec := &wasmReader{b: b[:start+size], off: start}
		switch id {
		case 0: // custom
			if sec.name() == "name" {
				s.Names += size
				readFuncNames(sec, names)
			}
		case 2: // import
			imported = readFuncImports(sec)
		case 10: // code
			s.Code += size
			n := int(sec.uleb())
			for i := 0; i < n && sec.err == nil; i++ {
				body := int(sec.uleb())
				sec.skip(body)
				s.Funcs = append(s.Funcs, wasmFunc{Size: body})
			}
		case 11: // data
			s.Data += size
		}
		if sec.err != nil {
			return nil, fmt.Errorf("reading wasm section %d: %w", id, sec.err)
		}
		r.off = start + size
	}
	for i := range s.Funcs {
		s.Funcs[i].Name = names[imported+i]
	}
	return s, nil
}

// readFuncImports counts the imported functions, which come before the
// module's own in the function index space the name section uses.
func readFuncImports(r *wasmReader) int {
	funcs := 0
	n := int(r.uleb())
	for i := 0; i < n && r.err == nil; i++ {
		r.name() // module
		r.name() // field
		switch kind := r.byte(); kind {
		case 0: // function: type index
			r.uleb()
			funcs++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory: limits
			r.limits()
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		default:
			r.fail("import %d has unknown kind %d", i, kind)
		}
	}
	return funcs
}

// readFuncNames reads the name section's function names (subsection 1)
// into names, by function index.
func readFuncNames(r *wasmReader, names map[int]string) {
	for r.off < len(r.b) && r.err == nil {
		id := r.byte()
		size := int(r.uleb())
		end := r.off + size
		if id == 1 {
			n := int(r.uleb())
			for i := 0; i < n && r.err == nil; i++ {
				idx := int(r.uleb())
				names[idx] = r.name()
			}
		}
		r.off = end
	}
}

// wasmReader reads LEB128 numbers and names from a module, keeping the
// first error so that callers check once.
type wasmReader struct {
	b   []byte
	off int
	err error
}

func (r *wasmReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
}

func (r *wasmReader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *wasmReader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.fail("LEB128 number at offset %d is too long", r.off)
	return 0
}

func (r *wasmReader) skip(n int) {
	if r.err == nil && (n < 0 || n > len(r.b)-r.off) {
		r.fail("%d bytes at offset %d run past the end", n, r.off)
		return
	}
	r.off += n
}

func (r *wasmReader) name() string {
	n := int(r.uleb())
	start := r.off
	r.skip(n)
	if r.err != nil {
		return ""
	}
	return string(r.b[start : start+n])
}

func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.uleb()
	}
	r.uleb()
}

// wasmPackages maps the names the Go linker gives packages in a wasm
// name section to their import paths. The linker writes every character
// of a symbol other than letters, digits, '_' and '.' as '_', so
// "github.com/a/b.(*T).M" is "github.com_a_b.__T_.M" there, and only the
// list of the program's packages says where a path ends.
func wasmPackages(paths []string) map[string]string {
	m := map[string]string{}
	for _, p := range paths {
		m[wasmName(p)] = p
	}
	return m
}

// wasmName is s as the Go linker writes it in the name section.
func wasmName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
}

// wasmPackage is the import path of the package a function's name-section
// name belongs to: the first prefix ending before a '.' that names one of
// packages (type arguments after it name other packages, but come later).
// Functions the compiler makes for types ("type:.eq.T") are their own
// kind. The runtime defines a few functions in the name of standard
// packages the program need not import (sync.runtime_Semacquire); as no
// standard import path has a '_', those are read back as paths. Any
// other name is reported as unknown rather than guessed.
func wasmPackage(name string, packages map[string]string) string {
	if strings.HasPrefix(name, "type_.") {
		return "type:"
	}
	for i := 0; i < len(name); i++ {
		if name[i] != '.' {
			continue
		}
		if p, ok := packages[name[:i]]; ok {
			return p
		}
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		if !strings.Contains(name[:i], ".") {
			return strings.ReplaceAll(name[:i], "_", "/")
		}
		return "(unknown package) " + name[:i]
	}
	return "(no package)"
}

// sizeGroup puts the standard library's crypto and network packages and
// the runtime's internals together, as a reader of the table asks "what
// do crypto and net/http cost", not "what does crypto/internal/fips140/aes
// cost"; every other package is its own row.
func sizeGroup(pkg string) string {
	under := func(roots ...string) bool {
		for _, root := range roots {
			if pkg == root || strings.HasPrefix(pkg, root+"/") {
				return true
			}
		}
		return false
	}
	switch {
	case pkg == "type:":
		return typeGroup
	case under("runtime", "internal/runtime"):
		return "runtime"
	case under("crypto", "vendor/golang.org/x/crypto"):
		return "crypto/*"
	case under("net", "vendor/golang.org/x/net", "mime"):
		return "net/*, mime/*"
	case under("regexp"):
		return "regexp"
	}
	return pkg
}

// typeGroup is the row of the functions the compiler makes for types,
// such as their equality.
const typeGroup = "type:* (compiler-made equality)"

// sizeRow is one row of the size table: a group, its code bytes and its
// number of functions.
type sizeRow struct {
	Group string
	Bytes int
	Funcs int
}

// codeByGroup sums function bodies by sizeGroup of their package (one of
// packages, the program's import paths), largest first.
func codeByGroup(s *wasmSizes, packages []string) []sizeRow {
	known := wasmPackages(packages)
	rows := map[string]*sizeRow{}
	for _, f := range s.Funcs {
		g := "(unnamed)"
		if f.Name != "" {
			g = sizeGroup(wasmPackage(f.Name, known))
		}
		row := rows[g]
		if row == nil {
			row = &sizeRow{Group: g}
			rows[g] = row
		}
		row.Bytes += f.Size
		row.Funcs++
	}
	var out []sizeRow
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bytes != out[j].Bytes {
			return out[i].Bytes > out[j].Bytes
		}
		return out[i].Group < out[j].Group
	})
	return out
}

// writeSizeTable writes the top rows of codeByGroup, the rest summed in
// one row, and the sections that are not code.
func writeSizeTable(w io.Writer, s *wasmSizes, packages []string, top int) {
	rows := codeByGroup(s, packages)
	code := 0
	for _, r := range rows {
		code += r.Bytes
	}
	pct := func(n int) float64 {
		if code == 0 {
			return 0
		}
		return 100 * float64(n) / float64(code)
	}
	fmt.Fprintf(w, "%-52s %10s %6s %6s\n", "package (code section, by name section)", "bytes", "%", "funcs")
	rest := sizeRow{Group: "everything else"}
	for i, r := range rows {
		if i >= top {
			rest.Bytes += r.Bytes
			rest.Funcs += r.Funcs
			continue
		}
		fmt.Fprintf(w, "%-52s %10d %5.1f%% %6d\n", r.Group, r.Bytes, pct(r.Bytes), r.Funcs)
	}
	if rest.Funcs > 0 {
		fmt.Fprintf(w, "%-52s %10d %5.1f%% %6d\n", fmt.Sprintf("%s (%d packages)", rest.Group, len(rows)-top), rest.Bytes, pct(rest.Bytes), rest.Funcs)
	}
	fmt.Fprintf(w, "%-52s %10d\n", "function bodies", code)
	fmt.Fprintf(w, "%-52s %10d\n", "code section", s.Code)
	fmt.Fprintf(w, "%-52s %10d\n", "data section (rodata, pclntab, variables)", s.Data)
	fmt.Fprintf(w, "%-52s %10d\n", "name section (not shipped)", s.Names)
	fmt.Fprintf(w, "%-52s %10d\n", "module, with the name section", s.Total)
}
