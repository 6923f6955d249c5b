package widgets

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// Quiz is the quiz widget: questions on the report's facts, multiple
// choice and true or false, each answered with an explanation and the
// sources it cites. It is made for a workshop (a projector, phones, bad
// Wi-Fi, a printed handout, a reset between groups) as much as for a
// reader on a campaign page.
//
// Prerendered, each question is a native radio group, and its answer and
// explanation sit in a <details> under it: without JavaScript a reader
// chooses, then opens "Show the answer". In the app each question has a
// Check button, the score is announced, and the answers are kept on the
// device only after the first one is checked; "Reset for the next group"
// clears them from the screen and the device.
//
// The answer is checked by a button, not on choosing: in a native radio
// group the arrow keys choose as they move, so answering on choosing
// would score the first option a keyboard user passes on the way to the
// one they meant.
type Quiz struct {
	app.Compo

	// Content is the language's content; it must not be nil.
	Content *data.Content
	// Interactive is true when the component runs in the browser app.
	Interactive bool

	chosen  map[string]string // question id -> option chosen, not checked yet
	answers map[string]string // question id -> option checked
	storage storageState
	status  string // live region text
	prompt  string // id of the question checked with nothing chosen

	cites *sourceList
}

// quizStoragePrefix names the one key the quiz stores, per language:
// waymark.quiz.<lang>, holding the checked answers (see encodeQuiz).
const quizStoragePrefix = "waymark.quiz."

func (q *Quiz) storageKey() string { return quizStoragePrefix + q.Content.UI.Lang }

// claimOf is the claim a question's explanation makes, for its markers.
func claimOf(question string) string { return "q-" + question }

// sources numbers the quiz's citations: its own, then each explanation's,
// in the order the questions are asked.
func (q *Quiz) sources() *sourceList {
	if q.cites == nil {
		q.cites = newSourceList(q.Content, QuizName, q.Interactive)
		q.cites.add("quiz", "", q.Content.Quiz.Cite)
		for _, qu := range q.Content.Quiz.Questions {
			q.cites.add(claimOf(qu.ID), "", qu.Cite)
		}
	}
	return q.cites
}

// anchor is the element id for a fragment; see anchorID.
func (q *Quiz) anchor(id string) string { return anchorID(q.Interactive, id) }

func (q *Quiz) question(id string) *data.QuizQuestion {
	for i := range q.Content.Quiz.Questions {
		if q.Content.Quiz.Questions[i].ID == id {
			return &q.Content.Quiz.Questions[i]
		}
	}
	return nil
}

func optionOf(qu *data.QuizQuestion, id string) *data.QuizOption {
	for i := range qu.Options {
		if qu.Options[i].ID == id {
			return &qu.Options[i]
		}
	}
	return nil
}

// OnInit restores the answers kept on this device, then adds what the
// reader chose on the prerendered page before the app took over, so a
// choice made on a slow connection is not lost.
func (q *Quiz) OnInit() {
	if q.chosen == nil {
		q.chosen = map[string]string{}
	}
	if q.answers == nil {
		q.answers = map[string]string{}
	}
	if !app.IsClient {
		return
	}
	v, ok := storageGet(q.storageKey())
	switch {
	case !ok:
		q.storage = storageBlocked
	case v != "":
		q.answers = decodeQuiz(q.Content.Quiz, v)
		if len(q.answers) > 0 {
			q.storage = storageSaved
		}
	}
	checked := app.Window().Get("document").Call("querySelectorAll", ".wm-quiz input[type=radio]:checked")
	for i := 0; i < checked.Length(); i++ {
		el := checked.Index(i)
		q.Choose(el.Get("name").String(), el.Get("value").String())
	}
}

// OnNav follows a fragment: a question's own (#q-<id>, what an embed's
// open option names) to the question; a link back from the sources page
// to the marker, where the question is answered and its explanation
// shows, else to the question, whose Check reveals it.
func (q *Quiz) OnNav(ctx app.Context) {
	f := ctx.Page().URL().Fragment
	if id, ok := strings.CutPrefix(f, "q-"); ok && q.question(id) != nil {
		jumpTo(ctx, q.anchor(f))
		return
	}
	claim, ok := q.sources().claim[f]
	if !ok {
		return
	}
	if id := strings.TrimPrefix(claim, "q-"); id != claim && q.answers[id] == "" {
		jumpTo(ctx, q.anchor(claim))
		return
	}
	jumpTo(ctx, q.sources().markerElement(f))
}

