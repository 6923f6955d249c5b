package build

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// goAppPackage is go-app's package that the browser side imports.
const goAppPackage = "github.com/maxence-charriere/go-app/v10/pkg/app"

// Go-app's package is one for the server and the browser: the server's
// http.Handler (net/http, crypto/sha1), its file servers, routes matched by
// regular expressions and encrypted state (crypto/aes) are compiled into
// every app.wasm, and with them crypto/*, math/big, net/* and regexp,
// about a fifth of what a reader downloads. go-app offers no build tag to
// leave them out, so the build rewrites the package for the browser from
// the module cache, on every build, with the same steps whichever go-app
// version go.mod names:
//
//  1. the few browser-side uses of those packages are replaced by
//     browserStandIns (a device id made without crypto/rand; a route
//     pattern type that no route uses);
//  2. every declaration that still names one of serverOnly's packages is
//     dropped;
//  3. every declaration that no longer type-checks is dropped, until
//     the package type-checks.
//
// Nothing of go-app is kept in the repository. A declaration dropped
// outside serverFiles and serverDecls, a stand-in that matches nothing,
// or a changed file with a compiler directive stops the build and names
// the file and declaration: after an upgrade of go-app, that is the one
// place to look. So the browser side loses only what a server uses, and
// Waymark's own code that calls a dropped declaration does not compile.

// serverOnly says whether go-app's package may not bring in path in the
// browser build.
func serverOnly(path string) bool {
	return path == "net/http" || path == "regexp" || path == "github.com/google/uuid" ||
		path == "crypto" || strings.HasPrefix(path, "crypto/")
}

// standIn replaces pkg.Name, wherever go-app's browser-side code uses it,
// with a declaration of browserAdditions.
type standIn struct {
	pkg, name, with string
}

// browserStandIns are the uses of server-only packages that the browser
// side reaches.
var browserStandIns = []standIn{
	// Context.DeviceID and the broadcast of state between tabs.
	{"github.com/google/uuid", "NewString", "browserRandomID"},
	// The type of a RouteWithRegexp route; Waymark routes by path only,
	// and RouteWithRegexp itself, which compiles the pattern, is dropped.
	{"regexp", "Regexp", "browserNoPattern"},
	// encrypt and decrypt are crypto.go's, whose declarations are all
	// dropped; state.go and context.go call them.
	{"", "encrypt", "browserNoEncryption"},
	{"", "decrypt", "browserNoEncryption"},
}

// browserAdditions is the file the build adds to go-app's package: what
// browserStandIns put in place of the server-only code.
const browserAdditions = `package app

import (
	"errors"
	"fmt"
	"math/rand/v2"
)

// browserRandomID is a random (version 4) UUID. The runtime seeds
// math/rand/v2 from the browser's crypto.getRandomValues, so the ids are
// as unpredictable as uuid's, without crypto/rand; a device id names a
// device, it keeps no secret.
func browserRandomID() string {
	var b [16]byte
	for i := 0; i < len(b); i += 8 {
		v := rand.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// browserNoPattern stands for a compiled route pattern: no route has one,
// as RouteWithRegexp is not in the browser build.
type browserNoPattern struct{}

// MatchString matches no path.
func (*browserNoPattern) MatchString(string) bool { return false }

// browserNoEncryption stands for AES encryption, which is not in the
// browser build: state persisted with encryption is logged as failed, as
// go-app logs any failure to persist, and kept in memory only.
func browserNoEncryption(string, []byte) ([]byte, error) {
	return nil, errors.New("encrypted state is not in this build of go-app")
}
`

// serverFiles are go-app's files that only a server uses: the browser
// build may drop any of their declarations.
var serverFiles = []string{"http.go", "resource.go", "crypto.go"}

// serverDecls are the declarations of go-app's other files that only a
// server or a route with a regular expression uses, as "file: name".
var serverDecls = []string{
	"route.go: (router).routeWithRegexp",
	"app.go: RouteWithRegexp",
}

// mayDrop says whether the browser build may drop the declaration named
// decl from go-app's file. Anything not in serverFiles or serverDecls
// would be a part of go-app the browser side might reach.
func mayDrop(file, decl string) bool {
	if strings.HasPrefix(decl, "import ") {
		// What the package no longer uses: whatever used it was dropped
		// and is checked on its own.
		return true
	}
	return slices.Contains(serverFiles, file) || slices.Contains(serverDecls, file+": "+decl)
}

