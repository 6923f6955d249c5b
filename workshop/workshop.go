// Package workshop is the server an educator runs in a room with no
// Internet: one binary, for Linux, macOS or Windows, that carries the
// whole built site, serves it on the local network for participants'
// phones, and prints the address with a QR code, in the terminal and on a
// printable page at /workshop/.
//
// The binary carries the site with go:embed. A go:embed pattern can only
// match files in the package's folder when it is compiled, so site/ holds
// a committed placeholder (go vet and go test on a fresh clone compile),
// and Build compiles the binary with go build -overlay, which puts each
// file of a freshly built site into site/, and takes the placeholder out,
// in the compiler's view only. Nothing is copied into the source tree, so
// no stale site can linger there, be committed, or slip into a binary
// built later; the build compiles the app's wasm the same way
// (build/wasm.go). A binary built without the overlay holds only the
// placeholder, and refuses to start (errNoSite says how to build one).
//
// The site is built for Origin, a placeholder: the address is only known
// when the binary starts. It then replaces Origin in the files that name
// it (the embed codes, oEmbed answers, link previews, share links; see
// pointAt) by the address it serves, so what participants copy works in
// the room.
package workshop

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/skip2/go-qrcode"

	"waymark/build"
)

// Origin is the origin the workshop's site is built for and that the
// binary replaces by the address it serves. The .invalid domain is
// reserved (RFC 2606): it names no real host, so replacing it cannot
// touch anything else.
const Origin = "http://waymark-workshop.invalid"

// DefaultPort is the port an -addr without one gets.
const DefaultPort = "8080"

// The built site, or the placeholder (see the package comment).
//
//go:embed site
var embedded embed.FS

var errNoSite = errors.New("this binary holds no site: it was compiled without one " +
	"(a plain go build embeds only a placeholder); build the binaries with make workshop, " +
	"which writes them into " + DefaultOut + "/")

// site is the built site the binary carries.
func site() (fs.FS, error) {
	sub, err := fs.Sub(embedded, "site")
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, "build.json"); err != nil {
		return nil, errNoSite
	}
	return sub, nil
}

// Main runs the workshop server with the command line argv (argv[0] is
// the program as it was typed, for the command it suggests) and returns
// the exit status: 2 for a command line to correct, 1 for any other
// failure. It serves until the process is stopped.
func Main(argv []string, stdout, stderr io.Writer) int {
	prog := "waymark-workshop"
	if len(argv) > 0 {
		prog = argv[0]
	}
	flags := flag.NewFlagSet(prog, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s -addr host:port\n\nServes Waymark's widgets to the phones in the room, and prints their address and a QR code.\n\n", quoted(prog))
		flags.PrintDefaults()
		fmt.Fprintln(stderr)
		explain(stderr, prog)
	}
	addr := flags.String("addr", "", "the address to serve on, `host:port`, with host one of this computer's addresses on the network the phones join (the port is "+DefaultPort+" if left out)")
	if err := flags.Parse(argv[min(1, len(argv)):]); err == flag.ErrHelp {
		return 0
	} else if err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "waymark-workshop: unexpected argument %q: the address goes after -addr\n", flags.Arg(0))
		explain(stderr, prog)
		return 2
	}
	files, err := site()
	if err != nil {
		fmt.Fprintln(stderr, "waymark-workshop:", err)
		return 1
	}
	if _, err := fs.Stat(files, "workshop"); err == nil {
		fmt.Fprintln(stderr, "waymark-workshop: the site has a workshop/ folder of its own, which the printable page at /workshop/ would hide")
		return 1
	}
	if *addr == "" {
		fmt.Fprintln(stderr, "waymark-workshop: no -addr given: it needs the address participants' phones will open.")
		explain(stderr, prog)
		return 2
	}
	host, port, err := parseAddr(*addr)
	if err != nil {
		fmt.Fprintln(stderr, "waymark-workshop:", err)
		explain(stderr, prog)
		return 2
	}
	l, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		fmt.Fprintf(stderr, "waymark-workshop: cannot serve on -addr %s: %v\n", *addr, err)
		fmt.Fprintf(stderr, "Either another program uses port %s (choose another port), or %s is not an address of this computer.\n", port, host)
		explain(stderr, prog)
		return 1
	}
	defer l.Close()
	tcp := l.Addr().(*net.TCPAddr)
	origin := "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port))

	files, err = pointAt(files, origin)
	if err != nil {
		fmt.Fprintln(stderr, "waymark-workshop:", err)
		return 1
	}
	siteH, err := build.SiteHandlerFS(files)
	if err != nil {
		fmt.Fprintln(stderr, "waymark-workshop:", err)
		return 1
	}
	qr, err := qrcode.New(origin+"/", qrcode.Medium)
	if err != nil {
		fmt.Fprintf(stderr, "waymark-workshop: drawing the QR code of %s/: %v\n", origin, err)
		return 1
	}
	page, err := newPage(origin+"/", qr)
	if err != nil {
		fmt.Fprintln(stderr, "waymark-workshop:", err)
		return 1
	}

	fmt.Fprintf(stdout, "Waymark workshop: serving the widgets at %s/\n\n", origin)
	if tcp.IP.IsLoopback() {
		fmt.Fprintf(stdout, "%s is this computer only: phones cannot reach it. To serve phones, start again with one of this computer's addresses:\n", host)
		listAddrs(stdout, prog, port)
		fmt.Fprintln(stdout)
	}
	fmt.Fprintln(stdout, "Participants: join the same network as this computer, then scan this code")
	fmt.Fprintln(stdout, "or type the address into the phone's browser. The page lists every widget.")
	fmt.Fprintln(stdout)
	// Light modules as blocks: in a terminal with a dark background, the
	// usual one, the code comes out dark on light, as a camera expects.
	fmt.Fprint(stdout, qr.ToSmallString(false))
	fmt.Fprintf(stdout, "\n    %s/\n\n", origin)
	fmt.Fprintf(stdout, "To print or project the address and the code, open %s%s\n", origin, pagePath)
	fmt.Fprintln(stdout, "Press Ctrl+C to stop.")

	if err := build.NewServer(withPage(page, siteH)).Serve(l); err != nil {
		fmt.Fprintf(stderr, "waymark-workshop: serving on %s: %v\n", origin, err)
		return 1
	}
	return 0
}

