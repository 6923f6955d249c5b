package widgets

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"waymark/data"
)

// The builder offers each of the quiz's questions as a place to open, named
// as the quiz numbers it, and the code it gives opens there.
func TestBuilderOpensTheQuizAtEachQuestion(t *testing.T) {
	for _, c := range []*data.Content{fixture(t), data.Embedded()[data.Base]} {
		k := KindNamed(QuizName)
		got := openings(k, c)
		questions := c.Quiz.Questions
		if len(got) != len(questions) {
			t.Fatalf("the builder offers %d places to open the quiz, want one per question (%d)", len(got), len(questions))
		}
		for i, q := range questions {
			value, label := got[i][0], got[i][1]
			if value != "q-"+q.ID {
				t.Errorf("question %d opens at %q, want q-%s", i+1, value, q.ID)
			}
			number := strconv.Itoa(i+1) + ". "
			if !strings.HasPrefix(label, number) {
				t.Errorf("question %d is offered as %q, want it numbered %q as the quiz numbers it", i+1, label, number)
			}
			if n := utf8.RuneCountInString(label) - len(number); n > openingLength {
				t.Errorf("question %d is offered in %d characters, more than a select should be wide: %q", i+1, n, label)
			}
			if words := strings.TrimSuffix(strings.TrimPrefix(label, number), "…"); !strings.HasPrefix(q.Text, words) {
				t.Errorf("question %d is offered as %q, which is not how it begins: %q", i+1, label, q.Text)
			}
			codes := EmbedCodes("https://w.example", k, c, map[string]string{"open": value}, k.Fit)
			if !strings.HasSuffix(codes.URL, "#"+value) || !strings.Contains(codes.Div, `data-open="`+value+`"`) {
				t.Errorf("question %d: the codes do not open there: %s, %s", i+1, codes.URL, codes.Div)
			}
		}
	}
}

// Every place the builder offers is one its widget has: an element the
// fragment names, before the app and in it.
func TestEveryOpeningIsAPlaceInItsWidget(t *testing.T) {
	c := fixture(t)
	var open Option
	for _, o := range Options {
		if o.Name == "open" {
			open = o
		}
	}
	for i := range Kinds {
		k := &Kinds[i]
		places := openings(k, c)
		for _, interactive := range []bool{false, true} {
			doc, err := html.Parse(strings.NewReader(app.HTMLString(k.New(c, interactive))))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range places {
				if !open.Valid(p[0]) {
					t.Errorf("%s: the builder offers %q, which the loader refuses", k.Name, p[0])
				}
				if byID(doc, anchorID(interactive, p[0])) == nil {
					t.Errorf("%s (interactive %v): the builder offers %q (%s), which the widget has no element for", k.Name, interactive, p[0], p[1])
				}
			}
		}
	}
}

// A long question is cut at a space, and says it was.
func TestClipCutsAtASpace(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"What is a database?", 80, "What is a database?"},
		{"What is a database?", 12, "What is a…"},
		{"True or false: a fingerprint", 17, "True or false…"},
		{"Fingerprints", 6, "Finge…"},
		{"هل البصمة بصمة إصبع؟", 12, "هل البصمة…"},
	} {
		if got := clip(tt.in, tt.n); got != tt.want || utf8.RuneCountInString(got) > tt.n {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// Unticking "show the link to the full list of sources" puts sources=hide
// in every code, as the address and as the loader's attribute; ticked, the
// default, no code carries it.
func TestBuilderSourcesChoiceReachesEveryCode(t *testing.T) {
	c := fixture(t)
	b := &Builder{Contents: map[string]*data.Content{c.UI.Lang: c}}
	b.OnInit()
	k := b.kindOf()
	shown := EmbedCodes("https://w.example", k, c, b.chosen(), k.Fit)
	b.cited = false
	hidden := EmbedCodes("https://w.example", k, c, b.chosen(), k.Fit)
	for _, code := range []struct {
		name, shown, hidden, says string
	}{
		{"loader", shown.Loader, hidden.Loader, "sources=hide"},
		{"div", shown.Div, hidden.Div, ` data-sources="hide"`},
		{"plain iframe", shown.IFrame, hidden.IFrame, "sources=hide"},
		{"address", shown.URL, hidden.URL, "sources=hide"},
		{"load-on-click", shown.Private, hidden.Private, "sources=hide"},
	} {
		if strings.Contains(code.shown, "sources=") {
			t.Errorf("the %s code, sources shown (the default), names them: %s", code.name, code.shown)
		}
		if !strings.Contains(code.hidden, code.says) {
			t.Errorf("the %s code, sources hidden, does not say %s: %s", code.name, code.says, code.hidden)
		}
	}
	// An editor who writes a value by hand gets it checked like the others.
	if got := Address("https://w.example", "/w/journey/en/", map[string]string{"sources": "none"}); got != "https://w.example/w/journey/en/" {
		t.Errorf("an address with sources=none: %s", got)
	}
}
