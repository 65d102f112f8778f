# numeco: the two commands of the README, and a few more for developers.
#   make run    install what is missing, build, load the demo data, start the web application
#   make test   install what is missing, build, run every test (plain and ASan+UBSan)
#   make fuzz   build the libFuzzer targets and run each for FUZZ_SECONDS
#   make valgrind  run every unit test under valgrind memcheck
#   make bench  build and run the benchmarks (see docs/PERFORMANCE.md)

JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
BUILD       ?= build
BUILD_ASAN  ?= build-asan
BUILD_FUZZ  ?= build-fuzz
DEMO_DB     ?= numeco-demo.db
FUZZ_SECONDS ?= 60

.PHONY: all deps build build-asan run test test-plain test-asan valgrind fuzz bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DNUMECO_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_ASAN) -j $(JOBS)

run: build
	@bash scripts/demo.sh $(BUILD)/numeco $(DEMO_DB)

test: test-plain test-asan

test-plain: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: build-asan
	@cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Every unit test under valgrind's memcheck (slower; not part of make test).
valgrind: build
	@command -v valgrind >/dev/null || { echo "valgrind absent : apt-get install valgrind" >&2; exit 1; }
	@cd $(BUILD) && fail=0; for t in test_*; do [ -x "$$t" ] || continue; \
	  NUMECO_TEST_DATA=$(CURDIR)/tests/data valgrind -q --leak-check=full --error-exitcode=9 \
	    ./$$t >/dev/null 2>valgrind-$$t.log && echo "valgrind $$t : ok" || \
	    { echo "valgrind $$t : ÉCHEC (voir $(BUILD)/valgrind-$$t.log)"; fail=1; }; done; exit $$fail

fuzz:
	@bash scripts/install-deps.sh fuzz
	@CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNUMECO_FUZZ=ON >/dev/null
	@cmake --build $(BUILD_FUZZ) -j $(JOBS)
	@bash scripts/fuzz.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

bench: build
	@bash scripts/install-deps.sh bench
	@bash bench/run.sh $(BUILD)
	@bash bench/web.sh $(BUILD)

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
