package data

// Checklist is the content of the checklist widget (data/<lang>/checklist.json):
// the report's recommendations, as lists a reader can work through.
type Checklist struct {
	Title string          `json:"title" doc:"Heading of the widget."`
	Intro string          `json:"intro" doc:"What the checklists are and where they come from."`
	Lists []ChecklistList `json:"lists" doc:"The lists, in the order the report gives them; the first is shown unless the embed asks for another."`
}

// ChecklistList is one list of recommendations, addressed to one audience.
type ChecklistList struct {
	ID       string   `json:"id" waymark:"id=lists" doc:"Stable id, used in links, embed options and share links."`
	Title    string   `json:"title" doc:"Heading of the list, e.g. \"What we are asking governments to do\"."`
	Audience string   `json:"audience" doc:"Who the recommendations are addressed to, as the report names them."`
	Intro    string   `json:"intro" doc:"One or two sentences on how to use the list."`
	Cite     []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the list."`
	// ShareOrder keeps old share links working: version 1 of the share
	// format numbered items by position, and this is the order it
	// numbered them in. It names items that may since have gone, so its
	// ids are not checked against the items.
	ShareOrder []string        `json:"shareOrder,omitempty" waymark:"optional" doc:"The ids of the items in the order share links of version 1 numbered them, which was their order when the list was first published. Never change it: reorder, add or remove items freely, and old links still reach their items."`
	Items      []ChecklistItem `json:"items" doc:"The recommendations, in the report's order."`
}

// ChecklistItem is one recommendation.
type ChecklistItem struct {
	ID           string   `json:"id" waymark:"id=items" doc:"Stable id, unique across all lists: share links and stored answers name items by it, so never reuse one for another recommendation."`
	Text         string   `json:"text" doc:"The recommendation in the report's words."`
	Explanation  string   `json:"explanation" doc:"What it means, in plain language, without adding facts the sources do not give."`
	Cite         []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources that make the recommendation."`
	Technologies []string `json:"technologies,omitempty" waymark:"optional,ref=technologies" doc:"Ids of the journey's technologies whose harms this answers."`
	Stages       []string `json:"stages,omitempty" waymark:"optional,ref=stages" doc:"Ids of the journey's stages where the harm happens."`
}
