// Package widgets holds Waymark's go-app components: one file per kind of
// widget (journey.go, checklist.go, glossary.go, figures.go, quiz.go,
// guide.go), the table of kinds (kind.go), the route table (routes.go) and
// the small shared pieces they are built from: the frame every widget has (frame.go), citations and
// opening the part a fragment names (sources.go), glossary terms in texts
// (terms.go). Components take decoded content and do no I/O.
//
// # Two modes, two questions
//
// Every component renders in two modes: the prerendered page, plain HTML
// that works without JavaScript, and the browser app that replaces it. Two
// different questions decide what code does, and each has one answer:
//
//   - What to render is decided by the component's Interactive field, and
//     by nothing else. The route table sets it to app.IsClient; tests set it
//     either way, so both modes are checked on the host.
//   - Whether a browser API may be called (window, the DOM, storage, the
//     clipboard) is decided by app.IsClient, because on the host those do
//     not exist whatever the mode. Lifecycle hooks that read the page
//     (OnInit) and code that writes to storage check it first.
//
// attr is the one place where the renderer, not the mode, matters: go-app's
// server renderer quotes attribute values differently from the browser.
package widgets
