package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"waymark/data"
)

// compileWasm builds ./app for the browser, with app/content.go replaced
// by contents written as Go values. Symbols and DWARF are stripped:
// readers download every byte, and no one debugs from a reader's browser.
func compileWasm(contents map[string]*data.Content) ([]byte, error) {
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
	defer os.RemoveAll(tmp)
	overlayFile, err := appOverlay(root, tmp, map[string][]byte{"content.go": src})
	if err != nil {
		return nil, err
	}
	out := filepath.Join(tmp, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-overlay", overlayFile, "-o", out, "./app")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compiling ./app for wasm: %v\n%s", err, stderr.String())
	}
	return os.ReadFile(out)
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