// Choose records the option the reader chose for a question, before it is
// checked. An unknown question or option, or a question already checked,
// is ignored.
func (q *Quiz) Choose(question, option string) {
	qu := q.question(question)
	if qu == nil || optionOf(qu, option) == nil || q.answers[question] != "" {
		return
	}
	if q.chosen == nil {
		q.chosen = map[string]string{}
	}
	q.chosen[question] = option
	if q.prompt == question {
		q.prompt = ""
	}
}

// Check answers a question with the option chosen, which the reader can
// no longer change until the quiz is reset. It reports false when nothing
// was chosen.
func (q *Quiz) Check(question string) bool {
	o := q.chosen[question]
	if o == "" || q.answers[question] != "" {
		return false
	}
	if q.answers == nil {
		q.answers = map[string]string{}
	}
	q.answers[question] = o
	delete(q.chosen, question)
	return true
}

// Answered is the option checked for a question, "" if none.
func (q *Quiz) Answered(question string) string { return q.answers[question] }

// Score counts the questions answered right, out of every question.
func (q *Quiz) Score() (right, total int) {
	for _, qu := range q.Content.Quiz.Questions {
		if q.answers[qu.ID] == qu.Answer {
			right++
		}
	}
	return right, len(q.Content.Quiz.Questions)
}

// ScoreText is the score in words, e.g. "3 of 12 right".
func (q *Quiz) ScoreText() string {
	right, total := q.Score()
	return fill(q.Content.UI.QuizScore, "right", strconv.Itoa(right), "total", strconv.Itoa(total))
}

// Reset clears every choice and answer, and removes them from this
// device, for the next group.
func (q *Quiz) Reset() {
	q.chosen, q.answers, q.prompt = map[string]string{}, map[string]string{}, ""
	if app.IsClient {
		storageDel(q.storageKey())
	}
	if q.storage == storageSaved {
		q.storage = storageUnused
	}
}

// save keeps the answers on this device; it is only ever called after the
// reader checked an answer, so nothing is stored for a reader who only
// reads.
func (q *Quiz) save() {
	if !app.IsClient || q.storage == storageBlocked {
		return
	}
	if !storageSet(q.storageKey(), encodeQuiz(q.Content.Quiz, q.answers)) {
		q.storage = storageBlocked
		return
	}
	q.storage = storageSaved
}

// encodeQuiz writes answers as question=option pairs joined by commas, in
// the order of the questions: ids are letters, digits and dashes, so
// neither separator can occur in one.
func encodeQuiz(quiz data.Quiz, answers map[string]string) string {
	var parts []string
	for _, qu := range quiz.Questions {
		if o := answers[qu.ID]; o != "" {
			parts = append(parts, qu.ID+"="+o)
		}
	}
	return strings.Join(parts, ",")
}

// decodeQuiz reads what encodeQuiz wrote, keeping only pairs that still
// name a question and one of its options: stored answers outlive a change
// of content, and storage is anyone's to write.
func decodeQuiz(quiz data.Quiz, s string) map[string]string {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		qid, oid, ok := strings.Cut(pair, "=")
		if !ok {
			continue
		}
		for i := range quiz.Questions {
			if qu := &quiz.Questions[i]; qu.ID == qid && optionOf(qu, oid) != nil {
				out[qid] = oid
			}
		}
	}
	return out
}

// fill puts values in a catalog text's placeholders.
func fill(text string, kv ...string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		text = strings.ReplaceAll(text, "{"+kv[i]+"}", kv[i+1])
	}
	return text
}

// Render draws the widget.
func (q *Quiz) Render() app.UI {
	qz := q.Content.Quiz
	f := frame{name: QuizName, interactive: q.Interactive, title: qz.Title,
		intro: qz.Intro, introClaim: "quiz", sources: q.sources(), status: q.status}
	if len(qz.Questions) > 0 {
		f.skipTo = q.anchor(claimOf(qz.Questions[0].ID))
	}
	return f.render(
		app.Ol().Class("wm-questions").Body(
			app.Range(qz.Questions).Slice(func(i int) app.UI { return q.renderQuestion(i, &qz.Questions[i]) }),
		),
		app.If(q.Interactive, func() app.UI { return q.renderScore() }),
		q.renderKey(),
	)
}

