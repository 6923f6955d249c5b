package widgets

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// copyText puts text on the clipboard and calls done, in a dispatch, with
// whether it worked. It fails where the page was not granted the clipboard
// (an embed code without clipboard-write, an old browser, a permission the
// reader denied); the caller then shows the text to copy by hand.
func copyText(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(ctx, false)
		return
	}
	var ok, fail app.Func
	settle := func(worked bool) app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.Dispatch(func(ctx app.Context) { done(ctx, worked) })
			ok.Release()
			fail.Release()
			return nil
		})
	}
	ok, fail = settle(true), settle(false)
	clip.Call("writeText", text).Call("then", ok).Call("catch", fail)
}

// selectForCopy focuses the element with the given id and selects its
// text, after the render that shows it, for a reader to copy by hand.
func selectForCopy(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
			el.Call("select")
		}
	})
}
