package workshop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"time"

	"waymark/build"
	"waymark/precompress"
)

// pointAt returns site with the origin it was built for (its build.json
// says which, Origin for a workshop build) replaced by origin in every
// text file that names it, whole or by its host alone ("served by
// waymark-workshop.invalid"), and in those files' .br and .gz variants,
// compressed again.
//
// This is done once, when the binary starts, rather than at each request:
// it touches about fifty-five files (1.5 MB: the pages, the oEmbed
// answers and build.json, which SiteHandlerFS reads its origin from) and
// adds about a tenth of a second to the start, and every answer then
// keeps its precompressed variant and a stable ETag. It is safe because the origin replaced is a reserved
// name that occurs nowhere else, and the one put in is made of characters
// that need no escaping in HTML, JSON or a URL (parseAddr allows no
// other).
func pointAt(site fs.FS, origin string) (fs.FS, error) {
	b, err := fs.ReadFile(site, "build.json")
	if err != nil {
		return nil, fmt.Errorf("reading the site's build.json: %w", err)
	}
	var res build.Result
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, fmt.Errorf("reading the site's build.json: %w", err)
	}
	from, err := url.Parse(res.Origin)
	if err != nil || from.Host == "" {
		return nil, fmt.Errorf("the site's build.json names no origin it was built for (%q)", res.Origin)
	}
	to, err := url.Parse(origin)
	if err != nil {
		return nil, fmt.Errorf("serving on %s: %w", origin, err)
	}
	if res.Origin == origin {
		return site, nil
	}
	fromHost := []byte(from.Host)
	patches := map[string][]byte{}
	err = fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		format := build.FormatOf(name)
		ext := path.Ext(name)
		if d.IsDir() || !format.Text || ext == ".br" || ext == ".gz" {
			return nil
		}
		b, err := fs.ReadFile(site, name)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, fromHost) {
			return nil
		}
		b = bytes.ReplaceAll(b, []byte(res.Origin), []byte(origin))
		b = bytes.ReplaceAll(b, fromHost, []byte(to.Host))
		patches[name] = b
		// Fast, not Best: the phones are a few metres away, and the
		// binary should start at once.
		if _, err := fs.Stat(site, name+".br"); err == nil {
			if patches[name+".br"], err = precompress.Brotli(b, precompress.Fast); err != nil {
				return fmt.Errorf("brotli %s: %w", name, err)
			}
		}
		if _, err := fs.Stat(site, name+".gz"); err == nil {
			if patches[name+".gz"], err = precompress.Gzip(b, precompress.Fast); err != nil {
				return fmt.Errorf("gzip %s: %w", name, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pointing the site at %s: %w", origin, err)
	}
	return patched{site, patches}, nil
}

// patched is base with the files of patches in place of its own.
type patched struct {
	base    fs.FS
	patches map[string][]byte
}

func (p patched) Open(name string) (fs.File, error) {
	if b, ok := p.patches[name]; ok {
		return &memFile{bytes.NewReader(b), memInfo{path.Base(name), int64(len(b))}}, nil
	}
	return p.base.Open(name)
}

// memFile is a file of patched: it seeks, as SiteHandlerFS needs.
type memFile struct {
	*bytes.Reader
	info memInfo
}

var _ io.ReadSeeker = (*memFile)(nil)

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} } // as embed.FS's
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
