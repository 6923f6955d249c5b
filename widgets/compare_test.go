package widgets

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"waymark/data"
)

// groupLink is the link a group's checklist gives, for the fixture.
func groupLink(t *testing.T, c *data.Content, lang, group string, answers map[string]Answer) string {
	t.Helper()
	var all []data.ChecklistItem
	for _, l := range c.Checklist.Lists {
		all = append(all, l.Items...)
	}
	u := url.URL{Scheme: "https", Host: "example.org", Path: "/w/checklist/" + lang + "/", Fragment: EncodeAnswers("states", all, answers, group)}
	return u.String()
}

// The facilitator pastes the groups' links, one with a name, one without,
// one broken, one of another language and one that is no checklist link:
// the two that can be read are compared, a column each, every answer in
// words and a count per group; the others are each named by their place.
func TestCompareTableFromSeveralLinks(t *testing.T) {
	c := fixture(t)
	pasted := strings.Join([]string{
		groupLink(t, c, "en", "طاولة ٣", map[string]Answer{"states-assess": Done, "states-ban": NotYet, "org-consent": NotApplicable}),
		"https://example.org/w/checklist/en/#states:2:states-ban=q",
		groupLink(t, c, "de", "Table 1", map[string]Answer{"states-assess": Done}), // a language the site lacks
		groupLink(t, c, "en", "", map[string]Answer{"states-assess": Done, "states-remedy": Done}),
		"https://example.org/w/journey/en/#before",
		"#states:3:states-ban=d:%zz",
	}, "\n  ")
	p := &Compare{Content: c, Interactive: true}
	p.Compare(pasted)
	wantProblems := []string{
		"Link 2 could not be read (answer 1 is not an item and one of d, n or x); the other links are compared.",
		"Link 3 is not a link to this checklist; the other links are compared.",
		"Link 5 is not a link to this checklist; the other links are compared.",
		"Link 6 could not be read (the link holds no answers); the other links are compared.",
	}
	if strings.Join(p.problems, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(p.problems, "\n"), strings.Join(wantProblems, "\n"))
	}
	if !strings.HasPrefix(p.status, "2 groups compared. Link 2") {
		t.Errorf("the live region says %q", p.status)
	}
	doc, err := html.Parse(strings.NewReader(renderHTML(p)))
	if err != nil {
		t.Fatal(err)
	}
	tables := find(doc, func(n *html.Node) bool { return n.Data == "table" })
	if len(tables) != len(c.Checklist.Lists) {
		t.Fatalf("%d tables, want one per list", len(tables))
	}
	states := tables[0]
	if cap := find(states, func(n *html.Node) bool { return n.Data == "caption" }); len(cap) != 1 || text(cap[0]) != c.Checklist.Lists[0].Title {
		t.Error("the first table has no caption naming its list")
	}
	var cols []string
	for _, th := range find(states, func(n *html.Node) bool { s, _ := getAttr(n, "scope"); return n.Data == "th" && s == "col" }) {
		cols = append(cols, text(th))
	}
	if strings.Join(cols, "|") != "Recommendation|طاولة ٣|Group 2" {
		t.Errorf("columns %q, want the item, the named group and the unnamed one as Group 2", cols)
	}
	var rows []string
	for _, tr := range find(states, func(n *html.Node) bool { return n.Data == "tr" }) {
		var cells []string
		for _, x := range find(tr, func(n *html.Node) bool { return n.Data == "td" || (n.Data == "th" && n.Parent == tr) }) {
			cells = append(cells, text(x))
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	want := []string{
		"Recommendation|طاولة ٣|Group 2",
		`Assess "impact" <first>.|Done|Done`, // the fixture's hostile text stays text
		"Ban tags.|Not yet|No answer",
		"Give remedies.|No answer|Done",
		"Done|1 of 3 done|2 of 3 done",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("the table of %s:\n%s\nwant:\n%s", c.Checklist.Lists[0].ID, strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if n := len(find(states, func(n *html.Node) bool { s, _ := getAttr(n, "scope"); return s == "row" })); n != 4 {
		t.Errorf("%d row headers, want one per item and the count", n)
	}
	if !strings.Contains(text(tables[1]), "Not applicable") {
		t.Error("the second list's table does not show the not-applicable answer")
	}
}

// A link of another language the site has is named by that language, in
// its own words, and the others are compared.
func TestCompareNamesALinkOfAnotherLanguage(t *testing.T) {
	contents := data.Embedded()
	en, fr := contents["en"], contents["fr"]
	first := en.Checklist.Lists[0].Items[0].ID
	groups, problems := compareLinks(en, groupLink(t, fr, "fr", "Table 1", map[string]Answer{first: Done})+" "+groupLink(t, en, "en", "Table 2", map[string]Answer{first: NotYet}))
	if len(groups) != 1 || groups[0].name != "Table 2" || groups[0].answers[first] != NotYet {
		t.Errorf("compared %+v, want the English link only", groups)
	}
	if want := "Link 1 is for the checklist in Français: compare it on this page in that language. The other links are compared."; len(problems) != 1 || problems[0] != want {
		t.Errorf("problems %q, want %q", problems, want)
	}
}

// Without scripts the page has no form (it would send the links in its
// address) and says it needs scripts and what to do instead.
func TestPrerenderedCompareSaysItNeedsScripts(t *testing.T) {
	c := fixture(t)
	doc, err := html.Parse(strings.NewReader(renderHTML(&Compare{Content: c})))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "form" || n.Data == "textarea" })); n != 0 {
		t.Errorf("the prerendered page has %d form elements", n)
	}
	ns := find(doc, func(n *html.Node) bool { return n.Data == "noscript" })
	if len(ns) != 1 || !strings.Contains(text(ns[0])+ns[0].FirstChild.Data, "Copy summary") {
		t.Errorf("the prerendered page does not say what to do without scripts")
	}
}

// renderHTML is a component's markup, as go-app renders it.
func renderHTML(c app.UI) string { return app.HTMLString(c) }
