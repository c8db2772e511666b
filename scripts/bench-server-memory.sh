#!/usr/bin/env bash
# A server's resident memory over a large workspace, at each stage of a day's work: started; after
# its first daily retention sweep; under contact decisions and API reads over HTTP (wrk); after an
# audience export over the API (each of the three again after the server's next trim); and its
# peak. The workspace is one `custos bench --keep` made (its data folder and master key): for a
# million contacts,
#   .build/release/custos bench --rows 10000 --subjects 1000000 --requests 0 --keep
# Needs a release build and wrk (apt-get install wrk). SQLite's page caches may be set for the
# server with CUSTOS_SQLITE_* (docs/operations.md, "Sizing"), and malloc's arenas with
# MALLOC_ARENA_MAX (2 unless set, as the packaged unit runs it).
# Usage: scripts/bench-server-memory.sh FOLDER [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:?usage: scripts/bench-server-memory.sh FOLDER [SECONDS] [CONNECTIONS]}
seconds=${2:-15}
connections=${3:-64}
custos=${CUSTOS_BINARY:-.build/release/custos}
[ -x "$custos" ] || { echo "build first: swift build -c release --product custos" >&2; exit 2; }
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[ -f "$folder/data/custos.sqlite" ] || { echo "$folder holds no data folder from custos bench --keep" >&2; exit 2; }

store=(--data "$folder/data" --key-file "$folder/master.key")
scratch=$(mktemp -d /tmp/custos-bench-memory.XXXXXX)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT

subject=$("$custos" subject find --email contact500@school500.sch.uk "${store[@]}")
# The DPO's role: only the DPO and admins may export an audience. The token stays in the bench's
# workspace, which is made for measuring and holds only synthetic people.
token=$("$custos" token add --name "memory-$RANDOM" --role dpo "${store[@]}" 2> /dev/null)
# Resident memory, and of it what the process holds itself (anonymous) and what is the program's
# and its libraries' pages mapped from files (shared, and given back by the kernel when short).
resident() {
    awk '/^VmRSS/ { all = int($2 / 1024) } /^RssAnon/ { anon = int($2 / 1024) } /^RssFile/ { file = int($2 / 1024) }
        END { print all " MB (" anon " MB its own, " file " MB mapped from the program and its libraries)" }' \
        "/proc/$server/status"
}
peak() { awk '/^VmHWM/ { print int($2 / 1024) " MB" }' "/proc/$server/status"; }
# Waits until the server has used no CPU for 3 seconds (its start-up sweep done).
settle() {
    local last="" now
    while true; do
        now=$(awk '{ print $14 + $15 }' "/proc/$server/stat")
        [ "$now" = "$last" ] && break
        last=$now
        sleep 3
    done
}

port=$((20000 + RANDOM % 20000))
# As the packaged unit runs it (deploy/custos.service): glibc's malloc held to two arenas, unless
# MALLOC_ARENA_MAX says otherwise.
arenas=${MALLOC_ARENA_MAX:-2}
echo "MALLOC_ARENA_MAX=$arenas"
MALLOC_ARENA_MAX=$arenas LOG_LEVEL=warning "$custos" serve --port "$port" "${store[@]}" > "$scratch/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done
echo "started: $(resident)"
settle
echo "after its daily retention sweep (none when the workspace was swept today already): $(resident)"

cat > "$scratch/question.lua" << LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
cat > "$scratch/read.lua" << LUA
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Custos-Purpose"] = "account_management"
LUA
rate() { awk '/Requests\/sec/ { print int($2) }'; }
# What the server holds once its next trim (every 10 s) has given back what the work freed.
trimmed() { sleep 11; echo "  and 11 s later: $(resident)"; }
question="http://127.0.0.1:$port/api/v1/contact-decisions?subject=$subject&purpose=marketing&channel=email&list=newsletter"
asked=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$scratch/question.lua" "$question" | rate)
echo "after ${seconds} s of contact decisions ($asked a second): $(resident)"
trimmed
reads=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$scratch/read.lua" \
    "http://127.0.0.1:$port/api/v1/subjects/$subject" | rate)
echo "after ${seconds} s of API reads of one person ($reads a second): $(resident)"
trimmed

start=$(date +%s%N)
curl -fs -H "Authorization: Bearer $token" -H "Custos-Reason: memory bench" -o "$scratch/audience.csv" \
    "http://127.0.0.1:$port/api/v1/audiences?purpose=marketing&channel=email&list=newsletter&format=csv"
members=$(($(wc -l < "$scratch/audience.csv") - 1))
seconds_taken=$(( ($(date +%s%N) - start) / 100000000 ))
echo "after an audience export over the API ($members people in $((seconds_taken / 10)).$((seconds_taken % 10)) s): $(resident)"
trimmed
echo "peak: $(peak)"
