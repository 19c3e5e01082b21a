# peerdesk - plain Makefile.  See README.md and docs/ARCHITECTURE.md.
#
#   make            build build/peerdesk (installs nothing: see make deps)
#   make deps       as root: install the Debian packages the build needs
#                   (tools/deps.sh; make check, demo and bench do it too)
#   make check      every test tier, then the unit/data/screen tiers and
#                   end-to-end scripts (E2E_SAN_T) again under
#                   AddressSanitizer and UBSan (build/san)
#   make demo       build, create demo/peerdesk.db if missing, open it
#   make install    PREFIX=/usr/local DESTDIR= SYSCONFDIR=/etc
#                   STATEDIR=/var/lib/peerdesk PEERDESK_GROUP=peerdesk
#                   (setgid; docs/admin.md "Installing for many users").
#                   SYSCONFDIR and STATEDIR are built into the program
#                   ($(O)/gen/paths.h): changing them rebuilds what uses them
#   make uninstall  the same settings: remove what install put there (the
#                   database and the settings file are kept)
#   make fuzz       build the libFuzzer targets (clang) in build/fuzz and
#                   run each for FUZZ_TIME seconds (also part of check)
#   make bench      benchmarks (not part of check; BENCH=--callgrind counts)
#
# Switches: WERROR=0 to allow warnings, SAN=address,undefined, O=dir.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/peerdesk
SYSCONFDIR ?= /etc
STATEDIR ?= /var/lib/peerdesk
PEERDESK_GROUP ?= peerdesk
PKGCONF ?= pkg-config
HOST_CC ?= $(CC)
O       ?= build
WERROR  ?= 1
SAN     ?=
CFLAGS  ?= -O2 -g
V       ?= 0
# Build in parallel on every core unless told otherwise (make -j1); a
# make started by this one shares its jobs.
ifeq ($(filter -j%,$(MAKEFLAGS))$(MAKELEVEL),0)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)
endif
ifeq ($(V),1)
Q :=
say = @:
else
Q := @
say = @printf '  %-6s %s\n' $(1) $(2)
endif

PKGS      := ncursesw sqlite3 yaml-0.1 cairo pangocairo libcrypt
TEST_PKGS := check

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wundef \
	-Wpointer-arith -Wvla -Wcast-qual -Wno-format-nonliteral

