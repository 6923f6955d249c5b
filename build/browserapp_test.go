package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"waymark/data"
)

// The browser build, from the same input the site's app.wasm is compiled
// from, brings in none of the server's packages: no net/http, crypto,
// math/big, regexp or uuid for a reader to download.
func TestTheBrowserBuildLeavesOutTheServersPackages(t *testing.T) {
	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	app, err := newAppBuild(contents)
	if err != nil {
		t.Fatal(err)
	}
	defer app.close()
	packages, err := app.packages()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(packages, goAppPackage) {
		t.Fatalf("the browser build does not list %s: %v", goAppPackage, packages)
	}
	for _, p := range packages {
		if p == "net/http" || strings.HasPrefix(p, "net/http/") || p == "crypto" || strings.HasPrefix(p, "crypto/") ||
			strings.Contains(p, "golang.org/x/crypto") || p == "math/big" || p == "regexp" || strings.HasPrefix(p, "regexp/") ||
			p == "github.com/google/uuid" {
			t.Errorf("the browser build compiles %s", p)
		}
	}
}

// A go-app whose browser side no longer uses what a stand-in replaces,
// as after an upgrade, stops the build with the stand-in named.
func TestTheRewriteStopsAtAStandInThatNoLongerApplies(t *testing.T) {
	saved := browserStandIns
	t.Cleanup(func() { browserStandIns = saved })
	browserStandIns = append(slices.Clone(saved), standIn{"github.com/google/uuid", "NewV7", "browserRandomID"})
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	_, err = goAppForBrowser(root, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "nothing uses uuid.NewV7") {
		t.Fatalf("rewriting with a stand-in for uuid.NewV7, which go-app does not call: %v, want an error naming it", err)
	}
}

// A declaration the rewrite would drop outside what only a server uses,
// as after an upgrade that makes browser-side code use net/http, stops
// the build with the file and declaration named.
func TestTheRewriteStopsAtADeclarationTheBrowserMayNeed(t *testing.T) {
	savedFiles, savedDecls := serverFiles, serverDecls
	t.Cleanup(func() { serverFiles, serverDecls = savedFiles, savedDecls })
	// As if resource.go's file servers were browser code, and
	// RouteWithRegexp one of the routes the browser side keeps.
	serverFiles = slices.DeleteFunc(slices.Clone(savedFiles), func(f string) bool { return f == "resource.go" })
	serverDecls = slices.DeleteFunc(slices.Clone(savedDecls), func(d string) bool { return d == "app.go: RouteWithRegexp" })
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	_, err = goAppForBrowser(root, t.TempDir())
	if err == nil {
		t.Fatal("the rewrite dropped resource.go's declarations and RouteWithRegexp without an error")
	}
	for _, want := range []string{"resource.go: LocalDir (uses net/http)", "app.go: RouteWithRegexp"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %q:\n%v", want, err)
		}
	}
}

// The rewrite keeps what the browser side uses and drops only the server:
// the rewritten package has routes by path, state and storage, and no
// Handler methods, file servers or encryption.
func TestTheRewriteDropsOnlyTheServer(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goapp, err := goAppForBrowser(root, dir)
	if err != nil {
		t.Fatal(err)
	}
	dropped := map[string]bool{}
	for _, d := range goapp.Dropped {
		dropped[d.file+": "+d.decl] = true
	}
	for _, want := range []string{"http.go: (Handler).ServeHTTP", "resource.go: LocalDir", "crypto.go: encrypt", "app.go: RouteWithRegexp"} {
		if !dropped[want] {
			t.Errorf("the rewrite keeps %s", want)
		}
	}
	for _, kept := range []string{"app.go: Route", "app.go: RunWhenOnBrowser", "context.go: (Context).DeviceID", "state.go: (stateManager).persist", "route.go: (router).createComponent"} {
		if dropped[kept] {
			t.Errorf("the rewrite drops %s, which the browser side uses", kept)
		}
	}
	src, err := os.ReadFile(filepath.Join(goapp.Dir, "pkg", "app", "context.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "id = browserRandomID()") {
		t.Errorf("the rewritten context.go does not make its device id with browserRandomID:\n%s", src)
	}
}

// The device id the browser build makes in place of uuid's is a random
// version 4 UUID, a new one each time: two devices never share one.
func TestTheBrowserDeviceIDIsARandomUUID(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":     "module app\n\ngo 1.22\n",
		"browser.go": browserAdditions,
		"main_test.go": `package app

import "testing"

func TestPrint(t *testing.T) {
	for i := 0; i < 3; i++ {
		println(browserRandomID())
	}
}
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", "-v", "-count=1", "-run", "TestPrint", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running browserRandomID: %v\n%s", err, out)
	}
	uuid := regexp.MustCompile(`(?m)^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	ids := uuid.FindAllString(string(out), -1)
	if len(ids) != 3 {
		t.Fatalf("browserRandomID printed %q, want three version 4 UUIDs", out)
	}
	if ids[0] == ids[1] || ids[1] == ids[2] || ids[0] == ids[2] {
		t.Errorf("browserRandomID made the same id twice: %v", ids)
	}
}

// The same sources make the same app.wasm, though go-app is rewritten in
// a new folder each time: its fingerprinted name then stays, and readers
// keep the copy they have cached.
func TestTheBrowserBuildIsReproducible(t *testing.T) {
	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	first, err := compileWasm(contents)
	if err != nil {
		t.Fatal(err)
	}
	second, err := compileWasm(contents)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("two builds of the same sources made different wasm files (%d and %d B)", len(first), len(second))
	}
}
