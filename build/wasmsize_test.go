package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"waymark/data"
	"waymark/precompress"
)

// BenchmarkWasmSizes says where app.wasm's bytes go: it compiles the app
// as the build ships it and again with the name section kept (the code
// and data are the same), and prints the code of each package, largest
// first, with the sections that are not code:
//
//	go test ./build -run '^$' -bench WasmSizes -benchtime 1x
//
// make sizes runs it beside BenchmarkSizes.
func BenchmarkWasmSizes(b *testing.B) {
	contents, err := data.LoadEmbedded()
	if err != nil {
		b.Fatal(err)
	}
	app, err := newAppBuild(contents)
	if err != nil {
		b.Fatal(err)
	}
	defer app.close()
	shipped, err := app.compile(false)
	if err != nil {
		b.Fatal(err)
	}
	named, err := app.compile(true)
	if err != nil {
		b.Fatal(err)
	}
	packages, err := app.packages()
	if err != nil {
		b.Fatal(err)
	}
	sizes, err := parseWasm(named)
	if err != nil {
		b.Fatal(err)
	}
	br, err := precompress.Brotli(shipped, precompress.Best)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Sizes do not vary between runs; the loop only satisfies the
		// benchmark protocol.
	}
	groups := map[string]int{}
	for _, r := range codeByGroup(sizes, packages) {
		groups[r.Group] = r.Bytes
	}
	b.ReportMetric(float64(len(shipped)), "wasm-raw-B")
	b.ReportMetric(float64(len(br)), "wasm-br-B")
	b.ReportMetric(float64(sizes.Code), "code-B")
	b.ReportMetric(float64(sizes.Data), "data-B")
	for metric, group := range map[string]string{
		"runtime-code-B":  "runtime",
		"crypto-code-B":   "crypto/*",
		"net-code-B":      "net/*, mime/*",
		"math-big-code-B": "math/big",
		"regexp-code-B":   "regexp",
		"go-app-code-B":   "github.com/maxence-charriere/go-app/v10/pkg/app",
		"widgets-code-B":  "waymark/widgets",
	} {
		b.ReportMetric(float64(groups[group]), metric)
	}
	// The table goes to the output as it is: a benchmark's log keeps only
	// its first lines.
	fmt.Printf("app.wasm as shipped: %d B, %d B brotli\n", len(shipped), len(br))
	writeSizeTable(os.Stdout, sizes, packages, 25)
}