// browserGoApp is go-app's module as rewritten for the browser.
type browserGoApp struct {
	// Module is go-app's module path; Dir the folder of its rewritten
	// copy, for a replace directive. go build reads no overlay of a file
	// in the module cache, so the rewritten package is a module of its
	// own, made on every build.
	Module, Dir string
	// Dropped lists the declarations the rewrite dropped.
	Dropped []droppedDecl
}

// goAppForBrowser writes into dir go-app's module with its package
// rewritten for the browser: the go.mod and the packages of it that
// ./app imports, as they are in the module cache, but for the rewritten
// files and the added one.
func goAppForBrowser(root, dir string) (*browserGoApp, error) {
	pkg, err := listPackage(root, goAppPackage)
	if err != nil {
		return nil, err
	}
	modDir := filepath.Join(dir, "go-app")
	if err := copyModule(root, pkg.Module.Path, pkg.Module.Dir, modDir); err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	changed := map[string]bool{}
	counts := make([]int, len(browserStandIns))
	var names []string
	for _, name := range pkg.GoFiles {
		file := filepath.Join(pkg.Dir, name)
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("rewriting go-app for the browser: %w", err)
		}
		before := slices.Clone(counts)
		if src, err = standIns(src, counts); err != nil {
			return nil, fmt.Errorf("rewriting go-app for the browser: %s: %w", file, err)
		}
		changed[name] = !slices.Equal(before, counts)
		f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("rewriting go-app for the browser: %s after the stand-ins: %w", file, err)
		}
		files[name] = f
		names = append(names, name)
	}
	added, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, "waymark_browser.go"), browserAdditions, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("rewriting go-app for the browser: the added file: %w", err)
	}

	r := &rewrite{fset: fset, files: files, changed: changed}
	for i, s := range browserStandIns {
		if counts[i] == 0 {
			return nil, fmt.Errorf("rewriting go-app %s for the browser: nothing uses %s, which browserStandIns replaces with %s: review the stand-ins for this version of go-app",
				pkg.Module.Version, strings.TrimPrefix(path.Base(s.pkg)+"."+s.name, "."), s.with)
		}
	}
	for _, name := range names {
		r.dropServerOnly(name)
	}
	exports, err := exportData(root, r.imports(added))
	if err != nil {
		return nil, err
	}
	for {
		errs := r.check(exports, added)
		if len(errs) == 0 {
			break
		}
		dropped := 0
		for _, e := range errs {
			if r.dropAt(e) {
				dropped++
			}
		}
		if dropped == 0 {
			return nil, fmt.Errorf("rewriting go-app %s for the browser: it does not type-check, and dropping declarations does not help: %v", pkg.Module.Version, errs[0])
		}
	}

	var unexpected []string
	for _, d := range r.dropped {
		if !mayDrop(d.file, d.decl) {
			unexpected = append(unexpected, fmt.Sprintf("%s: %s (%s)", d.file, d.decl, d.why))
		}
	}
	if len(unexpected) > 0 {
		return nil, fmt.Errorf("rewriting go-app %s for the browser would drop declarations the browser side may use; keep them (a stand-in in browserStandIns) or, if only a server uses them, add them to serverDecls:\n\t%s",
			pkg.Module.Version, strings.Join(unexpected, "\n\t"))
	}

	appDir := filepath.Join(modDir, filepath.FromSlash(strings.TrimPrefix(goAppPackage, pkg.Module.Path+"/")))
	for _, name := range names {
		if !r.changed[name] {
			continue
		}
		orig, err := os.ReadFile(filepath.Join(pkg.Dir, name))
		if err != nil {
			return nil, err
		}
		if d := directive(orig); d != "" {
			return nil, fmt.Errorf("rewriting go-app %s for the browser: %s has the directive %q, which rewriting it would lose", pkg.Module.Version, name, d)
		}
		var out bytes.Buffer
		if err := format.Node(&out, fset, files[name]); err != nil {
			return nil, fmt.Errorf("rewriting go-app for the browser: writing %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(appDir, name), out.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(appDir, "waymark_browser.go"), []byte(browserAdditions), 0o644); err != nil {
		return nil, err
	}
	return &browserGoApp{Module: pkg.Module.Path, Dir: modDir, Dropped: r.dropped}, nil
}

// listedPackage is what go list says of a package for the browser.
type listedPackage struct {
	Dir     string
	GoFiles []string
	Module  struct{ Path, Version, Dir string }
}

// copyModule copies into to the go.mod of the module at path, in folder
// from, and the folders of those of its packages that ./app imports, but
// their tests.
func copyModule(root, modPath, from, to string) error {
	out, err := goWasm(root, "list", "-deps", "-f", `{{with .Module}}{{if eq .Path "`+modPath+`"}}{{$.Dir}}{{end}}{{end}}`, "./app")
	if err != nil {
		return fmt.Errorf("listing the packages of %s that ./app imports: %w", modPath, err)
	}
	dirs := append([]string{from}, strings.Fields(string(out))...)
	for i, d := range dirs {
		rel, err := filepath.Rel(from, d)
		if err != nil {
			return err
		}
		entries, err := os.ReadDir(d)
		if err != nil {
			return fmt.Errorf("copying %s for the browser: %w", modPath, err)
		}
		if err := os.MkdirAll(filepath.Join(to, rel), 0o755); err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if !e.Type().IsRegular() || strings.HasSuffix(name, "_test.go") || i == 0 && name != "go.mod" {
				continue
			}
			b, err := os.ReadFile(filepath.Join(d, name))
			if err != nil {
				return fmt.Errorf("copying %s for the browser: %w", modPath, err)
			}
			if err := os.WriteFile(filepath.Join(to, rel, name), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

func listPackage(root, importPath string) (*listedPackage, error) {
	out, err := goWasm(root, "list", "-json=Dir,GoFiles,Module", importPath)
	if err != nil {
		return nil, fmt.Errorf("finding %s for the browser: %w", importPath, err)
	}
	var p listedPackage
	if err := json.Unmarshal(out, &p); err != nil {
		return nil, fmt.Errorf("finding %s for the browser: %w", importPath, err)
	}
	return &p, nil
}

// exportData compiles the packages the rewritten package imports for the
// browser, and returns where the compiler wrote each one's export data
// (what the type checker reads), by import path.
func exportData(root string, imports []string) (map[string]string, error) {
	args := append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, imports...)
	out, err := goWasm(root, args...)
	if err != nil {
		return nil, fmt.Errorf("compiling go-app's imports for the browser: %w", err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if p, file, ok := strings.Cut(sc.Text(), "\t"); ok && file != "" {
			m[p] = file
		}
	}
	return m, nil
}

// directive is the first compiler directive in a Go file other than
// go:generate and go:build, which the browser build does not need.
func directive(src []byte) string {
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "//go:") && !strings.HasPrefix(line, "//go:generate") && !strings.HasPrefix(line, "//go:build") {
			return line
		}
	}
	return ""
}

// rewrite is go-app's package being rewritten: its files by name, and
// what has been dropped from them so far.
type rewrite struct {
	fset    *token.FileSet
	files   map[string]*ast.File
	changed map[string]bool
	dropped []droppedDecl
	// droppedNodes are the dropped declarations' nodes.
	droppedNodes []ast.Node
}

// droppedDecl is a declaration the rewrite dropped, and why.
type droppedDecl struct {
	file, decl, why string
}

// standIns replaces, in the source of one of go-app's files, each use of
// browserStandIns, and counts the uses of each.
func standIns(src []byte, counts []int) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	type edit struct {
		start, end int
		with       string
	}
	var edits []edit
	ast.Inspect(f, func(node ast.Node) bool {
		for i, s := range browserStandIns {
			var match ast.Node
			switch x := node.(type) {
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && s.pkg != "" && id.Name == importName(f, s.pkg) && x.Sel.Name == s.name {
					match = x
				}
			case *ast.CallExpr:
				if id, ok := x.Fun.(*ast.Ident); ok && s.pkg == "" && id.Name == s.name {
					match = id
				}
			}
			if match != nil {
				edits = append(edits, edit{fset.Position(match.Pos()).Offset, fset.Position(match.End()).Offset, s.with})
				counts[i]++
			}
		}
		return true
	})
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := slices.Clone(src)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], []byte(e.with), out[e.end:])
	}
	return out, nil
}

