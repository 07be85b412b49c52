# pgpair — build, test, demo and benchmark targets.
#
#   make deps    install what is missing from Debian's packages (needs root)
#   make build   debug build of every target, tests included
#   make test    deps + build, then every test inside a fresh network namespace
#   make demo    deps + build, then the two-node lab demo (pgpair-lab demo)
#   make bench   deps + release build, then every benchmark (pgpair-lab bench all)
#
# Tests, the demo and the benchmarks run under `unshare --net`: a network
# namespace of their own with only loopback up, so nothing they start can reach
# off this machine.

SHELL := /bin/bash
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
DEBIAN_PACKAGES := pkg-config libpq-dev libssh2-1-dev postgresql postgresql-contrib rsync socat \
	openssh-server iproute2 iputils-arping iputils-ping stress-ng util-linux procps
# Runs a command in a fresh network namespace with only loopback up.
ISOLATED := unshare --net -- /bin/sh -c 'ip link set lo up && exec "$$0" "$$@"'

.PHONY: deps build test demo bench release clean

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then echo "make deps: missing $$missing; run as root to install them" >&2; exit 1; fi; \
		echo "make deps: installing" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build:
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	@# git does not keep file modes other than the executable bit; pgpair refuses an authkeys
	@# readable by others, so give the sample the mode it must have.
	@chmod 600 etc/pgpair/authkeys

test: deps build
	@[ "$$(id -u)" = 0 ] || { echo "make test: the tests build network namespaces and start PostgreSQL as postgres; run as root" >&2; exit 1; }
	$(ISOLATED) $(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS)

release:
	$(SWIFT) build -c release $(SWIFT_BUILD_FLAGS)

demo: deps build
	$(ISOLATED) "$$($(SWIFT) build --show-bin-path)/pgpair-lab" demo

bench: deps release
	$(ISOLATED) "$$($(SWIFT) build -c release --show-bin-path)/pgpair-lab" bench all

clean:
	rm -rf .build
