package widgets

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

func viewGuide(t *testing.T, interactive bool) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(&Guide{Content: fixture(t), Interactive: interactive})))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func hrefs(n *html.Node) []string {
	var out []string
	for _, a := range find(n, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "wm-widget-link") }) {
		h, _ := getAttr(a, "href")
		out = append(out, h)
	}
	return out
}

// The plan an educator reads, with or without the app: the aims, the
// timing as a table whose times are counted from the minutes and whose
// total is the session's, then one activity per stage in the journey's
// order, each with the questions on that stage's technologies.
func TestGuideReadsTheSamePlanInBothModes(t *testing.T) {
	c := fixture(t)
	for _, interactive := range []bool{false, true} {
		doc := viewGuide(t, interactive)
		if n := len(find(byClass(doc, "wm-guide-aims")[0], func(n *html.Node) bool { return n.Data == "li" })); n != len(c.Guide.Aims) {
			t.Errorf("interactive %v: %d aims shown, want %d", interactive, n, len(c.Guide.Aims))
		}
		table := byClass(doc, "wm-guide-timing")
		if len(table) != 1 {
			t.Fatalf("interactive %v: no timing table", interactive)
		}
		var whens []string
		for _, td := range byClass(table[0], "wm-guide-when") {
			whens = append(whens, text(td))
		}
		if got := strings.Join(whens, " "); got != "0:00 0:20 1:20" {
			t.Errorf("interactive %v: the parts start at %s, want them counted from their minutes", interactive, got)
		}
		if foot := find(table[0], func(n *html.Node) bool { return n.Data == "tfoot" }); len(foot) != 1 || !strings.Contains(text(foot[0]), "Total") || !strings.Contains(text(foot[0]), "90") {
			t.Errorf("interactive %v: the table does not end with the total of 90 minutes", interactive)
		}
		if ths := find(table[0], func(n *html.Node) bool { s, _ := getAttr(n, "scope"); return n.Data == "th" && s == "col" }); len(ths) != 3 {
			t.Errorf("interactive %v: %d column headings, want time, minutes and part", interactive, len(ths))
		}

		activities := byClass(doc, "wm-guide-activity")
		if len(activities) != len(c.Journey.Stages) {
			t.Fatalf("interactive %v: %d activities, want one per stage", interactive, len(activities))
		}
		for i, a := range activities {
			s := c.Journey.Stages[i]
			if !strings.Contains(text(a), s.Section) {
				t.Errorf("interactive %v: activity %d does not say it is about %q", interactive, i, s.Section)
			}
			topics := byClass(a, "wm-guide-topic")
			if len(topics) != len(s.Technologies) {
				t.Errorf("interactive %v: stage %s has %d topics under its activity, want one per technology", interactive, s.ID, len(topics))
				continue
			}
			for k, tp := range topics {
				tech := s.Technologies[k]
				if h := find(tp, func(n *html.Node) bool { return n.Data == "h5" }); len(h) != 1 || text(h[0]) != tech.Name {
					t.Errorf("interactive %v: a topic of stage %s is not headed %q", interactive, s.ID, tech.Name)
				}
				want := 0
				for _, d := range c.Guide.Discussion {
					if d.Technology == tech.ID {
						want = len(d.Questions)
					}
				}
				qs := find(byClass(tp, "wm-guide-questions")[0], func(n *html.Node) bool { return n.Data == "li" })
				if len(qs) != want {
					t.Errorf("interactive %v: %s has %d questions, want %d", interactive, tech.ID, len(qs), want)
				}
				for _, q := range qs {
					w := byClass(q, "wm-guide-write")
					if len(w) != 1 {
						t.Errorf("interactive %v: a question of %s has no lines to write on", interactive, tech.ID)
					} else if strings.TrimSpace(text(w[0])) != "" {
						t.Errorf("interactive %v: the lines to write on hold text a screen reader would read", interactive)
					}
				}
			}
		}
		if n := len(find(doc, func(n *html.Node) bool { return n.Data == "input" || n.Data == "details" })); n != 0 {
			t.Errorf("interactive %v: the guide has %d controls; it is text to read and print", interactive, n)
		}
	}
}

