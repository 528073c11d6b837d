# The book's build. `make help` lists the targets.
#
#   make book         build every chapter, run the stale ones, write book/ (the default)
#   make test         the test suite
#   make chapter-05   build and run chapter 05 in the terminal, refresh its page
#   make watch        serve the book on 127.0.0.1; pages follow your edits as you save

SWIFT  ?= swift
CONFIG ?= release
BIN    := .build/$(CONFIG)
BUILDER := $(BIN)/bookbuilder
CHAPTERS := $(sort $(patsubst Chapters/%/README.md,%,$(wildcard Chapters/[0-9][0-9]-*/README.md)))

# Package.swift makes a target of each chapter folder and excludes what is not code
# (prose, compile-fail examples). SwiftPM caches what Package.swift said by its text and
# re-plans the build only when the file changes. So the manifest cache is kept in
# .build/, and when the chapters' folders change it is dropped and Package.swift marked
# changed: a new chapter, or a new compile-fail folder, is seen at once.
SPM_FLAGS := --manifest-cache local
LAYOUT := $(shell find Chapters -mindepth 1 -maxdepth 2 | LC_ALL=C sort | cksum)

.DEFAULT_GOAL := book
SOAK   ?= 20
SWIFTC ?= swiftc
RACY   := Chapters/02-locks/tsan/RacyCounter.swift

.PHONY: book watch bench-book pages test check-book tsan soak exercises help clean layout chapter-% exercise-% hint-% solution-%

layout:
	@if [ "$$(cat .build/chapter-layout 2>/dev/null)" != "$(LAYOUT)" ]; then \
		rm -f .build/manifest.db; touch Package.swift; \
		mkdir -p .build; echo "$(LAYOUT)" > .build/chapter-layout; fi

# `swift build` takes a second or more even when nothing changed, so `make book` skips it
# when no source file is newer than the last complete build. (A new file is newer too; a
# new or removed chapter folder touches Package.swift, see `layout`.) The stamp lives in
# .build/ itself, not in .build/release, which SwiftPM replaces with a link on its first
# build; it is taken before building, under a name of this shell's own so that two builds
# at once cannot trip over each other: a file saved during the build builds next time.
SOURCES = Package.swift $(shell find Sources Chapters -name '*.swift')
BUILT  := .build/book-sources-built-$(CONFIG)

$(BUILT): $(SOURCES)
	@mkdir -p .build && touch $@.$$$$ && if $(SWIFT) build $(SPM_FLAGS) -c $(CONFIG); \
		then mv $@.$$$$ $@; else rm -f $@.$$$$; exit 1; fi

# When the whole build fails, each chapter is built on its own to find which do not
# compile; their compiler output goes to a folder of this make's own (chapter-NN.log), the
# builder runs and renders the rest, then fails with the list.
COMPILE_FAILURES := .build/compile-failures-$(shell echo $$PPID)

book: layout ## build every chapter, run those whose code changed, write book/
	@rm -rf $(COMPILE_FAILURES); mkdir -p $(COMPILE_FAILURES)
	@$(MAKE) --no-print-directory -s $(BUILT) || { \
		echo "The build failed: building each chapter on its own to find which do not compile"; \
		$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product bookbuilder || exit 1; \
		for c in $(CHAPTERS); do n=$${c%%-*}; [ -f Chapters/$$c/main.swift ] || continue; \
			if $(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product chapter-$$n > $(COMPILE_FAILURES)/chapter-$$n.log 2>&1; \
			then rm $(COMPILE_FAILURES)/chapter-$$n.log; else echo "  chapter-$$n does not compile"; fi; done; }
	@$(BUILDER) book --build-dir $(BIN) --compile-failures $(COMPILE_FAILURES); status=$$?; \
		rm -rf $(COMPILE_FAILURES); exit $$status

# EXERCISE=03-1 also re-runs `chapter-03 exercise 1` in the terminal on every save.
# Code that does not build yet does not stop the watch: saving the fix builds it.
watch: layout ## serve book/ on 127.0.0.1, rebuild and reload pages on save (EXERCISE=03-1 WATCH_PORT=8000)
	$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product bookbuilder
	@$(MAKE) --no-print-directory $(BUILT) || echo "make watch: the build failed (above); watching anyway: fix it and save"
	$(BUILDER) watch --build-dir $(BIN) $(if $(WATCH_PORT),--port $(WATCH_PORT)) $(if $(EXERCISE),--exercise $(EXERCISE))

bench-book: layout $(BUILT) ## time make book (no change, prose edit) and watch's save-to-page latency
	tools/bench-book $(BENCH_RUNS)

pages: layout ## re-render book/ from the last good runs, running nothing
	$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product bookbuilder
	$(BUILDER) pages --build-dir $(BIN)

# Swift Testing runs every suite at once, and its synchronous tests (those that wait for
# child processes or the compiler) hold threads of the same small task pool that async
# tests resume on: on 2 cores that stalled timed async waits for seconds. So the suites
# that time async waits (the event loop, the actors in worker processes) and the chapters
# (which load every core) each run in an invocation of their own.
TEST_GROUPS := EventLoopTests ProcessActorsTests ChapterTests
EMPTY :=
SPACE := $(EMPTY) $(EMPTY)
TEST_GROUP_PATTERN := $(subst $(SPACE),|,$(TEST_GROUPS))

test: layout ## the test suite (Swift Testing), in four invocations (see TEST_GROUPS)
	$(SWIFT) test $(SPM_FLAGS) --skip "$(TEST_GROUP_PATTERN)"
	@for group in $(TEST_GROUPS); do echo "== $$group"; \
		$(SWIFT) test $(SPM_FLAGS) --filter "$$group" || exit 1; done

check-book: ## validate every page (Nu checker or tidy) and every internal link and anchor
	python3 tools/check-book book

tsan: layout ## the test suite, which also runs every chapter, under ThreadSanitizer
	TSAN_OPTIONS="suppressions=$(CURDIR)/tsan-suppressions.txt halt_on_error=1 $(TSAN_OPTIONS)" \
		$(SWIFT) test $(SPM_FLAGS) --sanitize=thread --skip "$(TEST_GROUP_PATTERN)"
	@for group in $(TEST_GROUPS); do echo "== $$group (ThreadSanitizer)"; \
		TSAN_OPTIONS="suppressions=$(CURDIR)/tsan-suppressions.txt halt_on_error=1 $(TSAN_OPTIONS)" \
		$(SWIFT) test $(SPM_FLAGS) --sanitize=thread --filter "$$group" || exit 1; done
	@echo "The race chapter 02 shows on purpose must still be reported:"
	$(SWIFTC) -swift-version 6 -Onone -sanitize=thread $(RACY) -o .build/racy-counter-tsan
	@if .build/racy-counter-tsan > .build/racy-counter-tsan.log 2>&1; then \
		echo "error: $(RACY) ran cleanly under ThreadSanitizer"; exit 1; fi
	@grep -m1 "WARNING: ThreadSanitizer" .build/racy-counter-tsan.log
	@grep -m1 "SUMMARY" .build/racy-counter-tsan.log

soak: layout ## run every chapter $(SOAK) times (ONLY="01 05" for some; EXAMPLES=1: the prose's examples too)
	$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG)
	SWIFTC=$(SWIFTC) $(BUILDER) soak $(SOAK) $(ONLY) --build-dir $(BIN) $(if $(EXAMPLES),--examples)

