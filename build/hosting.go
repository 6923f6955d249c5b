package build

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// Another server in front of dist/ must send what build serve sends. The
// build writes that as configuration for two common hosts, made from
// fileHeaders, the function build serve uses: a _headers file (Netlify,
// Cloudflare Pages) and an nginx snippet. Neither is served to readers.

// headersFile is where Netlify and Cloudflare Pages look for headers.
const headersFile = "/_headers"

// The nginx configuration is two files: maps for the http block, and the
// rest for a server block whose root is dist/.
const (
	nginxHTTPFile   = "/hosting/nginx-http.conf"
	nginxServerFile = "/hosting/nginx-server.conf"
)

// managedHeaders are the headers the hosting files set; the rest (length,
// encoding, ETag) each server works out from the file it sends.
var managedHeaders = []string{"Cache-Control", "Content-Security-Policy", "Cross-Origin-Embedder-Policy", "Cross-Origin-Resource-Policy", "Referrer-Policy", "X-Content-Type-Options"}

// headersRules writes the _headers file for the files of the site. A
// header comes from exactly one rule matching a path, because both hosts
// join the values of a header that several matching rules set: every
// path gets the common headers from "/*", fingerprinted files their cache
// lifetime from "/web/*", and each other file its own rule.
func headersRules(paths []string, csp string) []byte {
	var b strings.Builder
	b.WriteString("# Waymark: the headers `waymark serve` sends, for Netlify and Cloudflare Pages.\n")
	b.WriteString("# Written by the build from the same table; do not edit.\n")
	common := fileHeaders("/", true, csp)
	rule := func(pattern string, h http.Header, names ...string) {
		b.WriteString(pattern + "\n")
		for _, n := range names {
			if v := h.Get(n); v != "" {
				b.WriteString("  " + n + ": " + v + "\n")
			}
		}
	}
	rule("/*", common, "Cross-Origin-Resource-Policy", "Referrer-Policy", "X-Content-Type-Options")
	rule("/web/*", fileHeaders("/web/x.000000000000.js", true, csp), "Cache-Control")
	for _, p := range paths {
		if immutable(p) {
			continue
		}
		h := fileHeaders(p, true, csp)
		rule(p, h, "Cache-Control", "Content-Security-Policy", "Cross-Origin-Embedder-Policy")
		if dir, ok := strings.CutSuffix(p, "index.html"); ok && dir != "/" {
			// The address a reader uses, which the host maps to the file.
			rule(dir, h, "Cache-Control", "Content-Security-Policy", "Cross-Origin-Embedder-Policy")
		}
	}
	return []byte(b.String())
}

// nginxConfig writes an nginx configuration that serves dist/ as build
// serve does: the maps for the http block, and a server block's part
// (root, listen and server_name are the deployment's).
func nginxConfig(csp string) (httpPart, serverPart []byte) {
	page := fileHeaders("/index.html", true, csp)
	fixed := fileHeaders("/web/x.000000000000.js", true, csp)
	common := func(h http.Header) string {
		var b strings.Builder
		for _, n := range []string{"X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Resource-Policy"} {
			fmt.Fprintf(&b, "    add_header %s %q always;\n", n, h.Get(n))
		}
		return b.String()
	}
	const head = "# Waymark: serve dist/ with the headers `waymark serve` sends.\n# Written by the build from the same table; do not edit.\n"
	var h strings.Builder
	h.WriteString(head + "# Include in the http block; nginx-server.conf goes in the server block.\n\n")
	// An empty value sends no header: only pages get these two.
	fmt.Fprintf(&h, "map $sent_http_content_type $waymark_csp {\n    \"~^text/html\" %q;\n    default \"\";\n}\n", page.Get("Content-Security-Policy"))
	fmt.Fprintf(&h, "map $sent_http_content_type $waymark_coep {\n    \"~^text/html\" %q;\n    default \"\";\n}\n", page.Get("Cross-Origin-Embedder-Policy"))

	var b strings.Builder
	b.WriteString(head + "# Include in a server block:\n#     root /path/to/dist;\n#     include /path/to/dist/hosting/nginx-server.conf;\n# with nginx-http.conf included in the http block.\n\n")
	b.WriteString("types {\n")
	for _, f := range formats {
		if f.Ext != "" {
			fmt.Fprintf(&b, "    %s %s;\n", f.Type, strings.TrimPrefix(f.Ext, "."))
		}
	}
	b.WriteString("}\n")
	b.WriteString("charset utf-8;\ncharset_types text/html text/css text/javascript application/json application/manifest+json image/svg+xml;\n")
	b.WriteString("# The build's .gz files; brotli_static needs the ngx_brotli module.\ngzip_static on;\n# brotli_static on;\n")
	b.WriteString("index index.html;\nerror_page 404 /404.html;\n\n")
	b.WriteString("# What the build writes for itself, and dotfiles: not for readers.\n")
	b.WriteString("# (The precompressed files are for gzip_static, which reads them itself.)\n")
	b.WriteString("location ~ \"(^|/)\\.|^/build\\.json$|^/_headers$|^/hosting/|\\.(br|gz)$\" {\n    return 404;\n}\n")
	b.WriteString("# Fingerprinted files never change under their name.\n")
	b.WriteString("location ~ \"^/web/.+\\.[0-9a-f]{12}\\.[a-z]+$\" {\n")
	fmt.Fprintf(&b, "    add_header Cache-Control %q always;\n", fixed.Get("Cache-Control"))
	b.WriteString(common(fixed) + "}\n")
	b.WriteString("# Everything else is asked for again on each visit.\nlocation / {\n")
	fmt.Fprintf(&b, "    add_header Cache-Control %q always;\n", page.Get("Cache-Control"))
	b.WriteString("    add_header Content-Security-Policy $waymark_csp always;\n")
	b.WriteString("    add_header Cross-Origin-Embedder-Policy $waymark_coep always;\n")
	b.WriteString(common(page))
	b.WriteString("    try_files $uri $uri/index.html =404;\n}\n")
	return []byte(h.String()), []byte(b.String())
}

// writeHosting adds the hosting configuration to the site, for every
// file the site has so far.
func writeHosting(out site) {
	paths := slices.Sorted(maps.Keys(out))
	out[headersFile] = headersRules(paths, widgetCSP)
	out[nginxHTTPFile], out[nginxServerFile] = nginxConfig(widgetCSP)
}
