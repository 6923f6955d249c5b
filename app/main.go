// Command app is Waymark's browser side, built with GOOS=js GOARCH=wasm.
// It registers the same routes the build prerendered and lets go-app take
// over the page.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"waymark/widgets"
)

func main() {
	widgets.GuardStorage()
	widgets.RepairAddress()
	widgets.OpenForPrint()
	widgets.Register(contents())
	app.RunWhenOnBrowser()
}
