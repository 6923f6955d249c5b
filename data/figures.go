package data

// Figures is the content of the figures widget (data/<lang>/figures.json):
// key figures the sources give, and the comparisons between them that
// are honest to chart.
type Figures struct {
	Title       string       `json:"title" doc:"Heading of the widget."`
	Intro       string       `json:"intro" doc:"What the figures are and where they come from."`
	Figures     []Figure     `json:"figures" doc:"The key figures, in the order the widget shows them."`
	Comparisons []Comparison `json:"comparisons" doc:"Charts that compare figures of the same unit."`
	RightsMap   ChartText    `json:"rightsMap" doc:"Words around the rights map, which is computed from the journey."`
}

// Figure is one number the sources give, with its unit and its wording.
type Figure struct {
	ID    string   `json:"id" waymark:"id=figures" doc:"Stable id."`
	Value float64  `json:"value" doc:"The number, in the unit given (for a range, its lower end)."`
	Upper float64  `json:"upper,omitempty" waymark:"optional" doc:"For a range, its upper end."`
	Unit  string   `json:"unit" doc:"What the number counts, e.g. \"people\", \"percent of global wealth\", \"billion US dollars\"."`
	Label string   `json:"label" doc:"Short name of the figure, shown under the number."`
	Text  string   `json:"text" doc:"The figure in a sentence, in the words of the source."`
	When  string   `json:"when,omitempty" waymark:"optional" doc:"Year or date the figure refers to, as the source gives it."`
	Cite  []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources that give the figure."`
}

// Comparison is a chart of figures that share a unit.
type Comparison struct {
	ID       string   `json:"id" waymark:"id=charts" doc:"Stable id; the chart's options are written to charts/<id>.json."`
	Title    string   `json:"title" doc:"Caption of the chart."`
	Takeaway string   `json:"takeaway" doc:"One sentence: what the chart shows."`
	Figures  []string `json:"figures" waymark:"ref=figures" doc:"Ids of the figures compared; they must share a unit."`
}

// ChartText is what every chart says in words: its text equivalent.
type ChartText struct {
	Title    string `json:"title" doc:"Caption of the chart."`
	Takeaway string `json:"takeaway" doc:"One sentence: what the chart shows."`
}
