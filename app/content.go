package main

import "waymark/data"

// contents is the content the app shows. The build compiles the app with
// this file replaced by the content it validated, written as Go values
// (see build/gocontent.go), so a reader's browser neither parses nor
// checks it; this JSON-reading version is what go vet and a plain go build
// of ./app see.
func contents() map[string]*data.Content { return data.Embedded() }
