# Front door for people: every target installs what it needs first.
#   make demo         build and check the bundled example resumes
#   make test         build and run every test (what CI runs)
#   make test-asan    the tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make test-valgrind  the unit tests under valgrind memcheck
#   make install      install the binary (PREFIX=/usr/local)
BUILD ?= build
PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo test test-asan test-valgrind install clean format

all: build

deps:
	@scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@echo "== resume-ls check examples/ =="
	@$(BUILD)/resume-ls check examples/ || test $$? -eq 1

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRLS_SANITIZE="address;undefined" >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j$(JOBS) -LE 'editor|fuzz'

test-valgrind: deps
	@cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=Debug -DRLS_VALGRIND=ON >/dev/null
	@cmake --build build-valgrind -j$(JOBS)
	@cd build-valgrind && ctest --output-on-failure -j$(JOBS) -L unit

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

format:
	@git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf build build-asan build-valgrind