# pkg-config is asked once, and only after `deps` has had its chance to
# install what is missing (these expand lazily, then cache themselves).
PKG_CFLAGS  = $(eval PKG_CFLAGS := $(shell $(PKGCONF) --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS    = $(eval PKG_LIBS := $(shell $(PKGCONF) --libs $(PKGS)) -lm)$(PKG_LIBS)
CHECK_CFLAGS = $(eval CHECK_CFLAGS := $(shell $(PKGCONF) --cflags $(TEST_PKGS)))$(CHECK_CFLAGS)
CHECK_LIBS  = $(eval CHECK_LIBS := $(shell $(PKGCONF) --libs $(TEST_PKGS)))$(CHECK_LIBS)

XCPP = -Iinclude -I$(O)/gen $(PKG_CFLAGS) -U_XOPEN_SOURCE \
	-D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED
XCFLAGS = -std=c11 $(WARN) $(if $(filter 1,$(WERROR)),-Werror) \
	$(if $(SAN),-fsanitize=$(SAN) -fno-omit-frame-pointer -fno-sanitize-recover=all) \
	-MMD -MP
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

LIB_SRC := $(sort $(wildcard src/core/*.c src/model/*.c src/db/*.c \
	src/config/*.c src/app/*.c src/cli/*.c src/report/*.c \
	src/tui/*.c src/tui/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(O)/%.o) $(O)/gen/embedded.o
DATA    := $(sort $(wildcard data/migrations/*.sql data/*.yaml))
DOC_FILES := README.md COPYING $(sort $(wildcard docs/*.md))

# Test-only code (fixtures, direct inserts, the screen harness and the
# sampler screens) lives under tests/ and is linked into the test
# programs only: libpeerdesk.a and the installed program carry none of it.
SUPPORT_OBJ := $(patsubst %.c,$(O)/%.o,$(sort $(wildcard tests/support/*.c)))
TUI_SUPPORT_OBJ := $(patsubst %.c,$(O)/%.o,$(sort $(wildcard tests/tui/support/*.c)))
# Test tiers 1-3 (Check): every tests/<tier>/check_*.c is its own program.
UNIT_T := $(patsubst %.c,$(O)/%,$(sort $(wildcard tests/unit/check_*.c)))
DB_T   := $(patsubst %.c,$(O)/%,$(sort $(wildcard tests/db/check_*.c)))
TUI_T  := $(patsubst %.c,$(O)/%,$(sort $(wildcard tests/tui/check_*.c)))
E2E_T  := $(sort $(wildcard tests/e2e/t_*.sh))
# The end-to-end scripts also run once against the sanitizer build
# ($(O)/san/peerdesk, leaks checked too), all but these:
#  - the ones that install a setgid copy (t_attack, t_install,
#    t_pay_setgid, t_report_hours, and the ssh ones, which log in to
#    it): a setgid program cannot be traced, so LeakSanitizer stops
#    with a fatal error at every exit, and they would also rebuild and
#    install a whole sanitizer copy each (minutes apiece on 2 cores);
#  - the ones that print through a private CUPS or build `make demo`
#    (t_print, t_plan_print, t_tui_demo), which spend their time outside
#    peerdesk;
#  - t_man, which reads the manual page and runs no use case.
# Measured on 2 shared, busy cores the 23 that run took 8.6 minutes in
# all (a script takes about 3 to 5 times as long as without
# sanitizers), well within check's budget (docs/ARCHITECTURE.md, Tests).
E2E_NOT_SAN := $(addprefix tests/e2e/,t_attack.sh t_install.sh \
	t_pay_setgid.sh t_report_hours.sh t_ssh_editor.sh t_ssh_harness.sh \
	t_ssh_pal.sh t_print.sh t_plan_print.sh t_tui_demo.sh t_man.sh)
E2E_SAN_T := $(filter-out $(E2E_NOT_SAN),$(E2E_T))
FUZZ_T := $(sort $(wildcard tests/fuzz/fuzz_*.c))

all: $(O)/peerdesk

# The packages are installed only when asked (make deps) and by check,
# demo and bench, each before anything is compiled; never by a plain
# make or make install.
deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

# The paths built into the program.  Written on every run, but replaced
# only when they change, so objects that include it (settings.c, through
# its .d file) are rebuilt exactly when SYSCONFDIR or STATEDIR changes.
# It is made before any object (order-only below), so it also says
# plainly when build packages are missing.
$(O)/gen/paths.h: FORCE
	@mkdir -p $(@D)
	@$(PKGCONF) --exists $(PKGS) || { echo "peerdesk: the build needs" \
		"the development files of $(PKGS); as root run: make deps" >&2; \
		exit 1; }
	@printf '%s\n' '/* made by the Makefile: do not edit */' \
		'#define PEERDESK_SYSCONFDIR "$(SYSCONFDIR)"' \
		'#define PEERDESK_STATEDIR "$(STATEDIR)"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else \
		mv $@.tmp $@; echo "  GEN    $@ (SYSCONFDIR=$(SYSCONFDIR)" \
		"STATEDIR=$(STATEDIR))"; fi

# The version, from the file VERSION, the same way: only the files that
# include version.h (src/cli) are rebuilt when it changes.
$(O)/gen/version.h: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '/* made by the Makefile from VERSION: do not edit */' \
		'#define PEERDESK_VERSION "$(VERSION)"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else \
		mv $@.tmp $@; echo "  GEN    $@ ($(VERSION))"; fi

$(O)/%.o: %.c | $(O)/gen/paths.h $(O)/gen/version.h
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(XCPP) $(CPPFLAGS) $(XCFLAGS) $(CFLAGS) -c $< -o $@

$(O)/tests/%.o: tests/%.c | $(O)/gen/paths.h $(O)/gen/version.h
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(XCPP) -Itests $(CHECK_CFLAGS) $(CPPFLAGS) $(XCFLAGS) $(CFLAGS) -c $< -o $@

$(O)/embed: src/tools/embed.c
	@mkdir -p $(@D)
	$(call say,HOSTCC,$@)
	$(Q)$(HOST_CC) -O2 -o $@ $<

$(O)/gen/embedded.c: $(O)/embed $(DATA)
	@mkdir -p $(@D)
	$(call say,GEN,$@)
	$(Q)$(O)/embed data/ $(DATA) > $@.tmp && mv $@.tmp $@

$(O)/gen/embedded.o: $(O)/gen/embedded.c | $(O)/gen/paths.h $(O)/gen/version.h
	$(call say,CC,$<)
	$(Q)$(CC) $(XCPP) $(CPPFLAGS) $(XCFLAGS) $(CFLAGS) -c $< -o $@

# The list of objects, replaced only when it changes, so that a source
# file moved out of src/ (or a new one) remakes the archive.
$(O)/gen/lib-objects: FORCE
	@mkdir -p $(@D)
	@echo '$(LIB_OBJ)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(O)/libpeerdesk.a: $(LIB_OBJ) $(O)/gen/lib-objects
	@rm -f $@
	$(call say,AR,$@)
	$(Q)$(AR) rcs $@ $(LIB_OBJ)

$(O)/peerdesk: $(O)/src/main.o $(O)/libpeerdesk.a
	$(call say,LINK,$@)
	$(Q)$(CC) $(XCFLAGS) $(CFLAGS) $(LDFLAGS) $^ $(PKG_LIBS) -o $@

$(O)/tests/%: $(O)/tests/%.o $(SUPPORT_OBJ) $(O)/libpeerdesk.a
	$(call say,LINK,$@)
	$(Q)$(CC) $(XCFLAGS) $(CFLAGS) $(LDFLAGS) $^ $(CHECK_LIBS) $(PKG_LIBS) -o $@

$(TUI_T): $(O)/tests/tui/%: $(O)/tests/tui/%.o $(TUI_SUPPORT_OBJ) $(SUPPORT_OBJ) \
    $(O)/libpeerdesk.a
	$(call say,LINK,$@)
	$(Q)$(CC) $(XCFLAGS) $(CFLAGS) $(LDFLAGS) $^ $(CHECK_LIBS) $(PKG_LIBS) -o $@

tests-build: $(O)/peerdesk $(UNIT_T) $(DB_T) $(TUI_T)

# Everything: layering, tiers 1-4, then tiers 1-3 again under sanitizers.
# The packages first, then a make of its own, so nothing is compiled
# before they are there (and pkg-config is asked afterwards).
check:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory check-run

check-run: check-layers tests-build
	@$(MAKE) --no-print-directory O=$(O)/san SAN=address,undefined tests-build
	@$(MAKE) --no-print-directory fuzz
	@sh tests/run.sh --bin $(O)/peerdesk --san-dir $(O)/san \
		$(UNIT_T) $(DB_T) $(TUI_T) $(E2E_T) $(addprefix san:,$(E2E_SAN_T))

# Quicker loops while working.
check-unit: tests-build
	@sh tests/run.sh --bin $(O)/peerdesk $(UNIT_T) $(DB_T) $(TUI_T)
check-e2e: $(O)/peerdesk
	@sh tests/run.sh --bin $(O)/peerdesk $(E2E_T)

check-layers:
	@sh tools/check-layers.sh
	@python3 tools/check-circles.py

# Fuzzing: each tests/fuzz/fuzz_NAME.c is a libFuzzer target, built with
# clang and ASan/UBSan in $(O)/fuzz from the same sources, then run for
# FUZZ_TIME seconds over its committed corpus tests/fuzz/corpus/NAME/.
# A crash fails and names the saved input (tests/fuzz/README.md).
FUZZ_CC   ?= clang
FUZZ_TIME ?= 20
FUZZ_SAN  := fuzzer-no-link,address,undefined
FUZZ_OBJ  := $(patsubst %.c,$(O)/%.o,$(sort $(wildcard src/core/*.c \
	src/model/*.c src/config/*.c))) $(O)/gen/embedded.o
FUZZ_BIN  := $(FUZZ_T:%.c=$(O)/%)

fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "fuzz: $(FUZZ_CC)" \
		"is missing; as root run: sh tools/deps.sh test" >&2; exit 1; }
	@$(MAKE) --no-print-directory O=$(O)/fuzz CC='$(FUZZ_CC)' \
		HOST_CC='$(HOST_CC)' SAN=$(FUZZ_SAN) fuzz-build
	@sh tests/fuzz/run.sh --time $(FUZZ_TIME) --work $(O)/fuzz/run \
		$(FUZZ_T:%.c=$(O)/fuzz/%)

# (run with O=.../fuzz CC=clang SAN=fuzzer-no-link,... by `fuzz`)
fuzz-build: $(FUZZ_BIN)

$(O)/tests/fuzz/%: $(O)/tests/fuzz/%.o $(FUZZ_OBJ)
	$(call say,LINK,$@)
	$(Q)$(CC) $(XCFLAGS) -fsanitize=fuzzer,address,undefined $(CFLAGS) \
		$(LDFLAGS) $^ $(PKG_LIBS) -o $@

DEMO_DB ?= demo/peerdesk.db
demo:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory demo-run

demo-run: $(O)/peerdesk
	@mkdir -p $(dir $(DEMO_DB))
	@if [ ! -f $(DEMO_DB) ]; then \
		echo "Creating a demo organisation in $(DEMO_DB) ..."; \
		$(O)/peerdesk --db $(DEMO_DB) demo --scale small || exit 1; \
	fi
	$(O)/peerdesk --db $(DEMO_DB) --config data/demo-config.yaml

demo-reset:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

bench:
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory bench-run

bench-run: $(O)/peerdesk
	@sh tools/bench.sh $(O)/peerdesk $(BENCH)

# Installed for many users (docs/admin.md): the program is setgid
# PEERDESK_GROUP and the data folder belongs to that group, mode 2770, so
# only peerdesk can open the database.  With DESTDIR (packaging) no group
# is made and nothing is given to it; the steps are printed instead.
install: $(O)/peerdesk
	install -d -m 0755 $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DOCDIR) $(DESTDIR)$(SYSCONFDIR)/peerdesk
	install -m 0755 $(O)/peerdesk $(DESTDIR)$(BINDIR)/peerdesk
	$(if $(wildcard docs/peerdesk.1),install -m 0644 docs/peerdesk.1 \
		$(DESTDIR)$(MANDIR)/man1/peerdesk.1)
	install -m 0644 $(DOC_FILES) $(DESTDIR)$(DOCDIR)/
	install -m 0644 data/config.yaml $(DESTDIR)$(DOCDIR)/config.yaml.example
	install -m 0644 data/rules.yaml $(DESTDIR)$(DOCDIR)/rules.yaml.example
	install -m 0644 data/keys.yaml $(DESTDIR)$(DOCDIR)/keys.yaml.example
	install -d -m 2770 $(DESTDIR)$(STATEDIR)
ifeq ($(DESTDIR),)
	getent group $(PEERDESK_GROUP) >/dev/null || \
		groupadd --system $(PEERDESK_GROUP)
	chgrp $(PEERDESK_GROUP) $(BINDIR)/peerdesk $(STATEDIR)
	chmod 2755 $(BINDIR)/peerdesk
	chmod 2770 $(STATEDIR)
	@echo "Installed $(BINDIR)/peerdesk setgid $(PEERDESK_GROUP);" \
		"the database lives in $(STATEDIR) (docs/admin.md)."
else
	@echo "DESTDIR is set, so no group was made and no file was given to" \
		"it.  On the target machine, as root:"
	@echo "  getent group $(PEERDESK_GROUP) || groupadd --system $(PEERDESK_GROUP)"
	@echo "  chgrp $(PEERDESK_GROUP) $(BINDIR)/peerdesk $(STATEDIR)"
	@echo "  chmod 2755 $(BINDIR)/peerdesk; chmod 2770 $(STATEDIR)"
endif

# What install put there, and nothing else: the database (STATEDIR) and
# the settings file the administrator wrote are kept, as is the group
# that owns the data folder (docs/admin.md "Removing peerdesk").
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/peerdesk $(DESTDIR)$(MANDIR)/man1/peerdesk.1
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOC_FILES)) \
		config.yaml.example rules.yaml.example keys.yaml.example)
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null
	-rmdir $(DESTDIR)$(SYSCONFDIR)/peerdesk 2>/dev/null
	@if [ -e $(DESTDIR)$(STATEDIR) ] || \
	    [ -e $(DESTDIR)$(SYSCONFDIR)/peerdesk ]; then \
		echo "Kept: the data folder $(STATEDIR) and the settings in" \
		    "$(SYSCONFDIR)/peerdesk (docs/admin.md, Removing peerdesk)."; fi

clean:
	rm -rf $(O)

FORCE:

.PHONY: all deps deps-test check check-run check-unit check-e2e \
	check-layers demo demo-run demo-reset bench bench-run install \
	uninstall clean tests-build fuzz fuzz-build FORCE
.SECONDARY:
.DELETE_ON_ERROR:

-include $(LIB_OBJ:.o=.d) $(O)/src/main.d $(SUPPORT_OBJ:.o=.d) \
	$(TUI_SUPPORT_OBJ:.o=.d) \
	$(addsuffix .d,$(UNIT_T) $(DB_T) $(TUI_T) $(FUZZ_BIN))
