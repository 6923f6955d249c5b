package data

// Journey is the content of the journey widget (data/<lang>/journey.json):
// the stages a person on the move passes through and the technologies that
// meet them at each one.
type Journey struct {
	Title  string  `json:"title" doc:"Heading of the widget."`
	Intro  string  `json:"intro" doc:"One or two sentences that say what the reader will walk through."`
	Stages []Stage `json:"stages" doc:"The stages in the order a person meets them."`
}

// Stage is one step of the journey: before, at or after the border.
type Stage struct {
	ID           string       `json:"id" waymark:"id=stages" doc:"Stable id, used in links and the URL fragment (lowercase letters, digits, dashes)."`
	Title        string       `json:"title" doc:"Name of the stage, as the report titles its section."`
	Section      string       `json:"section" doc:"Section of the report this stage summarises, e.g. \"3. Before the border\"."`
	Intro        string       `json:"intro" doc:"Short introduction in the report's own terms."`
	Cite         []string     `json:"cite" waymark:"ref=sources" doc:"Ids of the sources that back the introduction."`
	Technologies []Technology `json:"technologies" doc:"Technologies met at this stage."`
}

// Technology is a kind of technology met at one stage, with the cases the
// sources name and the rights it threatens.
type Technology struct {
	ID      string   `json:"id" waymark:"id=technologies" doc:"Stable id, unique across the journey."`
	Name    string   `json:"name" doc:"Name of the technology."`
	Lead    string   `json:"lead" doc:"The summary's opening sentence, word for word: what the technology's card shows before the reader opens it."`
	Summary string   `json:"summary" doc:"What it is and what it does to people on the move, in plain words; it begins with the lead."`
	Cases   []Case   `json:"cases" doc:"Real cases the sources name."`
	Rights  []string `json:"rights" waymark:"ref=rights" doc:"Ids of the rights it threatens."`
	Cite    []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources that back the summary."`
}

// Case is a real, named deployment of a technology, as the sources report it.
type Case struct {
	Name string   `json:"name" doc:"Name of the system, programme or case."`
	Text string   `json:"text" doc:"What happened, as the sources tell it."`
	Cite []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources that report it."`
}
