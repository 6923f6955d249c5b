# Waymark: the two commands a newcomer needs are `make run` and `make test`.
# Both fetch what they need (Go modules through the Go toolchain; ECharts
# from npm, which the build bundles in Go with esbuild's API, so no
# JavaScript toolchain runs; for the browser checks, Debian's Chromium and
# axe-core from npm) and work on a fresh machine with Go installed.

GO ?= go
WAYMARK = $(GO) run ./build/cmd/waymark
DIST ?= dist
ADDR ?= 127.0.0.1:8080
# The origin the widgets are served from, for the embed codes, oEmbed and
# link previews: set it to the real one to build for a deployment.
ORIGIN ?= http://$(ADDR)
DEMO_ADDR ?= 127.0.0.1:8081
# Where make workshop writes the workshop binaries.
WORKSHOP_OUT ?= dist-workshop

AXE_VERSION := 4.14.1
ECHARTS_VERSION := 5.6.0
ECHARTS := .cache/echarts/node_modules/echarts
AXE := .cache/axe/node_modules/axe-core/axe.min.js

# The peers `make bench` compares against, pinned.
TIMELINEJS_VERSION := 3.9.11
IFRAME_RESIZER_VERSION := 5.5.9
PYM_VERSION := 1.3.2
BENCH_DEPS := .cache/bench/.installed-$(TIMELINEJS_VERSION)-$(IFRAME_RESIZER_VERSION)-$(PYM_VERSION)

# npm comes from Debian when the machine has none.
NEED_NPM = command -v npm >/dev/null 2>&1 || { echo "installing npm from Debian"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }

.PHONY: build run workshop test vet browser-deps sizes bench clean

## build: write the whole site (widgets, embed loader, demo) into $(DIST)/
build: $(ECHARTS)/package.json
	$(WAYMARK) -out $(DIST) -origin $(ORIGIN) -echarts $(ECHARTS)

## run: build, then serve the widgets and the demo page (prints the URLs)
run: build
	$(WAYMARK) serve -dir $(DIST) -addr $(ADDR) -demo $(DEMO_ADDR)

## workshop: the whole site in one binary per platform (Linux, macOS, Windows),
## for a workshop with no Internet: it serves the widgets to the phones in the
## room and prints their address and a QR code; written into $(WORKSHOP_OUT)/
workshop: $(ECHARTS)/package.json
	$(WAYMARK) workshop -out $(WORKSHOP_OUT) -echarts $(ECHARTS)

## vet: formatting and static checks, for the host and the wasm side
vet:
	@unformatted="$$(gofmt -l app bench build chromium data precompress web widgets workshop)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on: $$unformatted"; exit 1; fi
	$(GO) vet -tags browser ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app ./widgets ./data ./web

## browser-deps: Chromium (Debian) and a pinned axe-core, for the browser checks,
## and nginx (Debian), which serves the site with the configuration the build writes
browser-deps: $(AXE)
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

# ECharts draws the figures widget's charts; the build bundles the parts
# they use from this package's sources (and zrender and tslib, which npm
# installs beside it) and serves them from the widget's own origin, never
# from a CDN.
$(ECHARTS)/package.json:
	@$(NEED_NPM)
	npm install --silent --no-audit --no-fund --save-exact --prefix .cache/echarts echarts@$(ECHARTS_VERSION)

$(AXE):
	@$(NEED_NPM)
	npm install --silent --no-audit --no-fund --save-exact --prefix .cache/axe axe-core@$(AXE_VERSION)

## test: every test, the real-browser checks included (go test ./... alone
## runs the unit tests; the browser build tag adds the checks that need
## what browser-deps installs, which find axe-core, ECharts and nginx
## through the three variables; WAYMARK_ECHARTS names the npm package's
## folder)
test: vet browser-deps $(ECHARTS)/package.json
	WAYMARK_AXE=$(CURDIR)/$(AXE) WAYMARK_ECHARTS=$(CURDIR)/$(ECHARTS) \
		WAYMARK_NGINX=$$(command -v nginx || echo /usr/sbin/nginx) \
		$(GO) test -tags browser -count=1 -timeout 15m ./...

## sizes: what a reader downloads, from a build made as the shipped one, and
## where app.wasm's bytes go: its code by package (BenchmarkWasmSizes)
sizes: $(ECHARTS)/package.json
	WAYMARK_ECHARTS=$(CURDIR)/$(ECHARTS) $(GO) test ./build -run '^$$' -bench Sizes -benchtime 1x

$(BENCH_DEPS):
	@$(NEED_NPM)
	npm install --silent --no-audit --no-fund --save-exact --prefix .cache/bench \
		@knight-lab/timelinejs@$(TIMELINEJS_VERSION) @iframe-resizer/parent@$(IFRAME_RESIZER_VERSION) pym.js@$(PYM_VERSION)
	@touch $@

## bench: Waymark's journey against TimelineJS in headless Chromium (not part of test);
## prints a table and writes bench-results/; BASE=<git revision> measures that
## revision's site alongside, run by run
bench: browser-deps $(ECHARTS)/package.json $(BENCH_DEPS)
	$(GO) run ./bench -out bench-results -echarts $(ECHARTS) -peers .cache/bench/node_modules$(if $(BASE), -base $(BASE))

clean:
	rm -rf $(DIST) $(WORKSHOP_OUT) .cache
