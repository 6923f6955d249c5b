package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"waymark/data"
)

// compileWasm builds ./app for the browser, with app/content.go replaced
// by contents written as Go values, and go-app without its server
// (goAppForBrowser). Symbols and DWARF are stripped:
// readers download every byte, and no one debugs from a reader's browser.
func compileWasm(contents map[string]*data.Content) ([]byte, error) {
	app, err := newAppBuild(contents)
	if err != nil {
		return nil, err
	}
	defer app.close()
	return app.compile(false)
}

// appBuild is the input of the browser build, in a folder of its own:
// ./app with its content written as Go values, and go-app rewritten for
// the browser (goAppForBrowser), as the go command's flags and
// environment.
type appBuild struct {
	root, dir  string
	env, flags []string
	goapp      *browserGoApp
}

// newAppBuild writes the browser build's input for contents; close
// removes it.
func newAppBuild(contents map[string]*data.Content) (*appBuild, error) {
	root, err := ModuleRoot()
	if err != nil {
		return nil, err
	}
	src, err := goContent(contents)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "waymark-wasm")
	if err != nil {
		return nil, err
	}
	a := &appBuild{root: root, dir: tmp}
	if err := a.write(src); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

func (a *appBuild) write(content []byte) error {
	var err error
	if a.goapp, err = goAppForBrowser(a.root, a.dir); err != nil {
		return err
	}
	overlayFile, err := appOverlay(a.root, a.dir, map[string][]byte{"content.go": content})
	if err != nil {
		return err
	}
	work, err := browserWorkspace(a.root, a.dir, a.goapp)
	if err != nil {
		return err
	}
	a.env = []string{work}
	a.flags = []string{"-overlay", overlayFile}
	return nil
}

func (a *appBuild) close() { os.RemoveAll(a.dir) }

// compile builds the wasm, keeping the name section when names is set,
// for the size table to attribute code to packages: the code and data
// are the same either way.
func (a *appBuild) compile(names bool) ([]byte, error) {
	out := filepath.Join(a.dir, "app.wasm")
	ldflags := "-ldflags=-s -w"
	if names {
		ldflags = "-ldflags=-w"
	}
	args := slices.Concat([]string{"build", "-trimpath", ldflags}, a.flags, []string{"-o", out, "./app"})
	if _, err := goWasmIn(a.root, a.env, args...); err != nil {
		return nil, fmt.Errorf("compiling ./app for wasm: %w", err)
	}
	return os.ReadFile(out)
}

// packages lists the packages the build compiles, each as its functions
// are named in the wasm (see listFormat).
func (a *appBuild) packages() ([]string, error) {
	args := slices.Concat([]string{"list", "-deps", "-f", listFormat}, a.flags, []string{"./app"})
	list, err := goWasmIn(a.root, a.env, args...)
	if err != nil {
		return nil, fmt.Errorf("listing the packages of ./app for wasm: %w", err)
	}
	return strings.Fields(string(list)), nil
}

// browserWorkspace writes into dir a workspace of the module with go-app
// replaced by its rewrite for the browser, and returns the go command's
// environment variable that builds in it. The replacement is written
// relative to the workspace: the binary records the path, so an absolute
// one in a new folder would make every build's wasm another file.
func browserWorkspace(root, dir string, goapp *browserGoApp) (string, error) {
	rel, err := filepath.Rel(dir, goapp.Dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("writing the browser build's workspace: go-app's rewrite is in %s, outside %s", goapp.Dir, dir)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	goVersion := ""
	for _, line := range strings.Split(string(mod), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			goVersion = strings.TrimSpace(v)
		}
	}
	if goVersion == "" {
		return "", fmt.Errorf("writing the browser build's workspace: %s has no go line", filepath.Join(root, "go.mod"))
	}
	work := fmt.Sprintf("go %s\n\nuse %s\n\nreplace %s => ./%s\n", goVersion, strconv.Quote(root), goapp.Module, filepath.ToSlash(rel))
	p := filepath.Join(dir, "go.work")
	if err := os.WriteFile(p, []byte(work), 0o644); err != nil {
		return "", err
	}
	return "GOWORK=" + p, nil
}

// listFormat has go list print each package as its functions are named in
// the binary: a main package's are main's, whatever its import path.
const listFormat = `{{if eq .Name "main"}}main{{else}}{{.ImportPath}}{{end}}`

// goWasm runs the go command for the browser in dir and returns what it
// printed.
func goWasm(dir string, args ...string) ([]byte, error) {
	return goWasmIn(dir, nil, args...)
}

// goWasmIn is goWasm with the environment variables env added.
func goWasmIn(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = slices.Concat(os.Environ(), []string{"GOOS=js", "GOARCH=wasm"}, env)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	return out, nil
}

// appOverlay writes files into dir and returns a go build overlay that
// puts each in app/ under its name, in place of the file there if any.
func appOverlay(root, dir string, files map[string][]byte) (string, error) {
	replace := map[string]string{}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return "", err
		}
		replace[filepath.Join(root, "app", name)] = p
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "overlay.json")
	return p, os.WriteFile(p, overlay, 0o644)
}

// ModuleRoot is the folder of the waymark module, whose packages the
// build compiles (the wasm app, the workshop server): the go command
// says, so it holds wherever the command runs from inside the module.
func ModuleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module root: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("finding the module root: not inside the waymark module")
	}
	return filepath.Dir(gomod), nil
}
