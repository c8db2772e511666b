#!/usr/bin/env bash
# Builds a release of Custos for this machine's architecture: one binary with the Swift standard
# library and Foundation linked in statically, so that it needs only what a Debian or Ubuntu server
# has (the C and C++ runtimes, zlib and SQLite: libc6, libstdc++6, zlib1g, libsqlite3-0), and a
# tarball with it, the documentation, the example policies, the example configuration and the
# systemd unit, laid out for /usr/local:
#
#   bin/custos
#   share/doc/custos/        README.md and docs/*.md (install.md first)
#   share/custos/examples/   the example policies
#   share/custos/custos.yaml the example configuration (for /etc/custos/custos.yaml)
#   lib/systemd/system/custos.service
#
# Usage: scripts/release.sh [OUT_DIR]   (default: .build/release-artifacts)
# Writes custos-VERSION-linux-ARCH.tar.gz and its .sha256 beside it, and prints the tarball's path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-$root/.build/release-artifacts}
mkdir -p "$out"
out=$(cd "$out" && pwd)

echo "==> Building custos (release, static Swift standard library)" >&2
swift build -c release --product custos --static-swift-stdlib >&2
binary=$(swift build -c release --product custos --static-swift-stdlib --show-bin-path)/custos

version=$("$binary" --version)
arch=$(uname -m)
name="custos-$version-linux-$arch"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
prefix="$stage/$name"

install -d "$prefix/bin" "$prefix/share/doc/custos" "$prefix/share/custos/examples" "$prefix/lib/systemd/system"
install -m 0755 "$binary" "$prefix/bin/custos"
strip "$prefix/bin/custos" 2>/dev/null || true
install -m 0644 README.md "$prefix/share/doc/custos/README.md"
install -m 0644 docs/*.md "$prefix/share/doc/custos/"
install -m 0644 Examples/*.yaml Examples/README.md "$prefix/share/custos/examples/"
install -m 0644 deploy/custos.yaml "$prefix/share/custos/custos.yaml"
install -m 0644 deploy/custos.service "$prefix/lib/systemd/system/custos.service"

tarball="$out/$name.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "==> $(du -h "$tarball" | cut -f1) $tarball" >&2
ldd "$prefix/bin/custos" | sed 's/^/    needs /' >&2 || true
echo "$tarball"
