#!/usr/bin/env bash
# Custos's figures on both backends, side by side, in one run: `custos bench` (the encrypted import
# beside plain inserts of the same rows into the same backend, find and read by email, the audience
# decided and exported with its peak memory, access requests and erasures, then the retention sweep
# over SUBJECTS people with five records each) on SQLite, then on a
# private PostgreSQL cluster started for the run (fsync on, as in production), then one table.
# Needs a release build (swift build -c release --product custos); PostgreSQL is installed from
# Debian's packages if missing. CUSTOS_BINARY names another build to measure.
#
# `scripts/bench.sh hot-paths` instead runs the hot paths under ordo-one/benchmark (Benchmarks/:
# the contact decision, a find, a read through the door, an access request, an import batch, an
# audit append) and checks their allocations against Benchmarks/Thresholds; `hot-paths update`
# stores this run's figures there as the new thresholds.
# Usage: scripts/bench.sh [ROWS] [SUBJECTS] [LOOKUPS] [REQUESTS] | scripts/bench.sh hot-paths [update]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "hot-paths" ]; then
  cd Benchmarks
  if [ "${2:-}" = "update" ]; then
    exec swift package --allow-writing-to-package-directory benchmark thresholds update
  fi
  exec swift package benchmark thresholds check --path "$PWD/Thresholds"
fi
rows=${1:-100000}
subjects=${2:-100000}
lookups=${3:-2000}
requests=${4:-200}
custos=${CUSTOS_BINARY:-.build/release/custos}
[ -x "$custos" ] || { echo "build first: swift build -c release --product custos" >&2; exit 2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_update() {
  as_root apt-get update -qq || as_root apt-get -o APT::Sandbox::User=root update -qq
}
# shellcheck source=scripts/private-postgres.sh
source scripts/private-postgres.sh
start_private_postgres -c max_connections=100 -c shared_buffers=128MB
"${run_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U custos custos_bench

out=$(mktemp -d /tmp/custos-bench.XXXXXX)
trap 'stop_postgres; rm -rf "$out"' EXIT
arguments=(bench --rows "$rows" --subjects "$subjects" --lookups "$lookups" --requests "$requests")
database="postgres://custos@127.0.0.1:$pg_port/custos_bench?sslmode=disable"
echo "==> SQLite"
"$custos" "${arguments[@]}" | tee "$out/sqlite.txt"
"$custos" bench --retention --subjects "$subjects" | tee -a "$out/sqlite.txt"
echo "==> PostgreSQL"
"$custos" "${arguments[@]}" --database "$database" | tee "$out/postgres.txt"
"$custos" bench --retention --subjects "$subjects" --database "$database" | tee -a "$out/postgres.txt"

# Each figure is a line "what: how much"; the two runs print the same lines in the same order.
python3 - "$out/sqlite.txt" "$out/postgres.txt" <<'PY'
import sys
def figures(path):
    found = {}
    for line in open(path):
        what, _, value = line.rstrip("\n").partition(": ")
        if value and not what.startswith("backend"):
            found[what.replace("plain SQLite", "plain").replace("plain PostgreSQL", "plain")] = value
    return found
sqlite, postgres = figures(sys.argv[1]), figures(sys.argv[2])
print("\n| Figure | SQLite | PostgreSQL |\n| --- | --- | --- |")
for what in dict.fromkeys(list(sqlite) + list(postgres)):
    print(f"| {what} | {sqlite.get(what, '')} | {postgres.get(what, '')} |")
PY
