# Waymark: the two commands a newcomer needs are `make run` and `make test`.
# Both fetch what they need (Go modules through the Go toolchain) and work
# on a fresh machine with Go installed.

GO ?= go
DIST ?= dist
ADDR ?= 127.0.0.1:8080
DEMO_ADDR ?= 127.0.0.1:8081

.PHONY: build run test vet clean

## build: write the whole site (widgets, embed loader, demo) into $(DIST)/
build:
	$(GO) run ./build -out $(DIST) -origin http://$(ADDR)

## run: build, then serve the widgets and the demo page (prints the URLs)
run: build
	$(GO) run ./build serve -dir $(DIST) -addr $(ADDR) -demo $(DEMO_ADDR)

## vet: formatting and static checks, for the host and the wasm side
vet:
	@unformatted="$$(gofmt -l app build data web widgets)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app ./widgets ./data ./web

## test: every test
test: vet
	$(GO) test -count=1 ./...

clean:
	rm -rf $(DIST)