// The table puts each function's body under the package its name names,
// with type arguments that name other packages ignored, and counts imported
// functions (which have no body) out of the index space, as a browser
// does. The module is made here byte by byte: two imports, one of them a
// function, then four functions.
func TestTheSizeTableAttributesCodeToItsPackage(t *testing.T) {
	funcs := []struct {
		name string
		body int
	}{
		{"github.com/a/b.(*T).M", 40},
		{"crypto/internal/fips140/aes.encryptBlock", 300},
		{"slices.Sort[go.shape.struct { github.com/a/b.x int }]", 7},
		{"github.com/a/b.init", 10},
		{"github.com/a/b/c.F", 5},
		{"type:.eq.github.com/a/b.T", 3},
	}
	packages := []string{"github.com/a/b", "github.com/a/b/c", "crypto/internal/fips140/aes", "slices"}
	var m []byte
	m = append(m, "\x00asm\x01\x00\x00\x00"...)
	section := func(id byte, payload []byte) {
		m = append(m, id)
		m = appendULEB(m, len(payload))
		m = append(m, payload...)
	}
	name := func(b []byte, s string) []byte { return append(appendULEB(b, len(s)), s...) }

	// One type: () -> ().
	section(1, []byte{1, 0x60, 0, 0})
	// Imports: a memory, then a function; the function takes index 0.
	var imports []byte
	imports = appendULEB(imports, 2)
	imports = name(name(imports, "env"), "mem")
	imports = append(imports, 2, 0, 1)
	imports = name(name(imports, "gojs"), "runtime.wasmExit")
	imports = append(imports, 0, 0)
	section(2, imports)
	var code, names []byte
	code = appendULEB(code, len(funcs))
	names = appendULEB(names, len(funcs)+1)
	names = name(appendULEB(names, 0), "runtime.wasmExit")
	for i, f := range funcs {
		body := make([]byte, f.body)
		body[0] = 0 // no locals
		body[f.body-1] = 0x0b
		for j := 1; j < f.body-1; j++ {
			body[j] = 0x01 // nop
		}
		code = append(appendULEB(code, f.body), body...)
		// As the Go linker writes them.
		names = name(appendULEB(names, i+1), wasmName(f.name))
	}
	var fn []byte
	fn = appendULEB(fn, len(funcs))
	for range funcs {
		fn = appendULEB(fn, 0)
	}
	section(3, fn)
	section(10, code)
	section(11, []byte{1, 0, 0x41, 0, 0x0b, 3, 'a', 'b', 'c'})
	custom := name(nil, "name")
	custom = append(custom, 1)
	custom = appendULEB(custom, len(names))
	custom = append(custom, names...)
	section(0, custom)

	sizes, err := parseWasm(m)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]sizeRow{}
	for _, r := range codeByGroup(sizes, packages) {
		got[r.Group] = r
	}
	want := map[string]sizeRow{
		"github.com/a/b":   {"github.com/a/b", 50, 2},
		"github.com/a/b/c": {"github.com/a/b/c", 5, 1},
		"crypto/*":         {"crypto/*", 300, 1},
		"slices":           {"slices", 7, 1},
		typeGroup:          {typeGroup, 3, 1},
	}
	if len(got) != len(want) {
		t.Errorf("the table has rows %v, want %v", got, want)
	}
	for g, w := range want {
		if got[g] != w {
			t.Errorf("row %q is %+v, want %+v", g, got[g], w)
		}
	}
	if sizes.Code != len(code) || sizes.Data != 9 || sizes.Total != len(m) {
		t.Errorf("sections: code %d, data %d, total %d; want %d, 9, %d", sizes.Code, sizes.Data, sizes.Total, len(code), len(m))
	}
	var table strings.Builder
	writeSizeTable(&table, sizes, packages, 1)
	if first := strings.Fields(strings.Split(table.String(), "\n")[1]); first[0] != "crypto/*" || first[1] != "300" {
		t.Errorf("the table's first row is %v, want crypto/* with 300 B:\n%s", first, table.String())
	}
	if !strings.Contains(table.String(), "everything else (4 packages)") {
		t.Errorf("the table does not sum the rows past the top one:\n%s", table.String())
	}
}

// The table reads a module the Go toolchain wrote as it reads the app: a
// function that main calls shows under main, with its body's size.
func TestTheSizeTableReadsGoWasm(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a program for wasm")
	}
	dir := t.TempDir()
	src := `package main

//go:noinline
func sum(xs []int) (n int) {
	for _, x := range xs {
		n += x * x
	}
	return n
}

func main() { println(sum([]int{1, 2, 3})) }
`
	for name, body := range map[string]string{"go.mod": "module tiny\n\ngo 1.22\n", "main.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "tiny.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-w", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("compiling the tiny program: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := parseWasm(b)
	if err != nil {
		t.Fatal(err)
	}
	var sum *wasmFunc
	for i, f := range sizes.Funcs {
		if f.Name == "main.sum" {
			sum = &sizes.Funcs[i]
		}
	}
	if sum == nil || sum.Size < 10 || sum.Size > 2000 {
		t.Fatalf("main.sum is %+v in the module, want a body of tens or hundreds of bytes", sum)
	}
	list := exec.Command("go", "list", "-deps", "-f", listFormat, ".")
	list.Dir = dir
	list.Env = cmd.Env
	deps, err := list.Output()
	if err != nil {
		t.Fatalf("listing the tiny program's packages: %v", err)
	}
	rows := codeByGroup(sizes, strings.Fields(string(deps)))
	if rows[0].Group != "runtime" {
		t.Errorf("the largest row is %+v, want the runtime's", rows[0])
	}
	for _, r := range rows {
		if r.Group == "main" && r.Bytes < sum.Size {
			t.Errorf("main's row has %d B, less than main.sum's %d B", r.Bytes, sum.Size)
		}
		if r.Group == "(unnamed)" || strings.HasPrefix(r.Group, "(unknown package)") {
			t.Errorf("%d functions (%d B) are under %q", r.Funcs, r.Bytes, r.Group)
		}
	}
}

func appendULEB(b []byte, n int) []byte {
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
