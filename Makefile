# The two commands a new user needs, on Debian or Ubuntu with Swift installed:
#   make demo   builds coproduce and opens it on demo data (your own data is not touched)
#   make test   runs every test: domain, store, screens, and the real binary in tmux
#   make bench  release build, then the benchmark at 10,000 and 100,000 meetings, then the batch
#               commands at scale 10 beside sqlite3 (BENCHMARKS.md)
#   make install PREFIX=/usr/local [DESTDIR=]  the binary (release), its man page and completions
#   make uninstall PREFIX=/usr/local [DESTDIR=]  removes exactly what install put there
SWIFT ?= swift
SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev tmux procps locales python3
TEST_PACKAGES := msmtp man-db chromium poppler-utils tesseract-ocr tesseract-ocr-eng fonts-dejavu-core
SCREENSHOT_PACKAGES := tmux fonts-dejavu-core python3-pip chromium poppler-utils

.PHONY: demo test build deps screenshots bench clean install uninstall

# Where `make install` puts things. CONFIG=debug installs the debug build (the test suite does,
# to check the install without a second, release, build of everything).
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release
# A folder holding coproduce and generate-manual already built: install copies from it and
# builds nothing (the test suite uses it, as it runs while SwiftPM holds the build folder).
BUILT ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

deps:
	@scripts/install-deps.sh $(SYSTEM_PACKAGES)

build: deps
	$(SWIFT) build --product coproduce

demo: build
	"$$($(SWIFT) build --show-bin-path)/coproduce" --demo

test: deps
	@scripts/install-deps.sh $(TEST_PACKAGES)
	@python3 -c 'import icalendar, recurring_ical_events, vobject, aiosmtpd, pexpect' 2>/dev/null || python3 -m pip install --quiet icalendar recurring-ical-events vobject aiosmtpd pexpect
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build

bench: deps
	@scripts/install-deps.sh sqlite3 time
	$(SWIFT) build -c release
	"$$($(SWIFT) build -c release --show-bin-path)/coproduce-bench" $(BENCH_ARGS)
	scripts/bench-batch.sh "$$($(SWIFT) build -c release --show-bin-path)"

screenshots: build
	@scripts/install-deps.sh $(SCREENSHOT_PACKAGES)
	scripts/screenshots.sh

clean:
	rm -rf .build

# The binary, a man page made from the same command definitions (swift-argument-parser's
# generate-manual) and completions for bash, zsh and fish. generate-manual drops the one letter
# outside ASCII the help uses (the è of crèche), so it is put back.
install:
	@if [ -z "$(BUILT)" ]; then \
	  scripts/install-deps.sh $(SYSTEM_PACKAGES) && \
	  $(SWIFT) build -c $(CONFIG) --product coproduce && $(SWIFT) build -c $(CONFIG) --product generate-manual; fi
	@bin="$(BUILT)"; [ -n "$$bin" ] || bin="$$($(SWIFT) build -c $(CONFIG) --show-bin-path)"; set -e; \
	  tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	  "$$bin/generate-manual" "$$bin/coproduce" --date 2026-12-07 --authors "A Better Start Southend and SAVS" -o "$$tmp" >/dev/null; \
	  install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"; \
	  install -m 755 "$$bin/coproduce" "$(BINDIR)/coproduce"; \
	  sed -e 's/\bcrche/crèche/g' -e 's/\bCrche/Crèche/g' "$$tmp/coproduce.1" > "$$tmp/coproduce.fixed.1"; \
	  install -m 644 "$$tmp/coproduce.fixed.1" "$(MANDIR)/coproduce.1"; \
	  "$$bin/coproduce" --generate-completion-script bash > "$(BASHDIR)/coproduce"; \
	  "$$bin/coproduce" --generate-completion-script zsh > "$(ZSHDIR)/_coproduce"; \
	  "$$bin/coproduce" --generate-completion-script fish > "$(FISHDIR)/coproduce.fish"; \
	  chmod 644 "$(BASHDIR)/coproduce" "$(ZSHDIR)/_coproduce" "$(FISHDIR)/coproduce.fish"; \
	  echo "Installed $(BINDIR)/coproduce, $(MANDIR)/coproduce.1 and completions for bash, zsh and fish."

uninstall:
	rm -f "$(BINDIR)/coproduce" "$(MANDIR)/coproduce.1" "$(BASHDIR)/coproduce" "$(ZSHDIR)/_coproduce" "$(FISHDIR)/coproduce.fish"
	@echo "Removed coproduce, its man page and its completions from $(DESTDIR)$(PREFIX)."