func (q *Quiz) renderQuestion(i int, qu *data.QuizQuestion) app.UI {
	ui := q.Content.UI
	dir := ui.Dir
	answered := q.answers[qu.ID]
	legend := "wm-qt-" + qu.ID
	options := make([]app.UI, len(qu.Options))
	for k, o := range qu.Options {
		id := "wm-q-" + qu.ID + "-" + o.ID
		in := app.Input().Type("radio").Name(qu.ID).ID(id).Value(o.ID)
		if o.ID == answered || (answered == "" && o.ID == q.chosen[qu.ID]) {
			in = in.Checked(true)
		}
		cls := "wm-option"
		if q.Interactive && answered != "" {
			// Disabled only once checked: until then the group is the
			// reader's to change; after, it shows what was decided.
			in = in.Disabled(true)
			switch {
			case o.ID == qu.Answer:
				cls += " wm-option-right"
			case o.ID == answered:
				cls += " wm-option-wrong"
			}
		}
		if q.Interactive {
			qid, oid := qu.ID, o.ID
			in = in.OnChange(func(ctx app.Context, e app.Event) { q.Choose(qid, oid) })
		}
		options[k] = app.Label().Class(cls).For(id).Body(in, app.Span().Body(latinRuns(dir, o.Text)...))
	}
	li := app.Li().ID(q.anchor(claimOf(qu.ID))).Class("wm-question wm-skip-to").TabIndex(-1)
	if answered != "" {
		li = li.Class("wm-answered")
	}
	return li.Body(
		app.FieldSet().Body(
			app.Legend().ID(legend).Class("wm-question-text").Body(
				append([]app.UI{app.Span().Class("wm-question-n").Text(strconv.Itoa(i+1) + ". ")}, latinRuns(dir, qu.Text)...)...,
			),
			app.Div().Class("wm-options").Body(options...),
		),
		app.If(!q.Interactive, func() app.UI {
			return app.Details().Class("wm-reveal").Body(
				app.Summary().Text(ui.QuizShowAnswer),
				q.renderExplanation(qu, app.P().Class("wm-verdict").Body(latinRuns(dir, fill(ui.QuizAnswer, "answer", optionOf(qu, qu.Answer).Text))...)),
			)
		}),
		app.If(q.Interactive, func() app.UI {
			// The row stays, hidden, once the question is checked: the
			// button that had focus must still be mounted for go-app to
			// run the deferred move of focus to the verdict (a Defer whose
			// source element is gone never runs), and go-app updates an
			// element in place where it would replace a new one.
			row := app.Div().Class("wm-check-row")
			if answered != "" {
				row = row.Hidden(true)
			}
			return row.Body(
				app.Button().Type("button").Class("wm-step wm-quiz-check").Aria("describedby", legend).Text(ui.QuizCheck).
					OnClick(func(ctx app.Context, e app.Event) { q.check(ctx, qu.ID) }),
				app.If(q.prompt == qu.ID, func() app.UI {
					return app.P().Class("wm-notice").Text(ui.QuizChooseFirst)
				}),
			)
		}),
		app.If(q.Interactive && answered != "", func() app.UI {
			cls := "wm-verdict wm-verdict-right"
			if answered != qu.Answer {
				cls = "wm-verdict wm-verdict-wrong"
			}
			return app.Div().ID("wm-fb-" + qu.ID).Class("wm-feedback").TabIndex(-1).Body(
				q.renderExplanation(qu, app.P().Class(cls).Body(latinRuns(dir, q.verdict(qu, answered))...)),
			)
		}),
	)
}

// verdict is what a question checked with the option answered is told:
// right, or what was chosen and what the answer is.
func (q *Quiz) verdict(qu *data.QuizQuestion, answered string) string {
	ui := q.Content.UI
	if answered == qu.Answer {
		return fill(ui.QuizRight, "answer", optionOf(qu, qu.Answer).Text)
	}
	return fill(ui.QuizWrong, "choice", optionOf(qu, answered).Text, "answer", optionOf(qu, qu.Answer).Text)
}

// renderExplanation is a question's verdict (or answer) and its
// explanation, with the explanation's citation markers.
func (q *Quiz) renderExplanation(qu *data.QuizQuestion, verdict app.UI) app.UI {
	return app.Div().Class("wm-explain").Body(
		verdict,
		app.P().Body(append(latinRuns(q.Content.UI.Dir, qu.Explanation), q.sources().markers(claimOf(qu.ID)))...),
	)
}

