package widgets

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The app's first render is the longest task a reader waits through
// before the widget answers: go-app builds every element of the page, and
// the browser compiles each function of the app the first time it runs.
// What the first screen cannot show (the stages behind their tabs, the
// sources list that only paper shows) is therefore drawn after the frame
// that shows the rest has been painted, in a task of its own.
//
// A part still to be drawn carries the data-later attribute, so the
// browser checks can wait for the page to be whole.

// afterPaint runs f on the app's loop once the browser has painted what
// is drawn now, then draws ctx's component again.
func afterPaint(ctx app.Context, f func(app.Context)) {
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		ctx.Dispatch(f)
		return nil
	})
	callAfterPaint(fn)
}

// callAfterPaint calls the browser function fn with args once the frame
// that shows what is written now has been painted.
func callAfterPaint(fn app.Value, args ...any) {
	w := app.Window()
	// A frame callback runs before the paint; the task it queues, after.
	w.Call("requestAnimationFrame", w.Get("setTimeout").Call("bind", append([]any{w, fn, 0}, args...)...))
}
