package build

import (
	"testing"

	xhtml "golang.org/x/net/html"

	"waymark/data"
	"waymark/widgets"
)

// Without JavaScript, and before the app starts, the builder lists the
// journey's codes in English as they are, each whole in its field: a code
// pasted from there embeds the widget.
func TestBuilderListsTheCodesWithoutScript(t *testing.T) {
	dir, _ := built(t)
	contents, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	k := widgets.KindNamed(widgets.JourneyName)
	codes := widgets.EmbedCodes(testOrigin, k, contents[data.Base], nil, k.Fit)
	want := map[string]string{
		"wm-code-loader":  codes.Loader,
		"wm-code-div":     codes.Div,
		"wm-code-iframe":  codes.IFrame,
		"wm-code-url":     codes.URL,
		"wm-code-title":   codes.Title,
		"wm-code-oembed":  codes.URL,
		"wm-code-private": codes.Private,
	}
	got := map[string]string{}
	walk(parseHTML(t, readDist(t, dir, pageFile("/builder/"))), func(n *xhtml.Node) {
		id, _ := attrOf(n, "id")
		switch {
		case n.Type != xhtml.ElementNode || want[id] == "":
		case n.Data == "textarea":
			got[id] = textOf(n)
		case n.Data == "input":
			got[id], _ = attrOf(n, "value")
		}
	})
	for id, code := range want {
		if got[id] != code {
			t.Errorf("the builder without script shows in #%s:\n%s\nwant:\n%s", id, got[id], code)
		}
	}
}
