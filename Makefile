# The mm/vmalloc series and its harness.  `make help` (the default) lists
# every target and knob; it prints the table of README.md's "Targets and
# knobs" section, which is where both are written down.

SHELL := /bin/bash
H := harness

.PHONY: help all deps base test run bench bench-vmmap lockstat kcsan faults check check-bisect tree \
	export export-check clean distclean

help:
	@$(H)/help.sh

all: test

deps:
	@$(H)/deps.sh

base: deps
	@$(H)/base.sh

test:
	@$(H)/test.sh $(PATCHES)

run:
	@$(H)/run.sh

bench:
	@$(H)/bench.sh

bench-vmmap:
	@$(H)/bench-vmmap.sh

lockstat:
	@$(H)/lockstat.sh

kcsan:
	@$(H)/kcsan.sh

faults:
	@$(H)/faults.sh

check:
	@$(H)/check.sh

check-bisect:
	@$(H)/check.sh --bisect

tree: deps
	@$(H)/tree.sh $(if $(FORCE),--force)

export:
	@$(H)/export.sh

export-check:
	@$(H)/export.sh --check

# Build outputs only; keeps the imported base, ccache and the tree.
clean:
	rm -rf .work/obj .work/logs

distclean:
	@$(H)/export.sh --check || { echo "refusing: unexported work in .work/tree"; exit 1; }
	rm -rf "$$(readlink -f .work)" .work