// Every fact cites its sources: the markers after each technology's
// context, links to the sources page without the app and buttons that
// open them in place with it.
func TestGuideCitesEachContext(t *testing.T) {
	c := fixture(t)
	for _, interactive := range []bool{false, true} {
		doc := viewGuide(t, interactive)
		for _, ctx := range byClass(doc, "wm-guide-context") {
			tag := "a"
			if interactive {
				tag = "button"
			}
			if len(find(ctx, func(n *html.Node) bool { return n.Data == tag && hasClass(n, "wm-ref") })) == 0 {
				t.Errorf("interactive %v: the context %q has no citation marker", interactive, text(ctx))
			}
		}
	}
	doc := viewGuide(t, false)
	first := find(byClass(doc, "wm-guide-context")[0], func(n *html.Node) bool { return hasClass(n, "wm-ref") })
	if h, _ := getAttr(first[0], "href"); h != Path(GuideName, c)+"sources/#src-fn-1" {
		t.Errorf("the first context's marker links to %s, want the guide's sources page", h)
	}
}

// Each activity links to the widgets the room uses: the journey open at
// its stage and the slides at the stage's opener, counted from the
// presentation, in a new tab so the guide stays open; elsewhere the
// slides open at their start.
func TestGuideLinksTheWidgetsTheRoomUses(t *testing.T) {
	c := fixture(t)
	doc := viewGuide(t, false)
	journey := Path(JourneyName, c)
	activities := byClass(doc, "wm-guide-activity")
	if got, want := strings.Join(hrefs(activities[0]), " "), journey+"present/#slide-2 "+journey+"#before"; got != want {
		t.Errorf("the first activity links %s, want %s", got, want)
	}
	if got, want := strings.Join(hrefs(activities[1]), " "), journey+"#at "+Path(GlossaryName, c); got != want {
		t.Errorf("the second activity links %s, want %s", got, want)
	}
	if got, want := strings.Join(hrefs(activities[2]), " "), Path(ChecklistName, c)+" "+Path(QuizName, c); got != want {
		t.Errorf("the third activity links %s, want %s", got, want)
	}
	if links := byClass(activities[0], "wm-widget-link"); text(links[0]) != "The slides, from slide 2 "+c.UI.NewTab {
		t.Errorf("the slides link reads %q", text(links[0]))
	}
	if got := hrefs(byClass(doc, "wm-guide-notes")[0]); len(got) == 0 || got[0] != journey+"present/" {
		t.Errorf("a note links the slides at %v, want their start", got)
	}
	for i, s := range c.Journey.Stages {
		if n := StageSlide(c, s.ID); n != []int{2, 5, 7}[i] {
			t.Errorf("stage %s opens at slide %d", s.ID, n)
		}
	}
	if StageSlide(c, "nowhere") != 0 {
		t.Error("a stage the journey lacks has a slide")
	}
	for _, a := range find(doc, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "wm-widget-link") }) {
		if tg, _ := getAttr(a, "target"); tg != "_blank" {
			t.Errorf("a link to %s would replace the guide", text(a))
		}
	}
}

// The closing puts its safety check before the action, every point of it
// in the order the content gives.
func TestGuideClosingChecksSafetyFirst(t *testing.T) {
	c := fixture(t)
	doc := viewGuide(t, false)
	closing := byClass(doc, "wm-guide-part-closing")
	if len(closing) != 1 {
		t.Fatal("no closing")
	}
	body := text(closing[0])
	safety, action := strings.Index(body, c.Guide.Closing.Safety[0].Text), strings.Index(body, c.Guide.Closing.Action)
	if safety < 0 || action < 0 || safety > action {
		t.Errorf("the closing reads %q: want the safety check, then the action", body)
	}
	if n := len(find(byClass(closing[0], "wm-guide-safety")[0], func(n *html.Node) bool { return n.Data == "li" })); n != len(c.Guide.Closing.Safety) {
		t.Errorf("%d points of the safety check shown, want %d", n, len(c.Guide.Closing.Safety))
	}
}
