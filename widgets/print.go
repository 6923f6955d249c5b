package widgets

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// OpenForPrint opens every closed disclosure (cases, sources, the full
// table) while the page prints, and closes them again after, so a handout
// holds what a footnote number points to. The stylesheet does the same
// where the browser lets CSS open a <details> (::details-content); this
// covers the others. Call it once, in the browser app.
func OpenForPrint() {
	if !app.IsClient {
		return
	}
	var opened []app.Value
	before := app.FuncOf(func(app.Value, []app.Value) any {
		all := app.Window().Get("document").Call("querySelectorAll", "details:not([open])")
		for i := 0; i < all.Length(); i++ {
			d := all.Index(i)
			d.Set("open", true)
			opened = append(opened, d)
		}
		return nil
	})
	after := app.FuncOf(func(app.Value, []app.Value) any {
		for _, d := range opened {
			d.Set("open", false)
		}
		opened = nil
		return nil
	})
	app.Window().Call("addEventListener", "beforeprint", before)
	app.Window().Call("addEventListener", "afterprint", after)
}
