// Command app is Waymark's browser side, built with GOOS=js GOARCH=wasm.
// It registers the same routes the build prerendered and lets go-app take
// over the page.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/widgets"
)

func main() {
	// make bench splits the take-over at this mark: before it, the
	// runtime's and packages' initialisation (the content among it); after
	// it, the first render.
	app.Window().Get("performance").Call("mark", "waymark:main")
	widgets.GuardStorage()
	widgets.RepairAddress()
	widgets.OpenForPrint()
	widgets.Register(contents())
	app.RunWhenOnBrowser()
}
