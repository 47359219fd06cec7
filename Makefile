# The commands of the README. Each installs what it needs first, and only what is missing.
.PHONY: run test package bench

run:
	scripts/setup-system.sh run
	cargo run -p oso --bin oso --locked

test:
	scripts/setup-system.sh test
	scripts/test.sh

# The installable bundle (.deb) of a release build; prints its path. See README, "Installing".
package:
	scripts/setup-system.sh package
	scripts/package.sh

# Every benchmark in release mode against its baseline, into one Markdown report.
bench:
	scripts/setup-system.sh test
	scripts/bench.sh
