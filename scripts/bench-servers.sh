#!/usr/bin/env bash
# Mixed API load against one server and against two on the same PostgreSQL database, side by side
# in one run: requests per second and p99 latency for each (wrk, each request in turn a read of one
# person for a purpose, a contact decision, a consent recorded, and a new record written: every
# one but the decision an audited write or read, so every one but the decision takes the audit
# chain's head row), then writes alone, where the head row serialises both servers, and audited
# reads of fifty people alone; during the writes, how often PostgreSQL's active statements were
# waiting for a lock is sampled, which is what the head row costs.
# Needs a release build (swift build -c release --product custos), wrk and PostgreSQL (Debian's
# packages). CUSTOS_BINARY names another build to measure; CUSTOS_BENCH_PG_OPTIONS adds PostgreSQL
# settings (-c synchronous_commit=off shows what the commit's flush, made while the head row is
# held, costs; never run a server so).
# Usage: scripts/bench-servers.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
custos=$(realpath "${CUSTOS_BINARY:-.build/release/custos}")
[ -x "$custos" ] || { echo "build first: swift build -c release --product custos" >&2; exit 2; }
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1 || true)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is needed: apt-get install postgresql" >&2; exit 2; }

folder=$(mktemp -d /tmp/custos-bench-servers.XXXXXX)
run_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$folder"; run_pg=(runuser -u postgres --); fi
servers=()
cleanup() {
    for server in "${servers[@]}"; do kill "$server" 2> /dev/null && wait "$server" 2> /dev/null; done
    "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$folder/pg" -m fast -w stop > /dev/null 2>&1 || true
    rm -rf "$folder"
}
trap cleanup EXIT
pg_port=$((20000 + RANDOM % 20000))
"${run_pg[@]}" "$pg_bin/initdb" -D "$folder/pg" -U custos --auth=trust -E UTF8 > /dev/null
"${run_pg[@]}" "$pg_bin/pg_ctl" -D "$folder/pg" -l "$folder/pg.log" -w \
    -o "-p $pg_port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=200 ${CUSTOS_BENCH_PG_OPTIONS:-}" start > /dev/null
database="postgres://custos@127.0.0.1:$pg_port/postgres?sslmode=disable"
store=(--database "$database" --key-file "$folder/master.key")
chmod 777 "$folder"

"$custos" init --policy Examples/asset.yaml "${store[@]}" > /dev/null
{
    echo "Name,School name,Email"
    for number in $(seq 1 1000); do echo "Contact $number,School $((number % 50)),contact$number@school.example"; done
} > "$folder/contacts.csv"
"$custos" import --type contact --purpose account_management "$folder/contacts.csv" "${store[@]}" > /dev/null
subject=$("$custos" subject find --email contact500@school.example "${store[@]}")
"$custos" consent record --subject "$subject" --purpose marketing --list newsletter --source web_form \
    "${store[@]}" > /dev/null
token=$("$custos" token add --name bench --role staff "${store[@]}" 2> /dev/null)
# Fifty people to read in turn (the one above gathers consents under the mixed load).
readers=""
for number in $(seq 1 50); do
    readers="$readers\"$("$custos" subject find --email "contact$number@school.example" "${store[@]}")\","
done

start_server() {
    local port=$1
    LOG_LEVEL=warning CUSTOS_MAIL_URL="$folder/mail" "$custos" serve --port "$port" "${store[@]}" \
        > "$folder/serve-$port.log" 2>&1 &
    servers+=($!)
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && return
        sleep 0.1
    done
    echo "the server on $port did not start" >&2
    exit 1
}
port_a=$((pg_port + 1))
port_b=$((pg_port + 2))
start_server "$port_a"
start_server "$port_b"

# The four requests in turn; record writes mostly make new people (a repeated address updates).
cat > "$folder/mixed.lua" << LUA
local counter = 0
local shown = 0
function response(status, headers, body)
    if status >= 300 and shown < 2 then shown = shown + 1; io.stderr:write(status .. " " .. body .. "\n") end
