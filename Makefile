# The book's build. `make help` lists the targets.
#
#   make book         build every chapter, run the stale ones, write book/ (the default)
#   make test         the test suite
#   make chapter-05   build and run chapter 05 in the terminal, refresh its page

SWIFT  ?= swift
CONFIG ?= release
BIN    := .build/$(CONFIG)
BUILDER := $(BIN)/bookbuilder
CHAPTERS := $(sort $(patsubst Chapters/%/README.md,%,$(wildcard Chapters/[0-9][0-9]-*/README.md)))

.DEFAULT_GOAL := book
SOAK   ?= 20

.PHONY: book pages test tsan soak help clean chapter-%

book: ## build every chapter, run those whose code changed, write book/
	$(SWIFT) build -c $(CONFIG)
	$(BUILDER) book --build-dir $(BIN)

pages: ## re-render book/ from the last good runs, running nothing
	$(SWIFT) build -c $(CONFIG) --product bookbuilder
	$(BUILDER) pages --build-dir $(BIN)

test: ## the test suite (Swift Testing)
	$(SWIFT) test

tsan: ## the test suite, which also runs every chapter, under ThreadSanitizer
	TSAN_OPTIONS="suppressions=$(CURDIR)/tsan-suppressions.txt halt_on_error=1 $(TSAN_OPTIONS)" \
		$(SWIFT) test --sanitize=thread

soak: ## run every chapter $(SOAK) times (ONLY="01 05" for some): passes and spreads
	$(SWIFT) build -c $(CONFIG)
	$(BUILDER) soak $(SOAK) $(ONLY) --build-dir $(BIN)

# `make chapter-05` and `make chapter-05-futures` both run chapter 05.
chapter-%:
	$(SWIFT) build -c $(CONFIG) --product chapter-$(word 1,$(subst -, ,$*))
	$(SWIFT) build -c $(CONFIG) --product bookbuilder
	$(BUILDER) chapter $(word 1,$(subst -, ,$*)) --build-dir $(BIN)

help: ## this list
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{ printf "  make %-12s %s\n", $$1, $$2 }'
	@echo "  make chapter-NN    build and run one chapter in the terminal, refresh its page"
	@echo "Chapters:"
	@for c in $(CHAPTERS); do echo "  make chapter-$${c%%-*}    ($$c)"; done

clean: ## remove build products, runs and generated pages (the theme stays)
	rm -rf .build .book
	find book -mindepth 1 -maxdepth 1 ! -name theme -exec rm -rf {} +
