# The mm/vmalloc series and its harness.  See README.md.
#
#   make test          apply the series, build the test kernel, boot it,
#                      run the KUnit suites and test_vmalloc (smoke)
#   make test PATCHES=1  the same with only the first N patches applied
#                      (PATCHES=1: the API suite on the untouched base)
#   make test ARCH=arm64  the same, cross-built for arm64 and booted on
#                      qemu-system-aarch64 -M virt (not in CI: see README);
#                      KASAN=sw-tags with software tag-based KASAN
#   make run           build the bench kernel, run test_vmalloc's workloads
#   make bench         base vs series, interleaved boots, tables + chart
#   make bench-vmmap   vm_map_ram() map+unmap at 1-64 pages, 1-4 threads
#   make check         checkpatch, zero-fuzz apply, sparse, W=1, kernel-doc,
#                      the arm64 build
#   make check-bisect  build every prefix of the series
#   make faults        the test kernel with failslab and fail_page_alloc:
#                      test_vmalloc and KVA exhaustion under 10% allocation
#                      failures, exact leak checks (not in CI: see README)
#   make kcsan         the series under KCSAN: KUnit + test_vmalloc, no
#                      data race in mm/vmalloc.c or mm/vmap_kva.c
#   make tree          working tree of base + series in .work/tree
#   make export        write .work/tree's commits back to patches/
#   make export-check  fail if .work/tree holds work patches/ does not

SHELL := /bin/bash
H := harness

.PHONY: all deps base test run bench bench-vmmap lockstat kcsan faults check check-bisect tree \
	export export-check clean distclean

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
