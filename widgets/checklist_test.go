package widgets

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// viewChecklist renders the checklist's current state and parses it.
func viewChecklist(t *testing.T, c *Checklist) *html.Node {
	t.Helper()
	fresh := &Checklist{Content: c.Content, Interactive: c.Interactive, list: c.list, answers: c.answers, storage: c.storage, shareErr: c.shareErr, group: c.group, fromLink: c.fromLink}
	doc, err := html.Parse(strings.NewReader(app.HTMLString(fresh)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func mountChecklist(t *testing.T, interactive bool) *Checklist {
	t.Helper()
	c := &Checklist{Content: fixture(t), Interactive: interactive}
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return c
}

func visibleLists(doc *html.Node) []string {
	var ids []string
	for _, n := range find(doc, func(n *html.Node) bool { return hasClass(n, "wm-stage") }) {
		if _, hidden := getAttr(n, "hidden"); !hidden {
			id, _ := getAttr(n, "id")
			ids = append(ids, strings.TrimPrefix(id, "wm-a-"))
		}
	}
	return ids
}

func TestChecklistOpensListByIdOrItem(t *testing.T) {
	c := mountChecklist(t, true)
	if err := app.Match(app.H1().ID("wm-title").Text(c.Content.Checklist.Title), c, 0, 1, 0); err != nil {
		t.Errorf("mounted checklist does not start with its title, after the skip link: %v", err)
	}
	tests := []struct{ id, want string }{
		{"", "states"},
		{"organizations", "organizations"},
		{"states-ban", "states"},
		{"org-consent", "organizations"},
		{"no-such-list", "organizations"}, // unknown: stays
	}
	for _, tt := range tests {
		c.Open(tt.id)
		if got := c.List().ID; got != tt.want {
			t.Errorf("Open(%q): list %s, want %s", tt.id, got, tt.want)
		}
		if got := strings.Join(visibleLists(viewChecklist(t, c)), ","); got != tt.want {
			t.Errorf("Open(%q): visible lists %s, want %s", tt.id, got, tt.want)
		}
	}
}

func TestChecklistAnswersProgressAndSummary(t *testing.T) {
	c := mountChecklist(t, true)
	c.SetAnswer("states-assess", Done)
	c.SetAnswer("states-ban", NotApplicable)
	c.SetAnswer("states-remedy", NotYet)
	c.SetAnswer("states-remedy", Answer('q')) // not an answer: ignored
	c.SetAnswer("made-up", Done)              // not an item: ignored
	if done, total := c.Progress(); done != 1 || total != 3 {
		t.Errorf("progress %d of %d, want 1 of 3", done, total)
	}
	want := "What we ask governments: 1 of 3 done. Still open:\n- Give remedies."
	if got := c.SummaryText(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
	doc := viewChecklist(t, c)
	checked := map[string]string{}
	for _, n := range find(doc, func(n *html.Node) bool { _, ok := getAttr(n, "checked"); return ok }) {
		name, _ := getAttr(n, "name")
		v, _ := getAttr(n, "value")
		checked[name] = v
	}
	if checked["states-assess"] != "d" || checked["states-ban"] != "x" || checked["states-remedy"] != "n" || len(checked) != 3 {
		t.Errorf("checked radios %v do not show the answers", checked)
	}
	if p := find(doc, func(n *html.Node) bool { return n.Data == "progress" }); len(p) != 1 {
		t.Errorf("%d progress bars, want 1 for the open list", len(p))
	} else if v, _ := getAttr(p[0], "value"); v != "1" {
		t.Errorf("progress bar value %q, want 1", v)
	}
	pre := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-summary-text") })
	if len(pre) != 1 || !strings.Contains(text(pre[0]), "Still open: - Give remedies.") {
		t.Errorf("the summary on the page is missing or wrong")
	}

	c.SetAnswer("states-remedy", Done)
	if got := c.SummaryText(); !strings.HasSuffix(got, "Nothing is still open.") {
		t.Errorf("with nothing open the summary says %q", got)
	}
	c.Forget()
	if done, _ := c.Progress(); done != 0 || len(c.answers) != 0 {
		t.Errorf("after Forget: %d done, %d answers", done, len(c.answers))
	}
}

func TestPrerenderedChecklistWorksWithoutScript(t *testing.T) {
	c := mountChecklist(t, false)
	doc := viewChecklist(t, c)
	// Except the introduction's, which options.js works (see introText).
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "button" && !hasClass(n, "wm-intro-more") })); n != 0 {
		t.Errorf("%d buttons that need the app", n)
	}
	if n := len(find(doc, func(n *html.Node) bool { _, ok := getAttr(n, "hidden"); return ok })); n != 0 {
		t.Errorf("%d hidden elements that could never be shown", n)
	}
	for _, l := range c.Content.Checklist.Lists {
		if byID(doc, l.ID) == nil {
			t.Errorf("no section for list %s to link to", l.ID)
		}
		for _, it := range l.Items {
			radios := find(doc, func(n *html.Node) bool { name, _ := getAttr(n, "name"); return n.Data == "input" && name == it.ID })
			if len(radios) != 3 {
				t.Errorf("item %s has %d native answer controls, want 3", it.ID, len(radios))
			}
			for _, r := range radios {
				id, _ := getAttr(r, "id")
				labels := find(doc, func(n *html.Node) bool { f, _ := getAttr(n, "for"); return n.Data == "label" && f == id })
				if len(labels) != 1 {
					t.Errorf("answer %s has no label", id)
				}
			}
		}
	}
	if css := ChecklistCSS(c.Content); !strings.Contains(css, "#organizations:target") {
		t.Errorf("no-script rules do not cover the lists:\n%s", css)
	}
}

func TestChecklistAndJourneyLinkBothWays(t *testing.T) {
	content := fixture(t)
	doc := viewChecklist(t, &Checklist{Content: content})
	item := byID(doc, "states-assess")
	var hrefs []string
	for _, a := range find(item, func(n *html.Node) bool { return n.Data == "a" }) {
		h, _ := getAttr(a, "href")
		hrefs = append(hrefs, h)
	}
	for _, want := range []string{"/w/journey/en/#forecasting", "/w/journey/en/#before"} {
		if !strings.Contains(strings.Join(hrefs, " "), want) {
			t.Errorf("item states-assess links %v, want %s", hrefs, want)
		}
	}

	jdoc := view(t, &Journey{Content: content})
	tech := byID(jdoc, "forecasting")
	var asks []string
	for _, a := range find(tech, func(n *html.Node) bool { return n.Data == "a" }) {
		h, _ := getAttr(a, "href")
		asks = append(asks, h)
	}
	if !strings.Contains(strings.Join(asks, " "), "/w/checklist/en/#states-assess") {
		t.Errorf("technology forecasting links %v, want the recommendation that answers it", asks)
	}
	if towers := byID(jdoc, "towers"); strings.Contains(text(towers), "What the report asks") {
		t.Error("a technology no recommendation names claims one")
	}
}

// A group's name goes into the summary, is shown in the notice of answers
// from a link, isolated from the sentence around it, and is text, never
// markup, whatever it holds.
func TestChecklistGroupNameInSummaryAndNotice(t *testing.T) {
	c := mountChecklist(t, true)
	c.SetAnswer("states-assess", Done)
	c.SetGroup("  <img src=x>  Table 3 ")
	want := "Group: <img src=x> Table 3\nWhat we ask governments: 1 of 3 done."
	if got := c.SummaryText(); !strings.HasPrefix(got, want) {
		t.Errorf("summary with a group:\n%s\nwant it to begin:\n%s", got, want)
	}
	c.fromLink = true
	doc := viewChecklist(t, c)
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "img" })); n != 0 {
		t.Errorf("the group's name became %d img elements", n)
	}
	notice := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-from-link") })
	if len(notice) != 1 {
		t.Fatalf("%d notices that the answers came from a link, want 1", len(notice))
	}
	said := text(notice[0])
	if !strings.HasPrefix(said, "These answers came from a link (group “") || !strings.Contains(said, "<img src=x> Table 3") || !strings.Contains(said, "not kept on this device until you change") {
		t.Errorf("the notice says %q", said)
	}
	if bdi := find(notice[0], func(n *html.Node) bool { return n.Data == "bdi" }); len(bdi) != 1 || text(bdi[0]) != "<img src=x> Table 3" {
		t.Error("the group's name is not isolated in the notice")
	}
	if field := byID(doc, "wm-group"); field == nil {
		t.Error("no field for the group's name")
	} else if ml, _ := getAttr(field, "maxlength"); ml != "40" {
		t.Errorf("the group's field takes %q characters, want 40", ml)
	}
	c.Forget()
	if c.Group() != "" || c.fromLink {
		t.Errorf("after Forget the group is %q and the notice shows: %v", c.Group(), c.fromLink)
	}
}

// TestChecklistKeepsAnswersPerLanguage: each language's checklist stores
// its answers under keys of its own, so answering the English list leaves
// the French one as it was (a share link, not the device, carries answers
// from one language to another).
func TestChecklistKeepsAnswersPerLanguage(t *testing.T) {
	byKey := map[string]string{}
	for lang, c := range shipped(t) {
		for _, l := range c.Checklist.Lists {
			k := (&Checklist{Content: c}).storageKey(l.ID)
			if other, ok := byKey[k]; ok {
				t.Errorf("%s and %s both keep the %s list under %q", lang, other, l.ID, k)
			}
			byKey[k] = lang
		}
	}
}
