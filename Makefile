# Front door for people: every target installs what it needs first.
#   make demo           build and check the bundled example resumes
#   make test           everything CI runs: lint + check + test-asan + test-valgrind + fuzz
#   make lint           clang-format, clang-tidy and cppcheck on our C (scripts/lint.sh)
#   make format         reformat every tracked .c/.h with .clang-format
#   make check          build and run the test suite once (the quick loop)
#   make test-asan      the suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make test-valgrind  the unit, fuzz-replay and protocol tests under valgrind memcheck
#   make fuzz           bounded libFuzzer run, FUZZ_SECONDS per target (default 60)
#   make bench          the benchmark: latency, throughput, memory (bench/results/)
#   make install        install the binary (PREFIX=/usr/local)
#   make vsix           VS Code package carrying this machine's server (Release build):
#                       editors/vscode/resume-ls-linux-x64.vsix (VSIX_TARGET to rename)
BUILD ?= build
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

FUZZ_SECONDS ?= 60
# The formatter lint checks with (Debian 12's; scripts/deps.sh installs it).
CLANG_FORMAT ?= $(shell command -v clang-format-14 >/dev/null 2>&1 && echo clang-format-14 || echo clang-format)

.PHONY: all deps build demo check test test-asan test-valgrind fuzz lint bench install clean format vsix

all: build

deps:
	@scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@echo "== resume-ls check examples/ =="
	@$(BUILD)/resume-ls check examples/ || test $$? -eq 1

check: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# lint first: a finding fails CI before the slow suites run.
test: lint check test-asan test-valgrind fuzz

test-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRLS_SANITIZE="address;undefined;float-cast-overflow" >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j$(JOBS) -LE editor

test-valgrind: deps
	@cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=Debug -DRLS_VALGRIND=ON >/dev/null
	@cmake --build build-valgrind -j$(JOBS)
	@cd build-valgrind && ctest --output-on-failure -j$(JOBS) -L 'unit|fuzz|lsp'

fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# VS Code's platform name for this machine (linux-x64, linux-arm64, ...).
VSIX_TARGET ?= linux-$(shell uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')

vsix: deps
	@cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build build-release -j$(JOBS) --target resume-ls
	@cd editors/vscode && npm run --silent build && \
		node scripts/package.js --out resume-ls-$(VSIX_TARGET).vsix $(VSIX_TARGET) ../../build-release/resume-ls

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

format:
	@git ls-files -z '*.c' '*.h' | xargs -0 $(CLANG_FORMAT) -i

clean:
	rm -rf build build-asan build-valgrind build-fuzz build-release

lint: build
	@BUILD=$(BUILD) JOBS=$(JOBS) CLANG_FORMAT=$(CLANG_FORMAT) scripts/lint.sh

bench:
	@scripts/bench.sh
