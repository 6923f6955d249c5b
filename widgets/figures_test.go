package widgets

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func viewFigures(t *testing.T, f *Figures) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(&Figures{Content: f.Content, Interactive: f.Interactive})))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// mapCells reads the rights map's table as "technology: rights" lines.
func mapCells(doc *html.Node) []string {
	table := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-map-table") })[0]
	var heads []string
	for _, th := range find(table, func(n *html.Node) bool { s, _ := getAttr(n, "scope"); return n.Data == "th" && s == "col" }) {
		heads = append(heads, text(th))
	}
	var lines []string
	for _, tr := range find(table, func(n *html.Node) bool { return n.Data == "tr" }) {
		cells := find(tr, func(n *html.Node) bool { return n.Data == "td" })
		if len(cells) == 0 {
			continue
		}
		name := strings.TrimSpace(find(tr, func(n *html.Node) bool { return n.Data == "th" })[0].FirstChild.Data)
		var yes []string
		for i, td := range cells {
			if hasClass(td, "wm-yes") {
				yes = append(yes, heads[i+1])
			}
		}
		lines = append(lines, name+": "+strings.Join(yes, ", "))
	}
	return lines
}

// mapList reads the rights map's list, the form a phone shows, as
// "technology: rights" lines, and checks each name leads to the journey.
func mapList(t *testing.T, doc *html.Node) []string {
	t.Helper()
	list := find(doc, func(n *html.Node) bool { return hasClass(n, "wm-map-list") })
	if len(list) != 1 {
		t.Fatalf("%d rights map lists, want 1", len(list))
	}
	var lines []string
	for _, li := range find(list[0], func(n *html.Node) bool { return n.Data == "li" && !hasClass(n, "wm-right") }) {
		a := find(li, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "wm-widget-link") })[0]
		if href, _ := getAttr(a, "href"); !strings.HasPrefix(href, "/w/journey/") {
			t.Errorf("%q leads to %q, not the journey", text(a), href)
		}
		if target, _ := getAttr(a, "target"); target != "_blank" {
			t.Errorf("%q opens with target %q: embedded, it would replace the figures widget", text(a), target)
		}
		var rights []string
		for _, r := range find(li, func(n *html.Node) bool { return hasClass(n, "wm-right") }) {
			rights = append(rights, text(r))
		}
		lines = append(lines, strings.TrimSpace(a.FirstChild.Data)+": "+strings.Join(rights, ", "))
	}
	return lines
}

func TestRightsMapFitsAPhoneAsAList(t *testing.T) {
	c := fixture(t)
	for _, interactive := range []bool{false, true} {
		doc := viewFigures(t, &Figures{Content: c, Interactive: interactive})
		got := mapList(t, doc)
		// In the journey's order of the technology's rights.
		if want := `Towers: Right to seek asylum, Right to "privacy" <p>`; !slices.Contains(got, want) {
			t.Errorf("interactive %v: rights map list %q, want a line %q", interactive, got, want)
		}
		if len(got) != 4 {
			t.Errorf("interactive %v: %d lines, want one per technology (4)", interactive, len(got))
		}
		// The full table is still there, one tap away.
		full := find(doc, func(n *html.Node) bool { return n.Data == "details" && hasClass(n, "wm-map-full") })
		if len(full) != 1 || len(find(full[0], func(n *html.Node) bool { return hasClass(n, "wm-map-table") })) != 1 {
			t.Errorf("interactive %v: the full table is not in a disclosure", interactive)
		}
	}
}

func TestRightsMapIsComputedFromTheJourney(t *testing.T) {
	c := fixture(t)
	got := mapCells(viewFigures(t, &Figures{Content: c}))
	if want := `Towers: Right to "privacy" <p>, Right to seek asylum`; !slices.Contains(got, want) {
		t.Errorf("rights map rows %q, want a row %q", got, want)
	}
	// Change the journey: the map follows, with nothing typed twice.
	c.Journey.Stages[0].Technologies[1].Rights = []string{"asylum"}
	got = mapCells(viewFigures(t, &Figures{Content: c}))
	if want := "Towers: Right to seek asylum"; !slices.Contains(got, want) {
		t.Errorf("after the journey changed, rights map rows %q, want a row %q", got, want)
	}
	rights, rows := RightsMap(c)
	if len(rows) != 4 {
		t.Errorf("%d rows, want one per technology of the journey (4)", len(rows))
	}
	for _, r := range rights {
		used := false
		for _, row := range rows {
			used = used || row.Threatens[r.ID]
		}
		if !used {
			t.Errorf("right %s is a column but no technology threatens it", r.ID)
		}
	}
}

func TestFiguresShowEachNumberWithItsSource(t *testing.T) {
	c := fixture(t)
	doc := viewFigures(t, &Figures{Content: c})
	for id, want := range map[string]string{"fig-displaced": "110 million people", "fig-market": "65–68 billion US dollars", "fig-poorest": "2 percent of global wealth"} {
		n := byID(doc, id)
		if n == nil {
			t.Errorf("no figure %s", id)
			continue
		}
		if got := text(find(n, func(n *html.Node) bool { return hasClass(n, "wm-figure-value") })[0]); got != want {
			t.Errorf("figure %s reads %q, want %q", id, got, want)
		}
		if len(find(n, func(n *html.Node) bool { return hasClass(n, "wm-refs") })) != 1 {
			t.Errorf("figure %s has no citation marker", id)
		}
	}
	// The comparison's text equivalent: caption, takeaway and a table.
	fig := byID(doc, "chart-wealth")
	if fig == nil || !strings.Contains(text(fig), "The richest own 38 times") {
		t.Fatal("the wealth chart has no caption with its takeaway")
	}
	var rows []string
	for _, tr := range find(fig, func(n *html.Node) bool { return n.Data == "tr" }) {
		rows = append(rows, text(tr))
	}
	if got := strings.Join(rows, "|"); got != "Figure percent of global wealth|Poorest half 2|Richest tenth 76" {
		t.Errorf("wealth table rows %q", got)
	}
}