// importName is the name file f refers to the package path by, or "".
func importName(f *ast.File, pkgPath string) string {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == pkgPath {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return path.Base(p)
		}
	}
	return ""
}

// dropServerOnly drops file name's imports of server-only packages and
// every declaration that refers to one.
func (r *rewrite) dropServerOnly(name string) {
	f := r.files[name]
	server := map[string]string{}
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); serverOnly(p) {
			server[importName(f, p)] = p
		}
	}
	if len(server) == 0 {
		return
	}
	r.filterDecls(name, func(n ast.Node) string {
		if imp, ok := n.(*ast.ImportSpec); ok {
			if p, _ := strconv.Unquote(imp.Path.Value); serverOnly(p) {
				return "imports " + p
			}
			return ""
		}
		why := ""
		ast.Inspect(n, func(node ast.Node) bool {
			if s, ok := node.(*ast.SelectorExpr); ok && why == "" {
				if id, ok := s.X.(*ast.Ident); ok && server[id.Name] != "" {
					why = "uses " + server[id.Name]
				}
			}
			return why == ""
		})
		return why
	})
}

// filterDecls drops the declarations (a function, or one spec of a
// group) of file name for which why says why.
func (r *rewrite) filterDecls(name string, why func(ast.Node) string) {
	f := r.files[name]
	var decls []ast.Decl
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if w := why(d); w != "" {
				r.drop(name, d, w)
				continue
			}
		case *ast.GenDecl:
			var specs []ast.Spec
			for _, s := range d.Specs {
				if w := why(s); w != "" {
					r.drop(name, s, w)
					continue
				}
				specs = append(specs, s)
			}
			if len(specs) == 0 {
				continue
			}
			d.Specs = specs
		}
		decls = append(decls, d)
	}
	f.Decls = decls
	f.Imports = slices.DeleteFunc(f.Imports, func(imp *ast.ImportSpec) bool {
		p, _ := strconv.Unquote(imp.Path.Value)
		return serverOnly(p) || slices.Contains(r.droppedNodes, ast.Node(imp))
	})
}