end
local auth = "Bearer $token"
function request()
    counter = counter + 1
    local kind = counter % 4
    local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json",
                      ["Custos-Purpose"] = "account_management" }
    if kind == 0 then
        return wrk.format("GET", "/api/v1/subjects/$subject", headers)
    elseif kind == 1 then
        return wrk.format("GET", "/api/v1/contact-decisions?subject=$subject&purpose=marketing&channel=email&list=newsletter", headers)
    elseif kind == 2 then
        return wrk.format("POST", "/api/v1/subjects/$subject/consents", headers,
            '{"action":"given","purpose":"marketing","channel":"email","list":"newsletter","source":"web_form"}')
    else
        return wrk.format("POST", "/api/v1/records", headers,
            '{"type":"contact","values":{"name":"Bench","school_name":"Hill","email":"w' .. counter .. 'x' .. math.random(1e5) .. '@bench.example"}}')
    end
end
LUA
cat > "$folder/writes.lua" << LUA
local counter = 0
local shown = 0
function response(status, headers, body)
    if status >= 300 and shown < 2 then shown = shown + 1; io.stderr:write(status .. " " .. body .. "\n") end
end
function request()
    counter = counter + 1
    return wrk.format("POST", "/api/v1/records", { ["Authorization"] = "Bearer $token",
        ["Content-Type"] = "application/json", ["Custos-Purpose"] = "account_management" },
        '{"type":"contact","values":{"name":"Bench","school_name":"Hill","email":"x' .. counter .. 'y' .. math.random(1e5) .. '@bench.example"}}')
end
LUA
cat > "$folder/reads.lua" << LUA
local people, counter = { $readers }, 0
function request()
    counter = counter + 1
    return wrk.format("GET", "/api/v1/subjects/" .. people[counter % #people + 1],
        { ["Authorization"] = "Bearer $token", ["Custos-Purpose"] = "account_management" })
end
LUA

# While a load runs: how often the database's active statements were waiting for a lock (on
# record writes, the audit chain's head row), sampled ten times a second for the load's length.
sample_locks() {
    local waiting=0 active=0 line
    for _ in $(seq 1 $((seconds * 10 - 5))); do
        line=$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U custos -d postgres -Atc \
            "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'), count(*) FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()" || echo "0|0")
        waiting=$((waiting + ${line%%|*}))
        active=$((active + ${line##*|}))
        sleep 0.1
    done
    echo "$((active > 0 ? waiting * 100 / active : 0))"
}

# wrk's requests per second, 99th percentile and failed answers from its --latency report.
summary() { awk '/Requests\/sec/ { rate = int($2) } /^ +99%/ { p = $2 } /Non-2xx/ { bad = $NF } END { print rate, p, bad + 0 }'; }
one() { wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$1" "http://127.0.0.1:$port_a/" | summary; }
two() {
    wrk -t1 -c$((connections / 2)) -d"${seconds}s" --latency -s "$1" "http://127.0.0.1:$port_a/" | summary > "$folder/a.txt" &
    wrk -t1 -c$((connections / 2)) -d"${seconds}s" --latency -s "$1" "http://127.0.0.1:$port_b/" | summary > "$folder/b.txt"
    wait
    read -r rate_a p99_a bad_a < "$folder/a.txt"
    read -r rate_b p99_b bad_b < "$folder/b.txt"
    echo "$((rate_a + rate_b)) $p99_a/$p99_b $((bad_a + bad_b))"
}

read -r rate p99 bad <<< "$(one "$folder/mixed.lua")"
echo "mixed load, one server:  $rate requests/s, p99 $p99, $bad failed"
read -r rate p99 bad <<< "$(two "$folder/mixed.lua")"
echo "mixed load, two servers: $rate requests/s, p99 $p99 (server a/server b), $bad failed"
sample_locks > "$folder/locks.txt" &
sampler=$!
read -r rate p99 bad <<< "$(one "$folder/writes.lua")"
wait "$sampler"
echo "record writes, one server:  $rate requests/s, p99 $p99, $bad failed; $(cat "$folder/locks.txt")% of active statements waiting on a lock"
sample_locks > "$folder/locks.txt" &
sampler=$!
read -r rate p99 bad <<< "$(two "$folder/writes.lua")"
wait "$sampler"
echo "record writes, two servers: $rate requests/s, p99 $p99 (server a/server b), $bad failed; $(cat "$folder/locks.txt")% of active statements waiting on a lock"
read -r rate p99 bad <<< "$(one "$folder/reads.lua")"
echo "person reads, one server:  $rate requests/s, p99 $p99, $bad failed"
read -r rate p99 bad <<< "$(two "$folder/reads.lua")"
echo "person reads, two servers: $rate requests/s, p99 $p99 (server a/server b), $bad failed"
echo "cores: $(nproc) for PostgreSQL, both servers and wrk"
"$custos" audit verify "${store[@]}" | tail -1
