package data

import (
	"fmt"
	"path"
	"strings"
)

// rule checks one relation between fields of a language's content and
// reports each value that breaks it.
type rule func(c *Content, report report)

// report records a problem at the value that file (a name such as
// "figures.json") holds at jsonPath, so a rule, which sees Go values, can
// still point an editor at a line.
type report func(file, jsonPath, want, format string, args ...any)

// rules are the content rules that relate several fields. A rule about one
// field on its own is a struct tag (`waymark:"..."`), which the decoder and
// the schema both read. A rule that relates fields, such as the units of
// the figures one chart compares, cannot be a tag, so it lives in this file
// as a function in this list, and a new such rule is one more function.
//
// They run only once every file decodes and every id resolves, so a rule may
// follow ids without checking them, and all of them run, so every problem is
// listed at once.
var rules = []rule{
	comparisonsShareOneUnit,
	comparisonsHoldSingleNumbers,
	leadsOpenTheirSummaries,
	translationsSayWhoTranslated,
	quizAnswersAreTheirQuestions,
	guideTimingIsTheSession,
	guideFollowsTheJourney,
}

// translationsSayWhoTranslated keeps a translation from passing for the
// publisher's own words: the report is published in English only, so every
// other language must say in its credit line that the translation is ours.
func translationsSayWhoTranslated(c *Content, report report) {
	switch {
	case c.UI.Lang != Base && strings.TrimSpace(c.UI.Translation) == "":
		report("ui.json", "lang", "a \"translation\" text saying the translation is this project's own, not the publisher's", "a translation without a word on who translated it")
	case c.UI.Lang == Base && c.UI.Translation != "":
		report("ui.json", "translation", "none in "+Base+", the report's own language", "says the content is a translation")
	}
}

// applyRules runs every rule on c, the content of folder dir (e.g.
// "data/en"), placing each problem where the value stands in its file.
func (d *decoder) applyRules(dir string, c *Content) {
	report := func(file, jsonPath, want, format string, args ...any) {
		file = path.Join(dir, file)
		pos := Pos{1, 1} // a rule named a value no file holds; still say which
		if root := d.roots[file]; root != nil {
			if n, ok := nodeAt(root, jsonPath); ok {
				pos = n.pos
			}
		}
		d.errs = append(d.errs, &Error{File: file, Pos: pos, Path: jsonPath, Msg: fmt.Sprintf(format, args...), Want: want})
	}
	for _, r := range rules {
		r(c, report)
	}
}

// comparisonsShareOneUnit: a comparison draws its figures as bars on one
// axis, and bars of different units side by side would compare what cannot
// be compared. Each figure is held to the unit of the first.
func comparisonsShareOneUnit(c *Content, report report) {
	figures := figuresByID(c)
	for i, chart := range c.Figures.Comparisons {
		first := figures[chart.Figures[0]]
		for j, id := range chart.Figures {
			if f := figures[id]; f.Unit != first.Unit {
				report("figures.json", fmt.Sprintf("comparisons[%d].figures[%d]", i, j), "figures of one unit in a comparison",
					"figure %q counts %q but figure %q counts %q", first.ID, first.Unit, f.ID, f.Unit)
			}
		}
	}
}

// comparisonsHoldSingleNumbers: a bar has one height, so a range in a
// comparison would be drawn as a single number the source never gave.
func comparisonsHoldSingleNumbers(c *Content, report report) {
	figures := figuresByID(c)
	for i, chart := range c.Figures.Comparisons {
		for j, id := range chart.Figures {
			if figures[id].Upper > 0 {
				report("figures.json", fmt.Sprintf("comparisons[%d].figures[%d]", i, j), "single numbers in a comparison",
					"figure %q is a range", id)
			}
		}
	}
}

