package data

// Guide is the content of the facilitator's guide (data/<lang>/guide.json):
// a plan for a 90-minute workshop on the report, for an educator with a
// projector, printed handouts and a room whose Wi-Fi may fail. Its
// activities follow the journey's stages and its questions the journey's
// technologies, which the rules (rules.go) hold it to, so the guide never
// sends a room to a stage or a technology the widgets do not have.
//
// Facilitation advice is the guide's own and cites nothing; every
// statement of fact about a technology, a case or a right is in a topic's
// context, which cites the report.
type Guide struct {
	Title string      `json:"title" doc:"Heading of the widget."`
	Intro string      `json:"intro" doc:"What the guide is for, in a sentence or two."`
	Cite  []string    `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the introduction."`
	Aims  []GuideLine `json:"aims" doc:"What participants take away from the session, a line each."`
	// The minutes are numbers, not words: a translation keeps them, and
	// the rules add them up to the session's length.
	Timing     []GuideSection  `json:"timing" doc:"The parts of the session in order, with their minutes, which add up to 90."`
	Activities []GuideActivity `json:"activities" doc:"One activity per stage of the journey, in the journey's order."`
	Discussion []GuideTopic    `json:"discussion" doc:"Discussion questions on each technology of the journey."`
	Closing    GuideClosing    `json:"closing" doc:"The closing action and the safety check before it."`
	Adapting   []GuideNote     `json:"adapting" doc:"How to adapt the session: group size, age, setting, no projector or no network."`
}

// GuideLength is the session's length in minutes, which the timing's
// sections add up to.
const GuideLength = 90

// GuideLine is one line of a list: an aim, a point of the safety check.
type GuideLine struct {
	ID   string `json:"id" waymark:"id=guideLines" doc:"Stable id, unique across the guide."`
	Text string `json:"text" doc:"The line."`
}

// GuideSection is one part of the session's timing.
type GuideSection struct {
	ID      string `json:"id" waymark:"id=guideSections" doc:"Stable id of the part."`
	Title   string `json:"title" doc:"Name of the part, e.g. \"Welcome and ground rules\"."`
	Minutes int    `json:"minutes" doc:"How long it takes, in whole minutes; the parts add up to 90."`
	Text    string `json:"text" doc:"What happens in it."`
}

// GuideActivity is what participants do at one stage of the journey.
type GuideActivity struct {
	ID    string `json:"id" waymark:"id=guideActivities" doc:"Stable id of the activity."`
	Stage string `json:"stage" waymark:"ref=stages" doc:"Id of the journey's stage the activity is about; its links open the journey and the slides there."`
	Title string `json:"title" doc:"Name of the activity."`
	Do    string `json:"do" doc:"What participants do, step by step, in facilitation advice (no fact without a source: facts go in the discussion's contexts)."`
	// Widgets are named, not linked: the widget builds each address from
	// the stage (the journey at the stage, the slides at its opener), so a
	// link never points at a slide that moved.
	Use []string `json:"use" waymark:"enum=journey|present|quiz|checklist|glossary|figures" doc:"The widgets participants use, each a link: \"journey\" opens it at the stage, \"present\" the slides at the stage's opener."`
}

// GuideTopic is the discussion of one technology: what the report says of
// it, with its sources, and the questions to ask.
type GuideTopic struct {
	Technology string          `json:"technology" waymark:"ref=technologies" doc:"Id of the journey's technology the questions are about."`
	Context    string          `json:"context" doc:"What the report says of it, in a sentence or two the facilitator can read out."`
	Cite       []string        `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the context."`
	Questions  []GuideQuestion `json:"questions" doc:"The questions, in the order to ask them."`
}

// GuideQuestion is one discussion question.
type GuideQuestion struct {
	ID   string `json:"id" waymark:"id=guideQuestions" doc:"Stable id of the question."`
	Text string `json:"text" doc:"The question."`
}

// GuideClosing is the session's closing action and the safety check that
// comes before any action.
type GuideClosing struct {
	Title  string      `json:"title" doc:"Heading of the closing part."`
	Safety []GuideLine `json:"safety" doc:"The safety check before any action: what is never asked of participants, and what is checked first."`
	Action string      `json:"action" doc:"The closing action, as facilitation advice."`
	Use    []string    `json:"use" waymark:"enum=journey|present|quiz|checklist|glossary|figures" doc:"The widgets the action uses, each a link."`
}

// GuideNote is one note on adapting the session.
type GuideNote struct {
	ID    string   `json:"id" waymark:"id=guideNotes" doc:"Stable id of the note."`
	Title string   `json:"title" doc:"What the note is about, e.g. \"No projector\"."`
	Text  string   `json:"text" doc:"The advice."`
	Use   []string `json:"use,omitempty" waymark:"optional,enum=journey|present|quiz|checklist|glossary|figures" doc:"The widgets the note points to, each a link; their printed versions are the handouts."`
}
