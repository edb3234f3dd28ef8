# tend: build, test and run. Each target installs the system packages it needs when they are missing.
PREFIX ?= /usr/local
SWIFT ?= swift
CONFIGURATION ?= debug
BIN = $(shell $(SWIFT) build -c $(CONFIGURATION) --show-bin-path 2>/dev/null)

.PHONY: all build release test run check install completions man deps clean bench

all: build

deps:
	@if [ ! -f /usr/include/inotifytools/inotifytools.h ]; then \
		echo "installing libinotifytools0-dev"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libinotifytools0-dev; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIGURATION) $(BUILD_FLAGS)

# Release builds link the Swift runtime statically: one binary that needs no Swift installed, a client command
# that starts in ~6 ms instead of ~12 (no Swift libraries to load and relocate), and a daemon ~2 MiB smaller
# (19 instead of 21 MiB at 1,000 programs). The task pool finds the concurrency runtime's hooks either way: it
# refers to them from C at link time instead of looking them up with dlsym.
# Each further flag keeps the daemon's resident memory down (measured at 1,000 programs):
# - lld (shipped with the toolchain) packs the ~44,000 relative relocations as DT_RELR (glibc 2.36): the loader
#   reads 8 KiB of them at every start instead of 1 MiB, which stayed resident (-0.9 MiB).
# - libstdc++ (the runtime's C++) is linked from its archive: the shared library's own start-up code (iostreams,
#   locales) alone kept 1 MiB resident. The runtime's link line asks for -lstdc++, so a linker script of that
#   name, found first, points at the archive.
# - --no-export-dynamic undoes the runtime's -export-dynamic: no one loads code into tend, and the loader
#   searched 5,800 exported symbols at every lookup (-0.4 MiB). A crash's backtrace then names tend's own
#   functions only through the symbol table (addr2line), not through dladdr.
STATIC_CXX = .build/static-libstdc++
RELEASE_FLAGS = --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs \
	-Xswiftc -L$(CURDIR)/$(STATIC_CXX) -Xlinker --no-export-dynamic

$(STATIC_CXX)/libstdc++.so:
	mkdir -p $(STATIC_CXX)
	echo 'INPUT(-l:libstdc++.a)' > $@

release: $(STATIC_CXX)/libstdc++.so
	$(MAKE) build CONFIGURATION=release BUILD_FLAGS="$(RELEASE_FLAGS)"

# Swift Testing runs the tests in one process, many at once by default. On two cores that kept Swift's cooperative
# pool (a thread a core) busy for up to 5 s at the start, and tests awaiting a deadline missed it now and then;
# four at a time kept the pool's delays under a quarter of a second and costs a few seconds.
TEST_PARALLELISM ?= 4
test: deps
	$(SWIFT) build --build-tests
	SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=$(TEST_PARALLELISM) $(SWIFT) test --skip-build

run: build
	$(BIN)/tend check -c examples/tend.toml
	$(BIN)/tend daemon -c examples/tend.toml

check: build
	$(BIN)/tend check -c $(or $(CONFIG),examples/tend.toml)

# Shell completions and the man page are generated from the command-line definitions (ArgumentParser).
GENERATED = .build/share

completions: release
	install -d $(GENERATED)/completions
	$$($(SWIFT) build -c release --show-bin-path)/tend --generate-completion-script bash > $(GENERATED)/completions/tend.bash
	$$($(SWIFT) build -c release --show-bin-path)/tend --generate-completion-script zsh > $(GENERATED)/completions/_tend
	$$($(SWIFT) build -c release --show-bin-path)/tend --generate-completion-script fish > $(GENERATED)/completions/tend.fish

man: deps
	install -d $(GENERATED)/man
	$(SWIFT) package plugin --allow-writing-to-directory $(GENERATED)/man generate-manual --multi-page --output-directory $(GENERATED)/man

install: release completions man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $$($(SWIFT) build -c release --show-bin-path)/tend $(DESTDIR)$(PREFIX)/bin/tend
	install -m 0644 $(GENERATED)/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -D -m 0644 $(GENERATED)/completions/tend.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/tend
	install -D -m 0644 $(GENERATED)/completions/_tend $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_tend
	install -D -m 0644 $(GENERATED)/completions/tend.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/tend.fish
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system
	sed 's|@BINDIR@|$(PREFIX)/bin|' examples/tend.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/tend.service

# Benchmarks: tend beside supervisord (from PyPI, in .venv-bench) on the same scenarios; writes BENCHMARKS.md.
# QUICK=1 runs smaller sizes and fewer repetitions, for trying the harness out.
BENCH_VENV = .venv-bench
bench: deps $(STATIC_CXX)/libstdc++.so
	@if [ ! -x $(BENCH_VENV)/bin/supervisord ]; then \
		python3 -m venv $(BENCH_VENV) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && python3 -m venv $(BENCH_VENV); }; \
		$(BENCH_VENV)/bin/pip install --quiet supervisor; \
	fi
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	$(SWIFT) package --package-path Benchmarks/Micro benchmark list >/dev/null
	python3 Benchmarks/bench.py --tend "$$($(SWIFT) build -c release --show-bin-path)/tend" --venv $(BENCH_VENV) \
		$(if $(filter-out 0,$(QUICK)),--quick) $(if $(ONLY),--only $(ONLY))

clean:
	rm -rf .build