# `make chapter-05` and `make chapter-05-futures` both run chapter 05. With CELL=NAME
# only that cell runs, in the terminal; the page keeps the chapter's last full run.
# A chapter folder without a main.swift is prose only: nothing to build or run.
chapter-%: layout
	@n=$(word 1,$(subst -, ,$*)); if ls -d Chapters/$$n-*/ >/dev/null 2>&1 && ! ls Chapters/$$n-*/main.swift >/dev/null 2>&1; then \
		echo "Chapters/$$(basename $$(ls -d Chapters/$$n-*/)) has no main.swift: prose only, nothing to run"; \
	else $(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product chapter-$$n; fi
ifdef CELL
	$(BIN)/chapter-$(word 1,$(subst -, ,$*)) cell $(CELL)
else
	$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product bookbuilder
	$(BUILDER) chapter $(word 1,$(subst -, ,$*)) --build-dir $(BIN)
endif

exercises: layout ## every exercise with its state (solved, not yet, does not compile) and a total
	$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product bookbuilder
	$(BUILDER) exercises --build-dir $(BIN) --build-command "$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG)"

# `make exercise-03-1` checks your code for exercise 1 of chapter 03 (exit status 0 once
# solved); `make hint-03-1` prints its hints; `make solution-03-1` runs the same checks
# against the reference solution.
EXERCISE_CHAPTER = $(word 1,$(subst -, ,$*))
EXERCISE_NUMBER = $(word 2,$(subst -, ,$*))
exercise-% hint-% solution-%: layout
	@echo "building chapter-$(EXERCISE_CHAPTER)..."; mkdir -p .build
	@$(SWIFT) build $(SPM_FLAGS) -c $(CONFIG) --product chapter-$(EXERCISE_CHAPTER) > .build/exercise-build.log 2>&1 \
		|| { cat .build/exercise-build.log; echo "chapter-$(EXERCISE_CHAPTER) does not compile: see the errors above"; exit 1; }
	@$(BIN)/chapter-$(EXERCISE_CHAPTER) exercise $(EXERCISE_NUMBER) $(filter-out exercise,$(word 1,$(subst -, ,$@)))

help: ## this list
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sed 's/$$(SOAK)/$(SOAK)/' \
		| awk -F'\t' '{ printf "  make %-22s %s\n", $$1, $$2 }'
	@printf "  make %-22s %s\n" chapter-NN "build and run one chapter in the terminal, refresh its page"
	@printf "  make %-22s %s\n" "chapter-NN CELL=name" "run only that cell, in the terminal"
	@printf "  make %-22s %s\n" exercise-NN-K "check your code for exercise K of chapter NN (Exercises.swift)"
	@printf "  make %-22s %s\n" hint-NN-K "its hints (make solution-NN-K: the same checks on the reference solution)"
	@echo "Chapters:"
	@for c in $(CHAPTERS); do printf "  make %-22s (%s)\n" "chapter-$${c%%-*}" "$$c"; done

clean: ## remove build products, runs and generated pages (the theme stays)
	rm -rf .build .book
	find book -mindepth 1 -maxdepth 1 ! -name theme -exec rm -rf {} +
