// Package chromium starts Debian's Chromium the way Waymark's browser
// checks and its bench both do: headless, on a fresh profile, with
// Chromium's own background traffic off, so the only requests are the
// page's (which the checks count) and none waits on a network this
// project's machines do not reach.
package chromium

import (
	"fmt"
	"os/exec"
	"syscall"

	"github.com/chromedp/chromedp"
)

// Path finds the Chromium binary; make test and make bench install it.
func Path() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("Chromium is not installed (make test and make bench install Debian's chromium)")
}

// Options are the allocator options for the Chromium at path with the
// profile folder profile, followed by extra.
func Options(path, profile string, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	return append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// Chromium shares memory between its processes through /dev/shm,
		// which a container may make too small (64 MB in Docker); then it
		// has to use files in /tmp instead, which costs system time on
		// every page, so only then.
		chromedp.Flag("disable-dev-shm-usage", sharedMemory() < 1<<30),
	}, extra...)
}

// sharedMemory is how many bytes /dev/shm has free, or 0 if there is none.
func sharedMemory() uint64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs("/dev/shm", &st); err != nil {
		return 0
	}
	return uint64(st.Bavail) * uint64(st.Bsize)
}
