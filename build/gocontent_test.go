package build

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"

	"waymark/data"
)

// The app the build compiles shows exactly the content the pages were
// prerendered from: app/content.go, as the build writes it, compiled into
// a program that prints what it holds, gives back every field of every
// language, and looks ids and languages up as loaded content does.
func TestTheAppHoldsTheContentItWasBuiltFrom(t *testing.T) {
	want, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	src, err := goContent(want)
	if err != nil {
		t.Fatal(err)
	}
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	overlayFile, err := appOverlay(root, t.TempDir(), map[string][]byte{
		"content.go": src,
		// In place of app/main.go: print the content, and what its
		// lookups find.
		"main.go": []byte(`package main

import (
	"encoding/json"
	"os"

	"waymark/data"
)

type lookups struct {
	Content   *data.Content
	Languages []data.Language
	Right     string
}

func main() {
	out := map[string]lookups{}
	for lang, c := range contents() {
		out[lang] = lookups{c, c.Languages(), c.Right(c.Rights[len(c.Rights)-1].ID).Name}
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`),
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "-overlay", overlayFile, "./app")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the app's content as the build writes it: %v\n%s", err, stderr.String())
	}

	type lookups struct {
		Content   *data.Content
		Languages []data.Language
		Right     string
	}
	expect := map[string]lookups{}
	for lang, c := range want {
		expect[lang] = lookups{c, c.Languages(), c.Rights[len(c.Rights)-1].Name}
	}
	wantJSON, _ := json.Marshal(expect)
	var gotValue, wantValue any
	if err := json.Unmarshal(got, &gotValue); err != nil {
		t.Fatalf("the program printed %.200q: %v", got, err)
	}
	json.Unmarshal(wantJSON, &wantValue)
	g, _ := json.MarshalIndent(gotValue, "", " ")
	w, _ := json.MarshalIndent(wantValue, "", " ")
	if !bytes.Equal(g, w) {
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Fatalf("the app's content differs from data/ from byte %d:\ngot  ...%s\nwant ...%s", i, excerpt(g, i), excerpt(w, i))
	}
	if len(want) < 2 {
		t.Fatalf("only %d language loaded; the check needs the translations too", len(want))
	}
}

func excerpt(b []byte, i int) string {
	from, to := max(0, i-60), min(len(b), i+60)
	return string(b[from:to])
}
