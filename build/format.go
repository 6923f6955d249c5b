package build

import (
	"path"
	"strings"
)

// Format is how the site treats one kind of file: the media type it is
// served and minified as, and whether it is precompressed. The build, the
// server and the bench all read this one table.
type Format struct {
	Ext      string // e.g. ".css"; "" is a page address such as "/w/journey/en/"
	Type     string // media type, without parameters
	Text     bool   // served with "; charset=utf-8"
	Compress bool   // gets .br and .gz siblings: every text format and the wasm
}

var formats = []Format{
	{Ext: "", Type: "text/html", Text: true, Compress: true},
	{Ext: ".html", Type: "text/html", Text: true, Compress: true},
	{Ext: ".css", Type: "text/css", Text: true, Compress: true},
	{Ext: ".js", Type: "text/javascript", Text: true, Compress: true},
	{Ext: ".json", Type: "application/json", Text: true, Compress: true},
	{Ext: ".webmanifest", Type: "application/manifest+json", Text: true, Compress: true},
	{Ext: ".svg", Type: "image/svg+xml", Text: true, Compress: true},
	// Link previews; PNG is compressed already.
	{Ext: ".png", Type: "image/png"},
	// The wasm compresses to about a fifth.
	{Ext: ".wasm", Type: "application/wasm", Compress: true},
	// Fonts are already compressed, except the two oldest formats; only the
	// bench's peer serves any.
	{Ext: ".woff2", Type: "font/woff2"},
	{Ext: ".woff", Type: "font/woff"},
	{Ext: ".ttf", Type: "font/ttf", Compress: true},
	{Ext: ".eot", Type: "application/vnd.ms-fontobject", Compress: true},
}

// FormatOf returns the format of the file at p, by its extension; an
// unknown extension is served as bytes and never compressed.
func FormatOf(p string) Format {
	ext := strings.ToLower(path.Ext(p))
	for _, f := range formats {
		if f.Ext == ext {
			return f
		}
	}
	return Format{Ext: ext, Type: "application/octet-stream"}
}

// ContentType is the Content-Type header for the format.
func (f Format) ContentType() string {
	if f.Text {
		return f.Type + "; charset=utf-8"
	}
	return f.Type
}
