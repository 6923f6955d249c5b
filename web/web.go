// Package web holds Waymark's static assets: the stylesheet, the height
// reporter that runs inside a widget's iframe, the embed loader that runs
// on the host page, the page options (theme, accent, header), the offline
// keeper, the app starter, the service worker and the icon. The build
// minifies them, fills in what only it knows (the widgets and languages
// for the loader, the version and files for the worker, go-app's scripts
// for the starter), and fingerprints those whose address can change.
package web

import "embed"

// Files are the asset sources, by file name.
//
//go:embed waymark.css height.js options.js offline.js start.js embed.js icon.svg worker.js
var Files embed.FS