// withPage serves the printable page under pagePath and the site
// everywhere else.
func withPage(page, site http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == strings.TrimSuffix(pagePath, "/"):
			http.Redirect(w, r, pagePath, http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, pagePath):
			page.ServeHTTP(w, r)
		default:
			site.ServeHTTP(w, r)
		}
	})
}

// hostName is what a host of -addr may be besides an IP address: a name
// made of the characters DNS allows. The host goes into the site's pages
// in place of Origin's (pointAt), where nothing needs escaping then.
var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$`)

// parseAddr splits -addr into a host and a port, refusing what phones
// could not open: no host, or a host that stands for every network.
func parseAddr(addr string) (host, port string, err error) {
	host, port, err = net.SplitHostPort(addr)
	if err != nil {
		// "192.168.1.20" or "fe80::1": an address with no port.
		if ip := net.ParseIP(addr); ip != nil || !strings.Contains(addr, ":") {
			host, port, err = addr, DefaultPort, nil
		} else {
			return "", "", fmt.Errorf("-addr %s is not host:port: %v", addr, err)
		}
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return "", "", fmt.Errorf("-addr %s: the port %q is not a number from 0 to 65535", addr, port)
	}
	ip := net.ParseIP(host)
	switch {
	case host == "" || ip != nil && ip.IsUnspecified():
		return "", "", fmt.Errorf("-addr %s would serve on every network of this computer, but phones need the one address to open: give that address", addr)
	case ip == nil && !hostName.MatchString(host):
		return "", "", fmt.Errorf("-addr %s: %q is neither an IP address nor a host name", addr, host)
	}
	// A browser shows a host name in lower case, and the links and the
	// oEmbed answers must name the origin the way it does.
	return strings.ToLower(host), port, nil
}

// explain says how to choose an address, with the exact command.
func explain(w io.Writer, prog string) {
	fmt.Fprintln(w, "Give -addr one of this computer's addresses, on the network the phones join (the room's Wi-Fi, or this computer's hotspot):")
	if runtime.GOOS == "windows" {
		fmt.Fprintln(w, "(in a terminal opened in the folder that holds this program)")
	}
	listAddrs(w, prog, DefaultPort)
	fmt.Fprintf(w, "-addr 127.0.0.1:%s works too, but only on this computer: phones cannot reach it.\n", DefaultPort)
}

// listAddrs lists this computer's addresses phones could reach, each with
// the command that serves on it, or says there is none yet.
func listAddrs(w io.Writer, prog, port string) {
	addrs := localIPv4()
	if len(addrs) == 0 {
		fmt.Fprintln(w, "  (none: this computer is on no network now; join the room's Wi-Fi or start a hotspot, then run this again to see them)")
		return
	}
	for _, a := range addrs {
		fmt.Fprintf(w, "  %-15s (%s):  %s -addr %s\n", a.ip, a.iface, quoted(prog), net.JoinHostPort(a.ip, port))
	}
}

type localAddr struct{ ip, iface string }

// localIPv4 lists this computer's IPv4 addresses on its networks: not
// loopback, which phones cannot reach, nor link-local (169.254.x.x, what
// an interface gets when no network gave it an address).
func localIPv4() []localAddr {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []localAddr
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipnet, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip := ipnet.IP.To4()
			if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
				continue
			}
			out = append(out, localAddr{ip.String(), iface.Name})
		}
	}
	return out
}

// quoted is prog as a terminal takes it. On Windows it is the program's
// own name from its folder (.\waymark-workshop-windows-amd64.exe), which
// both PowerShell and cmd run, where a quoted full path followed by
// arguments is an error in PowerShell; elsewhere the path as typed, in
// quotes if it holds a space.
func quoted(prog string) string {
	if runtime.GOOS == "windows" {
		return `.\` + filepath.Base(prog)
	}
	if strings.ContainsAny(prog, " \t") {
		return `"` + prog + `"`
	}
	return prog
}
