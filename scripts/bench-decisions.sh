#!/usr/bin/env bash
# The contact decision over HTTP beside a bare Hummingbird route, side by side in one run:
# `wrk` against GET /healthz (a small JSON answer, nothing else), against
# GET /api/v1/contact-decisions?subject=&purpose=&channel=&list= and against
# POST /api/v1/contact-decisions (each: token checked, the person's ledger, states and
# suppressions read, the decision made and answered in JSON), and an API read of one person
# (GET /api/v1/subjects/ID for a purpose: the door's decision, the records opened, the read audited).
# Needs a release build (swift build -c release --product custos) and wrk (apt-get install wrk).
# CUSTOS_BINARY names another build to measure (an earlier commit's, side by side).
# Usage: scripts/bench-decisions.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
custos=${CUSTOS_BINARY:-.build/release/custos}
[ -x "$custos" ] || { echo "build first: swift build -c release --product custos" >&2; exit 2; }
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

folder=$(mktemp -d /tmp/custos-bench-decisions.XXXXXX)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
    if [ -n "${CUSTOS_BENCH_KEEP:-}" ]; then echo "kept: $folder" >&2; else rm -rf "$folder"; fi
}
trap cleanup EXIT
[ -n "${CUSTOS_BENCH_PROFILE:-}" ] && profile=1 || profile=""
data=(--data "$folder/data")

"$custos" init --policy Examples/asset.yaml "${data[@]}" > /dev/null
{
    echo "Name,School name,Email"
    for number in $(seq 1 1000); do echo "Contact $number,School $((number % 50)),contact$number@school.example"; done
} > "$folder/contacts.csv"
"$custos" import --type contact --purpose account_management "$folder/contacts.csv" "${data[@]}" > /dev/null
subject=$("$custos" subject find --email contact500@school.example "${data[@]}")
"$custos" consent record --subject "$subject" --purpose marketing --list newsletter --source web_form \
    "${data[@]}" > /dev/null
token=$("$custos" token add --name bench --role staff "${data[@]}" 2> /dev/null)

port=$((20000 + RANDOM % 20000))
LOG_LEVEL=warning "$custos" serve --port "$port" "${data[@]}" > "$folder/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done

answer=$(curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"subject\":\"$subject\",\"purpose\":\"marketing\",\"channel\":\"email\",\"list\":\"newsletter\"}" \
    "http://127.0.0.1:$port/api/v1/contact-decisions")
echo "one decision: $answer"

cat > "$folder/decision.lua" << LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject":"$subject","purpose":"marketing","channel":"email","list":"newsletter"}'
LUA
cat > "$folder/question.lua" << LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
cat > "$folder/read.lua" << LUA
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Custos-Purpose"] = "account_management"
LUA
question="http://127.0.0.1:$port/api/v1/contact-decisions?subject=$subject&purpose=marketing&channel=email&list=newsletter"

if [ -n "$profile" ]; then
    # CUSTOS_BENCH_PROFILE=1: record the server under load with perf, and print the top symbols.
    wrk -t2 -c"$connections" -d"${seconds}s" -s "$folder/question.lua" "$question" > /dev/null &
    load=$!
    perf record -F 999 -g -p "$server" -o "$folder/perf.data" -- sleep $((seconds - 2)) > "$folder/perf.log" 2>&1 || cat "$folder/perf.log" >&2
    wait "$load"
    perf report -i "$folder/perf.data" --children --percent-limit 2 --stdio 2> /dev/null | grep -E "^ +[0-9.]+%" | head -60
    exit 0
fi

rate() { awk '/Requests\/sec/ { print int($2) }'; }
bare=$(wrk -t2 -c"$connections" -d"${seconds}s" "http://127.0.0.1:$port/healthz" | rate)
asked=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$folder/question.lua" "$question" | rate)
decisions=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$folder/decision.lua" \
    "http://127.0.0.1:$port/api/v1/contact-decisions" | rate)
echo "bare JSON route (GET /healthz): $bare requests/s"
echo "contact decision (GET /api/v1/contact-decisions?subject=…): $asked requests/s, $((asked * 100 / bare))% of the bare route"
echo "contact decision (POST /api/v1/contact-decisions): $decisions requests/s, $((decisions * 100 / bare))% of the bare route"
reads=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$folder/read.lua" "http://127.0.0.1:$port/api/v1/subjects/$subject" | rate)
echo "API read of one person (GET /api/v1/subjects/ID, for a purpose): $reads requests/s, $((reads * 100 / bare))% of the bare route"