func (r *rewrite) drop(file string, n ast.Node, why string) {
	r.changed[file] = true
	r.dropped = append(r.dropped, droppedDecl{file, declName(n), why})
	r.droppedNodes = append(r.droppedNodes, n)
}

// declName names a declaration as a reader of go-app's source finds it:
// Name, (Type).Method, or an import's path.
func declName(n ast.Node) string {
	switch d := n.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			t := d.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if ix, ok := t.(*ast.IndexExpr); ok {
				t = ix.X
			}
			if id, ok := t.(*ast.Ident); ok {
				return "(" + id.Name + ")." + d.Name.Name
			}
		}
		return d.Name.Name
	case *ast.TypeSpec:
		return d.Name.Name
	case *ast.ValueSpec:
		var names []string
		for _, id := range d.Names {
			names = append(names, id.Name)
		}
		return strings.Join(names, ", ")
	case *ast.ImportSpec:
		return "import " + d.Path.Value
	}
	return fmt.Sprintf("%T", n)
}

// imports is every package the package, with added, imports.
func (r *rewrite) imports(added *ast.File) []string {
	set := map[string]bool{}
	for _, f := range append(r.fileList(), added) {
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			set[p] = true
		}
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func (r *rewrite) fileList() []*ast.File {
	var names []string
	for name := range r.files {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []*ast.File
	for _, name := range names {
		out = append(out, r.files[name])
	}
	return out
}

// check type-checks the package with added for the browser and returns
// its errors.
func (r *rewrite) check(exports map[string]string, added *ast.File) []types.Error {
	var errs []types.Error
	conf := types.Config{
		Importer: importer.ForCompiler(r.fset, "gc", func(p string) (io.ReadCloser, error) {
			file, ok := exports[p]
			if !ok {
				return nil, fmt.Errorf("no export data for %s", p)
			}
			return os.Open(file)
		}),
		Sizes: types.SizesFor("gc", "wasm"),
		Error: func(err error) {
			if e, ok := err.(types.Error); ok {
				errs = append(errs, e)
			}
		},
	}
	conf.Check(goAppPackage, r.fset, append(r.fileList(), added), nil)
	return errs
}

// dropAt drops the declaration of go-app's files in which e is, and says
// whether there was one to drop.
func (r *rewrite) dropAt(e types.Error) bool {
	pos := e.Fset.Position(e.Pos)
	name := filepath.Base(pos.Filename)
	if _, ok := r.files[name]; !ok {
		return false
	}
	found := false
	r.filterDecls(name, func(n ast.Node) string {
		if n.Pos() <= e.Pos && e.Pos < n.End() && !found {
			found = true
			return e.Msg
		}
		return ""
	})
	return found
}