// leadsOpenTheirSummaries: a technology's card shows its lead and, one tap
// away, the rest of its summary. A lead that is not the summary's own
// opening sentence would be words the summary does not say, or say them
// twice.
func leadsOpenTheirSummaries(c *Content, report report) {
	for i, s := range c.Journey.Stages {
		for k, t := range s.Technologies {
			rest, ok := strings.CutPrefix(t.Summary, t.Lead)
			if ok && (rest == "" || rest[0] == ' ') && t.Lead != "" {
				continue
			}
			report("journey.json", fmt.Sprintf("stages[%d].technologies[%d].lead", i, k), "the summary's opening sentence, word for word",
				"the lead of %q is not how its summary begins", t.ID)
		}
	}
}

func figuresByID(c *Content) map[string]*Figure {
	m := make(map[string]*Figure, len(c.Figures.Figures))
	for i := range c.Figures.Figures {
		m[c.Figures.Figures[i].ID] = &c.Figures.Figures[i]
	}
	return m
}

// quizAnswersAreTheirQuestions: a question's answer must be one of its own
// options (the tag checks only that some question has it), and a true or
// false question has exactly its two options, while a choice offers at
// least three, or it would be a true or false question in disguise.
func quizAnswersAreTheirQuestions(c *Content, report report) {
	for i, q := range c.Quiz.Questions {
		own := false
		for _, o := range q.Options {
			own = own || o.ID == q.Answer
		}
		if !own {
			report("quiz.json", fmt.Sprintf("questions[%d].answer", i), "the id of one of the question's own options",
				"question %q answers %q, an option of another question", q.ID, q.Answer)
		}
		switch n := len(q.Options); {
		case q.Type == "truefalse" && n != 2:
			report("quiz.json", fmt.Sprintf("questions[%d].options", i), "two options, true and false",
				"a true or false question with %d options", n)
		case q.Type == "choice" && n < 3:
			report("quiz.json", fmt.Sprintf("questions[%d].options", i), "three options or more",
				"a choice of %d options", n)
		}
	}
}

// guideTimingIsTheSession: the guide plans a session of GuideLength
// minutes, and a timing that adds up to more or less would leave an
// educator with a plan that overruns the room or ends early. A part of no
// minutes is a part the plan never gives time to.
func guideTimingIsTheSession(c *Content, report report) {
	total := 0
	for i, s := range c.Guide.Timing {
		if s.Minutes < 1 {
			report("guide.json", fmt.Sprintf("timing[%d].minutes", i), "a whole number of minutes, 1 or more",
				"part %q takes %d minutes", s.ID, s.Minutes)
		}
		total += s.Minutes
	}
	if total != GuideLength {
		report("guide.json", "timing", fmt.Sprintf("parts whose minutes add up to %d, the session's length", GuideLength),
			"the parts' minutes add up to %d", total)
	}
}

// guideFollowsTheJourney: the guide walks a room through the journey, so
// each stage has its one activity and each technology its questions; a
// stage or technology the guide leaves out would be a part of the journey
// the room never discusses, and one it covers twice would split its
// questions between two places on the handout.
func guideFollowsTheJourney(c *Content, report report) {
	activities := map[string]int{}
	for i, a := range c.Guide.Activities {
		if _, dup := activities[a.Stage]; dup {
			report("guide.json", fmt.Sprintf("activities[%d].stage", i), "one activity per stage",
				"stage %q has an activity already", a.Stage)
		}
		activities[a.Stage] = i
	}
	topics := map[string]int{}
	for i, t := range c.Guide.Discussion {
		if _, dup := topics[t.Technology]; dup {
			report("guide.json", fmt.Sprintf("discussion[%d].technology", i), "one topic per technology",
				"technology %q has its questions already", t.Technology)
		}
		topics[t.Technology] = i
	}
	for _, s := range c.Journey.Stages {
		if _, ok := activities[s.ID]; !ok {
			report("guide.json", "activities", "an activity for every stage of the journey",
				"stage %q has no activity", s.ID)
		}
		for _, t := range s.Technologies {
			if _, ok := topics[t.ID]; !ok {
				report("guide.json", "discussion", "at least one question on every technology of the journey",
					"technology %q (stage %q) has no discussion question", t.ID, s.ID)
			}
		}
	}
}
