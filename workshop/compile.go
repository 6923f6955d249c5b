package workshop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"waymark/build"
	"waymark/precompress"
)

// DefaultOut is the folder make workshop writes the binaries into.
const DefaultOut = "dist-workshop"

// command is the package of the workshop binary, in the module.
const command = "./workshop/cmd/waymark-workshop"

// Platform is an operating system and processor, as GOOS and GOARCH name
// them.
type Platform struct{ OS, Arch string }

// Platforms are the binaries make workshop writes: for the computers an
// educator may bring (Linux PCs and ARM boards such as a Raspberry Pi,
// Macs with Apple or Intel processors, Windows PCs).
var Platforms = []Platform{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "arm64"}, {"darwin", "amd64"},
	{"windows", "amd64"},
}

// Binary is the file name of the binary for p.
func (p Platform) Binary() string {
	name := "waymark-workshop-" + p.OS + "-" + p.Arch
	if p.OS == "windows" {
		name += ".exe"
	}
	return name
}

// BuildOptions says what Build writes.
type BuildOptions struct {
	Out       string     // folder for the binaries; created if missing, and nothing else in it is touched
	ECharts   string     // as build.Options.ECharts
	Platforms []Platform // nil: Platforms
	// Compression is how hard the site is precompressed; the zero value,
	// precompress.Best, is what the binaries ship.
	Compression precompress.Level
	Log         io.Writer
}

// Build builds the site for Origin into a temporary folder, then one
// binary per platform that carries it (go build -overlay: see the package
// comment), and returns the binaries' paths. The binaries are static (no
// cgo), so they run on any machine of their platform as they are.
func Build(opts BuildOptions) ([]string, error) {
	platforms := opts.Platforms
	if platforms == nil {
		platforms = Platforms
	}
	tmp, err := os.MkdirTemp("", "waymark-workshop")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	siteDir := filepath.Join(tmp, "site")
	if _, err := build.Build(build.Options{Out: siteDir, Origin: Origin, ECharts: opts.ECharts, Compression: opts.Compression, Log: opts.Log}); err != nil {
		return nil, err
	}
	return compile(siteDir, opts.Out, platforms, opts.Log)
}

// compile writes into folder out one binary per platform that carries
// the built site in siteDir, and returns their paths.
func compile(siteDir, out string, platforms []Platform, log io.Writer) ([]string, error) {
	root, err := build.ModuleRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "waymark-workshop-overlay")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	overlay, err := siteOverlay(root, siteDir, filepath.Join(tmp, "overlay.json"))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", out, err)
	}
	var bins []string
	for _, p := range platforms {
		bin, err := filepath.Abs(filepath.Join(out, p.Binary()))
		if err != nil {
			return nil, err
		}
		if log != nil {
			fmt.Fprintf(log, "workshop: compiling %s\n", filepath.Join(out, p.Binary()))
		}
		// Stripped like the wasm: no one debugs a workshop binary, and
		// an educator carries it on a stick.
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-overlay", overlay, "-o", bin, command)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+p.OS, "GOARCH="+p.Arch)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("compiling the workshop binary for %s/%s: %v\n%s", p.OS, p.Arch, err, stderr.String())
		}
		bins = append(bins, bin)
	}
	return bins, nil
}

// siteOverlay writes to file a go build overlay that puts every file of
// the built site in siteDir into workshop/site/, in place of the
// placeholder, and returns file. What the site writes for other servers
// (_headers, hosting/) stays out: the binary is its own server.
func siteOverlay(root, siteDir, file string) (string, error) {
	embedDir := filepath.Join(root, "workshop", "site")
	placeholders, err := os.ReadDir(embedDir)
	if err != nil {
		return "", fmt.Errorf("reading the placeholder folder: %w", err)
	}
	replace := map[string]string{}
	for _, e := range placeholders {
		replace[filepath.Join(embedDir, e.Name())] = "" // deleted
	}
	err = filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(siteDir, p)
		if err != nil {
			return err
		}
		slash := filepath.ToSlash(rel)
		if strings.HasPrefix(slash, "_headers") || strings.HasPrefix(slash, "hosting/") {
			return nil
		}
		if _, isPlaceholder := replace[filepath.Join(embedDir, rel)]; isPlaceholder {
			return fmt.Errorf("the site has a file %s, the name of the placeholder in workshop/site/", slash)
		}
		replace[filepath.Join(embedDir, rel)] = p
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("listing the built site: %w", err)
	}
	b, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	return file, os.WriteFile(file, b, 0o644)
}
