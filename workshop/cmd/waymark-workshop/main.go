// Command waymark-workshop serves Waymark's widgets to the phones in a
// room with no Internet, from the site it carries, and prints their
// address and a QR code:
//
//	waymark-workshop -addr 192.168.1.20:8080
//
// Started with no address, it lists this computer's and the command to
// run with each. make workshop builds it for every platform, with the
// site inside; see package workshop.
package main

import (
	"bufio"
	"os"
	"runtime"

	"waymark/workshop"
)

func main() {
	code := workshop.Main(os.Args, os.Stdout, os.Stderr)
	if code != 0 && runtime.GOOS == "windows" && len(os.Args) == 1 {
		// Opened with a double click, its window would close before
		// the explanation could be read.
		os.Stderr.WriteString("Press Enter to close this window.\n")
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	os.Exit(code)
}
