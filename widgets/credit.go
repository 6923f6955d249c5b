package widgets

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/data"
)

// credit is the line every widget ends with: which documents it summarises,
// under which licence, and that the source's wording is authoritative.
func credit(c *data.Content, docIDs []string) app.UI {
	// Every text node starts with its own space: go-app's server renderer
	// puts each child on a new line, which HTML shows as a space, while the
	// browser app does not, so spacing must never depend on either.
	items := []app.UI{app.Text(c.UI.CreditSource)}
	for i, id := range docIDs {
		d := c.Document(id)
		if i > 0 {
			items = append(items, app.Text(" ·"))
		}
		line := " — " + d.Publisher
		if d.Reference != "" {
			line += " (" + d.Reference + ")"
		}
		line += ", " + d.Date + "."
		// The documents are English: in another language their entry is
		// marked so, for screen readers' voices, and reads left to right
		// as one unit inside an Arabic line.
		entry := app.Span().Body(app.Cite().Text(d.Title), app.Text(line))
		if c.UI.Lang != data.Base {
			entry = entry.Lang(data.Base).Dir("ltr")
		}
		items = append(items, app.Text(" "), entry)
		if d.Licence != "" {
			items = append(items, app.Text(" "+c.UI.CreditLicence+" "))
			if d.LicenceURL != "" {
				// A licence's name is one unit: broken at its hyphens, an
				// Arabic line sets its halves at opposite ends.
				items = append(items, app.Span().Class("wm-licence").Body(outLink(c, d.LicenceURL, d.Licence)))
			} else {
				items = append(items, app.Text(d.Licence))
			}
		}
	}
	made := c.UI.CreditMade
	if c.UI.Translation != "" {
		made += " " + c.UI.Translation
	}
	return app.Footer().Class("wm-credit").Body(
		app.P().Body(items...),
		app.P().Body(latinRuns(c.UI.Dir, made)...),
	)
}

// outLink is a link that leaves the widget. It opens in a new browsing
// context because the widget sits in an iframe whose page the reader did not
// choose to leave, and it says so to screen reader users.
func outLink(c *data.Content, href, text string) app.UI {
	return app.A().
		Href("%s", attr(href)).
		Target("_blank").
		Rel("noopener noreferrer").
		Body(
			app.Span().Body(latinRuns(c.UI.Dir, text)...),
			app.Span().Class("wm-sr").Text(" "+c.UI.OpensElsewhere),
		)
}

// hostOf names a link by its site, which is short enough for a phone and
// tells the reader where they are going.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// documentsCited returns the ids of the documents that the given citations
// point into, in order of first citation, for the credit line.
func documentsCited(c *data.Content, citeIDs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range citeIDs {
		d := c.Citation(id).Document
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}
