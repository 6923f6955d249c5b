package data

// UI is a language's catalog of interface strings (data/<lang>/ui.json).
// Components take every word they show from here, never from code, so a
// new language is a new folder and nothing else.
type UI struct {
	Lang           string `json:"lang" doc:"BCP 47 tag of the language, e.g. \"en\"; must match the folder name."`
	Dir            string `json:"dir" waymark:"enum=ltr|rtl" doc:"Writing direction."`
	LanguageName   string `json:"languageName" doc:"Name of the language in itself, e.g. \"English\"."`
	StagesLabel    string `json:"stagesLabel" doc:"Accessible name of the list of stages."`
	StageOf        string `json:"stageOf" waymark:"placeholders=n|total" doc:"Position of a stage, e.g. \"Stage {n} of {total}\"."`
	Previous       string `json:"previous" doc:"Button to the previous stage."`
	Next           string `json:"next" doc:"Button to the next stage."`
	FilterLegend   string `json:"filterLegend" doc:"Label of the choice of a right to highlight."`
	AllRights      string `json:"allRights" doc:"Choice that highlights nothing."`
	Matches        string `json:"matches" waymark:"placeholders=n|total" doc:"How many technologies of a stage threaten the chosen right."`
	NoMatches      string `json:"noMatches" doc:"Said when no technology of the stage threatens the chosen right."`
	Threatens      string `json:"threatens" doc:"Heading of the list of rights a technology threatens."`
	Cases          string `json:"cases" doc:"Heading of the list of real cases."`
	Sources        string `json:"sources" doc:"Heading of the list of sources."`
	Footnote       string `json:"footnote" waymark:"placeholders=n" doc:"Reference to a footnote, e.g. \"footnote {n}\"."`
	OpensElsewhere string `json:"opensElsewhere" doc:"Said of links that leave the widget."`
	CreditSource   string `json:"creditSource" doc:"Words before the credited documents, e.g. \"Source:\"."`
	CreditLicence  string `json:"creditLicence" doc:"Words before the licence, e.g. \"Licence:\"."`
	CreditMade     string `json:"creditMade" doc:"Says the widget is a summary of the documents, not the documents themselves."`
}
