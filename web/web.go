// Package web holds Waymark's static assets: the stylesheet, the height
// reporter that runs inside a widget's iframe, the embed loader that runs on
// the host page, and the icon. The build minifies and fingerprints them.
package web

import "embed"

// Files are the asset sources, by file name.
//
//go:embed waymark.css height.js embed.js icon.svg
var Files embed.FS
