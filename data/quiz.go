package data

// Quiz is the content of the quiz widget (data/<lang>/quiz.json):
// questions on the report's facts for a workshop or a reader, each
// answered and explained from the sources it cites.
type Quiz struct {
	Title     string         `json:"title" doc:"Heading of the widget."`
	Intro     string         `json:"intro" doc:"What the quiz asks about and where the answers come from."`
	Cite      []string       `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the quiz as a whole."`
	Questions []QuizQuestion `json:"questions" doc:"The questions, in the order the widget asks them."`
}

// QuizQuestion is one question, its options and its answer.
type QuizQuestion struct {
	ID   string `json:"id" waymark:"id=questions" doc:"Stable id: stored answers name questions by it, so never reuse one for another question."`
	Type string `json:"type" waymark:"enum=choice|truefalse" doc:"\"choice\" for a question with three or more options, \"truefalse\" for a statement to judge, whose two options are true and false."`
	Text string `json:"text" doc:"The question, or for true or false the statement to judge, in the words of the sources."`
	// Options are ids, not positions, so a stored answer still names the
	// option it chose after the options are reordered.
	Options []QuizOption `json:"options" doc:"The options, in the order the widget shows them."`
	Answer  string       `json:"answer" waymark:"ref=options" doc:"Id of the right option, one of this question's."`
	// The explanation says why the answer is right and, where an option
	// could be mistaken for a fact, why the others are wrong: a wrong
	// option is only ever an option, never a claim the widget makes.
	Explanation string   `json:"explanation" doc:"Why the answer is right, and the others wrong, from the sources it cites; shown once the question is answered."`
	Cite        []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the answer and its explanation."`
}

// QuizOption is one option of a question.
type QuizOption struct {
	ID   string `json:"id" waymark:"id=options" doc:"Stable id, unique across all questions, e.g. \"displaced-110m\"."`
	Text string `json:"text" doc:"The option as the reader chooses it."`
}