// check answers a question with what the reader chose and says so: the
// verdict and explanation take focus, where a screen reader reads them,
// and the live region says the verdict and the score. With nothing chosen
// it says to choose, and focus goes to the first option.
func (q *Quiz) check(ctx app.Context, id string) {
	qu := q.question(id)
	if !q.Check(id) {
		q.prompt = id
		q.announce(ctx, q.Content.UI.QuizChooseFirst)
		ctx.Defer(func(app.Context) { focusByID("wm-q-" + id + "-" + qu.Options[0].ID) })
		return
	}
	q.save()
	q.announce(ctx, q.checkedText(qu))
	ctx.Defer(func(app.Context) { focusByID("wm-fb-" + id) })
}

// checkedText is what the live region says once a question is checked:
// its verdict, then the score, e.g. "Not right: … . 1 of 12 right.".
func (q *Quiz) checkedText(qu *data.QuizQuestion) string {
	return q.verdict(qu, q.answers[qu.ID]) + " " + q.ScoreText() + "."
}

// say sets the live region's text. A live region does not announce text
// it already holds, so the same text again (a second Check with nothing
// chosen, two wrong answers told alike) clears it instead, and say
// reports that the text must be set again after a render.
func (q *Quiz) say(text string) (again bool) {
	if q.status == text {
		q.status = ""
		return true
	}
	q.status = text
	return false
}

// announce has the live region say text, even when it already says it:
// cleared for one render (say), the text is set again after it.
func (q *Quiz) announce(ctx app.Context, text string) {
	if !q.say(text) {
		return
	}
	ctx.Defer(func(ctx app.Context) {
		ctx.Dispatch(func(app.Context) {
			if q.status == "" { // nothing newer to say meanwhile
				q.status = text
			}
		})
	})
}

// renderScore is the score where the reader looks after the last
// question, what the device keeps, and the reset.
func (q *Quiz) renderScore() app.UI {
	ui := q.Content.UI
	storage := q.storage.says(ui, ui.QuizStorageBlocked)
	return app.Div().Class("wm-score").Body(
		app.P().Class("wm-score-text").Text(q.ScoreText()),
		// Always present, even empty, as the checklist's: go-app would
		// replace the button after it rather than move it.
		app.P().Class("wm-hint wm-storage").Text(storage),
		app.Button().Type("button").Class("wm-step wm-reset").Text(ui.QuizReset).
			OnClick(func(ctx app.Context, e app.Event) {
				q.Reset()
				q.announce(ctx, ui.Forgotten)
				ctx.Defer(func(app.Context) {
					q.syncChecked()
					// The heading takes focus, so the next group starts
					// at the top and a screen reader says where it is.
					if h := app.Window().GetElementByID("wm-title"); h.Truthy() {
						h.Set("tabIndex", -1)
						h.Call("focus")
					}
				})
			}),
	)
}

// syncChecked makes every radio's checked state match the choices and
// answers: go-app removes a checked attribute without touching the live
// property, which is what the browser shows once the reader has clicked.
func (q *Quiz) syncChecked() {
	radios := app.Window().Get("document").Call("querySelectorAll", ".wm-quiz input[type=radio]")
	for i := 0; i < radios.Length(); i++ {
		el := radios.Index(i)
		name := el.Get("name").String()
		want := q.answers[name]
		if want == "" {
			want = q.chosen[name]
		}
		if checked := want == el.Get("value").String(); el.Get("checked").Bool() != checked {
			el.Set("checked", checked)
		}
	}
}

// renderKey is the answers as a printed handout lists them, after the
// questions: the screen never shows it (each question shows its own), so
// paper has the questions to answer first and the answers apart. Its
// numbers are those of the endnotes, as text: a handout has no markers to
// press.
func (q *Quiz) renderKey() app.UI {
	ui := q.Content.UI
	qs := q.Content.Quiz.Questions
	s := q.sources()
	return app.Section().Class("wm-quiz-key").Aria("labelledby", "wm-quiz-key-h").Body(
		app.H2().ID("wm-quiz-key-h").Text(ui.QuizAnswers),
		app.Ol().Body(
			app.Range(qs).Slice(func(i int) app.UI {
				qu := &qs[i]
				var nums []string
				for _, id := range s.claims[claimOf(qu.ID)] {
					nums = append(nums, strconv.Itoa(s.num[id]))
				}
				refs := ""
				if len(nums) > 0 {
					refs = " [" + strings.Join(nums, listSeparator(ui)) + "]"
				}
				return app.Li().Body(
					app.P().Class("wm-verdict").Body(latinRuns(ui.Dir, fill(ui.QuizAnswer, "answer", optionOf(qu, qu.Answer).Text))...),
					app.P().Body(latinRuns(ui.Dir, qu.Explanation+refs)...),
				)
			}),
		),
	)
}
