# The two commands a new user needs, on Debian or Ubuntu with Swift installed:
#   make demo   builds coproduce and opens it on demo data (your own data is not touched)
#   make test   runs every test: domain, store, screens, and the real binary in tmux
#   make bench  release build, then the benchmark at 10,000 and 100,000 meetings (BENCHMARKS.md)
SWIFT ?= swift
SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev tmux procps locales python3
TEST_PACKAGES := msmtp chromium poppler-utils tesseract-ocr tesseract-ocr-eng fonts-dejavu-core
SCREENSHOT_PACKAGES := tmux fonts-dejavu-core python3-pip chromium poppler-utils

.PHONY: demo test build deps screenshots bench clean

deps:
	@scripts/install-deps.sh $(SYSTEM_PACKAGES)

build: deps
	$(SWIFT) build --product coproduce

demo: build
	"$$($(SWIFT) build --show-bin-path)/coproduce" --demo

test: deps
	@scripts/install-deps.sh $(TEST_PACKAGES)
	@python3 -c 'import icalendar, recurring_ical_events, vobject, aiosmtpd' 2>/dev/null || python3 -m pip install --quiet icalendar recurring-ical-events vobject aiosmtpd
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build -c release
	"$$($(SWIFT) build -c release --show-bin-path)/coproduce-bench" $(BENCH_ARGS)

screenshots: build
	@scripts/install-deps.sh $(SCREENSHOT_PACKAGES)
	scripts/screenshots.sh

clean:
	rm -rf .build
