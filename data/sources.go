package data

// Right is one human right, named as the report names it. Content.Rights
// lists every one (data/<lang>/rights.json).
type Right struct {
	ID      string   `json:"id" waymark:"id=rights" doc:"Stable id (lowercase letters, digits, dashes)."`
	Name    string   `json:"name" doc:"Name of the right, e.g. \"Right to privacy\"."`
	Summary string   `json:"summary" doc:"What the right protects, in the report's terms."`
	Cite    []string `json:"cite" waymark:"ref=sources" doc:"Ids of the sources that state it."`
}

// Sources lists the documents the content comes from and the citations into
// them (data/<lang>/sources.json).
type Sources struct {
	Documents []Document `json:"documents" doc:"The source documents."`
	Citations []Citation `json:"citations" doc:"Places in those documents that back a claim."`
}

// Document is a published source text.
type Document struct {
	ID         string `json:"id" waymark:"id=documents" doc:"Stable id."`
	Title      string `json:"title" doc:"Title as published."`
	Publisher  string `json:"publisher" doc:"Who published it."`
	Reference  string `json:"reference,omitempty" waymark:"optional" doc:"Index or reference number, if it has one."`
	Date       string `json:"date" doc:"Year or date of publication, as the document gives it."`
	URL        string `json:"url,omitempty" waymark:"optional,url" doc:"Public address, only if the sources give one."`
	Licence    string `json:"licence,omitempty" waymark:"optional" doc:"Licence of the text, e.g. \"CC BY-NC-ND 4.0\"."`
	LicenceURL string `json:"licenceUrl,omitempty" waymark:"optional,url" doc:"Address of the licence text."`
}

// Citation points at one place in a document: a section and, where the claim
// rests on one, a footnote and the public address that footnote gives.
type Citation struct {
	ID       string `json:"id" waymark:"id=sources" doc:"Stable id, e.g. \"db-fn134\" for footnote 134 of the Digital Border report."`
	Document string `json:"document" waymark:"ref=documents" doc:"Id of the document."`
	Section  string `json:"section" doc:"Section of the document, e.g. \"3. Before the border\"."`
	Footnote int    `json:"footnote,omitempty" waymark:"optional" doc:"Footnote number in the document, if the claim rests on one."`
	Text     string `json:"text,omitempty" waymark:"optional" doc:"The footnote's text (who said it, where, when)."`
	URL      string `json:"url,omitempty" waymark:"optional,url" doc:"The public address the footnote gives, if any."`
}
