package data

// Glossary is the content of the glossary widget (data/<lang>/glossary.json):
// the report's key terminology. The other widgets mark the terms in their
// texts from the same entries.
type Glossary struct {
	Title string   `json:"title" doc:"Heading of the widget."`
	Intro string   `json:"intro" doc:"What the glossary holds and where it comes from."`
	Cite  []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the glossary as a whole."`
	Terms []Term   `json:"terms" doc:"The terms, in alphabetical order."`
}

// Term is one glossary entry.
type Term struct {
	ID         string   `json:"id" waymark:"id=terms" doc:"Stable id; the entry's address is #term-<id>."`
	Term       string   `json:"term" doc:"The term as the report heads its entry."`
	Forms      []string `json:"forms" waymark:"unique=forms" doc:"Every form of the term to mark in the widgets' texts (singular, plural, other inflections, abbreviations), matched as whole words regardless of case."`
	Definition string   `json:"definition" doc:"The definition, in the report's words."`
	Related    []string `json:"related,omitempty" waymark:"optional,ref=terms" doc:"Ids of terms the definition leads to."`
	Cite       []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources of the definition."`
}
