package widgets

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// viewQuiz renders a quiz as it stands, choices and answers included.
func viewQuiz(t *testing.T, q *Quiz) *html.Node {
	t.Helper()
	fresh := &Quiz{Content: q.Content, Interactive: q.Interactive, chosen: q.chosen, answers: q.answers, prompt: q.prompt, status: q.status}
	doc, err := html.Parse(strings.NewReader(app.HTMLString(fresh)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func byClass(doc *html.Node, class string) []*html.Node {
	return find(doc, func(n *html.Node) bool { return hasClass(n, class) })
}

func TestQuizScoresWhatWasCheckedAndResets(t *testing.T) {
	q := &Quiz{Content: fixture(t), Interactive: true}
	if q.Check("towers") {
		t.Error("checking a question with nothing chosen answered it")
	}
	q.Choose("towers", "towers-5")
	q.Choose("towers", "towers-55") // the reader changes their mind before checking
	q.Choose("towers", "prints-true")
	q.Choose("nothing", "towers-5")
	if !q.Check("towers") || q.Answered("towers") != "towers-55" {
		t.Fatalf("the last option chosen of the question's own was not the answer checked: %q", q.Answered("towers"))
	}
	q.Choose("towers", "towers-5")
	if q.Check("towers") || q.Answered("towers") != "towers-55" {
		t.Error("a checked answer changed")
	}
	q.Choose("prints", "prints-false")
	q.Check("prints")
	q.Choose("database", "database-store") // chosen, never checked: not scored
	if right, total := q.Score(); right != 1 || total != 3 {
		t.Errorf("score %d of %d, want 1 of 3: one right, one wrong, one only chosen", right, total)
	}
	if got := q.ScoreText(); got != "1 of 3 right" {
		t.Errorf("score says %q", got)
	}
	q.Reset()
	if right, _ := q.Score(); right != 0 || q.Answered("towers") != "" || q.chosen["database"] != "" {
		t.Error("reset left answers or choices")
	}
	if got := q.ScoreText(); got != "0 of 3 right" {
		t.Errorf("after reset the score says %q", got)
	}
}

func TestQuizAnswersSurviveStorageOnlyWhereTheyStillFit(t *testing.T) {
	c := fixture(t)
	answers := map[string]string{"towers": "towers-55", "prints": "prints-false"}
	s := encodeQuiz(c.Quiz, answers)
	if s != "towers=towers-55,prints=prints-false" {
		t.Errorf("stored as %q", s)
	}
	got := decodeQuiz(c.Quiz, s+",gone=towers-5,database=prints-true,,=,database")
	if len(got) != 2 || got["towers"] != "towers-55" || got["prints"] != "prints-false" {
		t.Errorf("read back %v, want the two answers and nothing of a removed question or an option of another", got)
	}
}

// Without JavaScript: every question with its options as radios, its
// answer and explanation one <details> away, no button that needs the app.
func TestPrerenderedQuizRevealsEachAnswer(t *testing.T) {
	c := fixture(t)
	doc := viewQuiz(t, &Quiz{Content: c})
	questions := byClass(doc, "wm-question")
	if len(questions) != len(c.Quiz.Questions) {
		t.Fatalf("%d questions rendered, want %d", len(questions), len(c.Quiz.Questions))
	}
	for i, qn := range questions {
		qu := c.Quiz.Questions[i]
		radios := find(qn, func(n *html.Node) bool { v, _ := getAttr(n, "type"); return n.Data == "input" && v == "radio" })
		if len(radios) != len(qu.Options) {
			t.Errorf("question %s: %d radios, want %d", qu.ID, len(radios), len(qu.Options))
		}
		for _, r := range radios {
			if name, _ := getAttr(r, "name"); name != qu.ID {
				t.Errorf("question %s: a radio of group %q", qu.ID, name)
			}
			if _, off := getAttr(r, "disabled"); off {
				t.Errorf("question %s: a radio is disabled without the app", qu.ID)
			}
		}
		details := find(qn, func(n *html.Node) bool { return n.Data == "details" })
		if len(details) != 1 {
			t.Fatalf("question %s: %d disclosures, want one with the answer", qu.ID, len(details))
		}
		if _, open := getAttr(details[0], "open"); open {
			t.Errorf("question %s: the answer shows before the reader asks", qu.ID)
		}
		summary := find(details[0], func(n *html.Node) bool { return n.Data == "summary" })
		if len(summary) != 1 || text(summary[0]) != "Show the answer" {
			t.Errorf("question %s: the disclosure is not named %q", qu.ID, "Show the answer")
		}
		want := "Answer: " + optionOf(&qu, qu.Answer).Text + "."
		if v := byClass(details[0], "wm-verdict"); len(v) != 1 || text(v[0]) != want {
			t.Errorf("question %s: the disclosure does not say %q", qu.ID, want)
		}
		if !strings.Contains(text(details[0]), qu.Explanation) {
			t.Errorf("question %s: the explanation is not in the disclosure", qu.ID)
		}
		if len(find(details[0], func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "wm-ref") })) != len(qu.Cite) {
			t.Errorf("question %s: not one link per source after the explanation", qu.ID)
		}
	}
	if n := len(byClass(doc, "wm-quiz-check")) + len(byClass(doc, "wm-reset")) + len(byClass(doc, "wm-score")); n != 0 {
		t.Error("the prerendered quiz has a check, a reset or a score that cannot work without script")
	}
	if key := byClass(doc, "wm-quiz-key"); len(key) != 1 || len(find(key[0], func(n *html.Node) bool { return n.Data == "li" })) != len(c.Quiz.Questions) {
		t.Error("no list of answers for the printed handout")
	}
}

// In the app: a question not checked yet shows its Check button and no
// answer; a checked one says in words what was right, shows the
// explanation with its marker, and keeps the choice it was given.
func TestQuizAppSaysWhetherTheChoiceWasRight(t *testing.T) {
	c := fixture(t)
	q := &Quiz{Content: c, Interactive: true}
	q.Choose("towers", "towers-5")
	q.Check("towers")
	q.Choose("prints", "prints-true")
	q.Check("prints")
	q.Choose("database", "database-tag")
	q.prompt = "database"
	doc := viewQuiz(t, q)

	fb := byID(doc, "wm-fb-towers")
	if fb == nil {
		t.Fatal("no feedback after a wrong answer")
	}
	if v := byClass(fb, "wm-verdict-wrong"); len(v) != 1 || text(v[0]) != `Not right: you chose 5 <few>. The answer is 55 "towers".` {
		t.Errorf("a wrong answer is told %v", v)
	}
	if len(find(fb, func(n *html.Node) bool { return n.Data == "button" && hasClass(n, "wm-ref") })) != 1 {
		t.Error("the explanation has no citation marker")
	}
	if v := byClass(byID(doc, "wm-fb-prints"), "wm-verdict-right"); len(v) != 1 || text(v[0]) != "Right: True." {
		t.Errorf("a right answer is told %v", v)
	}
	for _, id := range []string{"wm-q-towers-towers-5", "wm-q-towers-towers-55"} {
		if _, off := getAttr(byID(doc, id), "disabled"); !off {
			t.Errorf("%s: a checked question's options can still change", id)
		}
	}
	if _, on := getAttr(byID(doc, "wm-q-towers-towers-5"), "checked"); !on {
		t.Error("the option checked does not show as chosen")
	}
	right := byClass(doc, "wm-option-right")
	wrong := byClass(doc, "wm-option-wrong")
	if len(right) != 2 || len(wrong) != 1 {
		t.Errorf("%d options marked right and %d wrong, want the two answers and the one wrong choice", len(right), len(wrong))
	}

	if row := byClass(byID(doc, "wm-a-q-towers"), "wm-check-row"); len(row) != 1 {
		t.Error("a checked question lost its (hidden) Check row, which keeps focus moving to the verdict")
	} else if _, hidden := getAttr(row[0], "hidden"); !hidden {
		t.Error("a checked question can still be checked")
	}

	db := byID(doc, "wm-a-q-database")
	if byID(doc, "wm-fb-database") != nil || len(byClass(db, "wm-explain")) != 0 {
		t.Error("a question not checked shows its answer")
	}
	if b := byClass(db, "wm-quiz-check"); len(b) != 1 || text(b[0]) != "Check" {
		t.Error("a question not checked has no Check button")
	} else if d, _ := getAttr(b[0], "aria-describedby"); byID(doc, d) == nil || !hasClass(byID(doc, d), "wm-question-text") {
		t.Error("the Check button is not described by its question")
	}
	if n := byClass(db, "wm-notice"); len(n) != 1 || text(n[0]) != "Choose an answer first." {
		t.Error("checking with nothing chosen does not say to choose")
	}
	if _, on := getAttr(byID(doc, "wm-q-database-database-tag"), "checked"); !on {
		t.Error("an option chosen but not checked does not show as chosen")
	}
	if s := byClass(doc, "wm-score-text"); len(s) != 1 || text(s[0]) != "1 of 3 right" {
		t.Errorf("score shows %v", s)
	}
	if len(find(doc, func(n *html.Node) bool { return n.Data == "details" && hasClass(n, "wm-reveal") })) != 0 {
		t.Error("the app shows answers one disclosure away, beside its Check buttons")
	}
	if b := byClass(doc, "wm-reset"); len(b) != 1 || text(b[0]) != "Reset for the next group" {
		t.Error("no reset for the next group")
	}
}

// The live region says each check's verdict with the score, so a wrong
// answer, which leaves the score as it was, is announced too; and a text
// it already holds is cleared, to be set again after a render, since a
// live region does not repeat what it says.
func TestQuizAnnouncesEveryCheck(t *testing.T) {
	q := &Quiz{Content: fixture(t), Interactive: true}
	q.Choose("prints", "prints-true")
	q.Check("prints")
	if got, want := q.checkedText(q.question("prints")), "Right: True. 1 of 3 right."; got != want {
		t.Errorf("a right answer is announced as %q, want %q", got, want)
	}
	q.Choose("towers", "towers-5")
	q.Check("towers")
	if got, want := q.checkedText(q.question("towers")), `Not right: you chose 5 <few>. The answer is 55 "towers". 1 of 3 right.`; got != want {
		t.Errorf("a wrong answer is announced as %q, want %q", got, want)
	}
	const choose = "Choose an answer first."
	if q.say(choose) || q.status != choose {
		t.Errorf("a new text is not said at once: the live region says %q", q.status)
	}
	if !q.say(choose) || q.status != "" {
		t.Errorf("the same text again is not cleared to be said again: the live region says %q", q.status)
	}
	q.status = "Right: True. 1 of 3 right."
	doc := viewQuiz(t, q)
	if s := find(doc, func(n *html.Node) bool { r, _ := getAttr(n, "role"); return r == "status" }); len(s) != 1 || text(s[0]) != q.status {
		t.Errorf("the live region shows %v, want %q", s, q.status)
	}
}
