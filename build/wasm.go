package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// compileWasm builds ./app for the browser. Symbols and DWARF are stripped:
// readers download every byte, and no one debugs from a reader's browser.
// compileWasm builds ./app for the browser. With content, the app is
// compiled with those content files in place of the ones in data/, so the
// app shows what the pages were prerendered from.
func compileWasm(content fs.FS) ([]byte, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "waymark-wasm")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "app.wasm")
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-o", out}
	if content != nil {
		overlay, err := contentOverlay(content, root, tmp)
		if err != nil {
			return nil, err
		}
		args = append(args, "-overlay", overlay)
	}
	cmd := exec.Command("go", append(args, "./app")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compiling ./app for wasm: %v\n%s", err, stderr.String())
	}
	return os.ReadFile(out)
}

// contentOverlay writes the content files into dir and returns a go build
// overlay that puts them where data/ embeds its own.
func contentOverlay(content fs.FS, root, dir string) (string, error) {
	replace := map[string]string{}
	err := fs.WalkDir(content, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content, p)
		if err != nil {
			return err
		}
		file := filepath.Join(dir, "content", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		replace[filepath.Join(root, "data", filepath.FromSlash(p))] = file
		return os.WriteFile(file, b, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("placing the content for the app: %w", err)
	}
	b, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	overlay := filepath.Join(dir, "overlay.json")
	return overlay, os.WriteFile(overlay, b, 0o644)
}

func moduleRoot() (string, error) {
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
