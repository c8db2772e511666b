#!/usr/bin/env bash
# Runs the whole test suite, set-up included, on a new machine with only the Swift toolchain:
#   1. PostgreSQL from Debian's packages (installed if missing), started as a private cluster on
#      127.0.0.1 and stopped afterwards;
#   2. a Python virtual environment (.venv) with the external validators (fideslang);
#   3. Chromium and chromedriver from Debian's packages (installed if missing), and axe-core, for
#      browser tests (screenshots of the console's pages land in screenshots/);
#   4. the one door checked (scripts/check-door.sh), and shown to fail on trees that reach around it;
#   5. swift build --build-tests, then swift test against the real database;
#   6. on a full run, two `custos serve` processes on one PostgreSQL database, under bounded load
#      (Tests/servers), the API against its OpenAPI document with schemathesis (Tests/api), the
#      demo in the browser through Python selenium (Tests/selenium), then the release: built by
#      scripts/release.sh, unpacked into a temporary prefix and run from there (Tests/release).
# Arguments are passed on to `swift test` (e.g. --filter PolicyLinterTests); with any, step 6 is
# skipped, unless CUSTOS_TEST_SERVERS=1 asks for the two-server suite, CUSTOS_TEST_API=1 for the
# schemathesis run or CUSTOS_TEST_RELEASE=1 for the release (a release build: minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Some images cannot run gpgv inside apt's _apt sandbox; signatures are then checked as root instead.
apt_update() {
  as_root apt-get update -qq || as_root apt-get -o APT::Sandbox::User=root update -qq
}

# --- PostgreSQL ------------------------------------------------------------------------------
# shellcheck source=scripts/private-postgres.sh
source scripts/private-postgres.sh
start_private_postgres -c fsync=off -c max_locks_per_transaction=256 -c max_connections=400
export CUSTOS_TEST_POSTGRES_URL="postgres://custos@127.0.0.1:$pg_port/postgres?sslmode=disable"

# --- Python validators -------------------------------------------------------------------------
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating the Python virtual environment (.venv)"
  if ! python3 -m venv .venv 2>/dev/null; then
    apt_update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
echo "==> Installing Python validators (scripts/requirements-test.txt)"
.venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
export CUSTOS_PYTHON="$root/.venv/bin/python"

# --- Headless Chromium, for the browser tests --------------------------------------------------
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "==> Installing Chromium and chromedriver from Debian's packages"
  apt_update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# axe-core, the accessibility checker the browser tests run in each page. It has no Debian package
# and npm is out of reach; PyPI's axe-selenium-python wheel carries axe-core 4.10.2, so the file is
# taken from there (the wheel is not installed: it wants a newer Python than Debian's).
axe_dir="$root/.venv/axe-core-4.10.2"
if [ ! -f "$axe_dir/axe.min.js" ]; then
  echo "==> Fetching axe-core 4.10.2 (from PyPI's axe-selenium-python 3.0.0 wheel)"
  axe_tmp=$(mktemp -d)
  .venv/bin/pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --python-version 3.12 -d "$axe_tmp" axe-selenium-python==3.0.0
  .venv/bin/python -m zipfile -e "$axe_tmp"/axe_selenium_python-3.0.0-py3-none-any.whl "$axe_tmp/wheel"
  mkdir -p "$axe_dir"
  cp "$axe_tmp/wheel/axe_selenium_python/node_modules/axe-core/axe.min.js" "$axe_dir/axe.min.js"
  rm -rf "$axe_tmp"
fi
export CUSTOS_AXE_JS="$axe_dir/axe.min.js"

# In this run every external part must be present: a missing one fails its tests, never skips them.
export CUSTOS_REQUIRE_EXTERNAL=1

# --- The one door ------------------------------------------------------------------------------
scripts/check-door.sh
# The check must catch a way around the door: a page importing a backend, mail naming a store.
door_probe=$(mktemp -d /tmp/custos-door.XXXXXX)
for reach in "CustosServer/Application+build.swift:import CustosSQLite" \
  "CustosMail/OutboxService.swift:func reach(_ store: any PersonalDataStore) {}" \
  "custos/ServeCommand.swift:let reach = SQLiteStore.self"; do
  rm -rf "$door_probe/Sources" && cp -r Sources "$door_probe/Sources"
  echo "${reach#*:}" >>"$door_probe/Sources/${reach%%:*}"
  if scripts/check-door.sh "$door_probe" 2>/dev/null; then
    echo "scripts/check-door.sh passed a tree where ${reach%%:*} reaches around the door" >&2
    exit 1
  fi
done
rm -rf "$door_probe"

# --- Swift -----------------------------------------------------------------------------------
echo "==> Building"
swift build --build-tests
echo "==> Testing"
swift test "$@"

if [ "$#" -eq 0 ] || [ -n "${CUSTOS_TEST_SERVERS:-}" ]; then
  echo "==> Two servers on one PostgreSQL database (Tests/servers)"
  "${run_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U custos custos_servers
  CUSTOS_SERVERS_DATABASE_URL="postgres://custos@127.0.0.1:$pg_port/custos_servers?sslmode=disable" \
    .venv/bin/python -m unittest discover -s Tests/servers -v
fi

if [ "$#" -eq 0 ] || [ -n "${CUSTOS_TEST_API:-}" ]; then
  echo "==> The API against its OpenAPI document, with schemathesis (Tests/api)"
  .venv/bin/python -m unittest discover -s Tests/api -v
fi

if [ "$#" -eq 0 ]; then
  echo "==> The demo in the browser, through Python selenium"
  .venv/bin/python -m unittest discover -s Tests/selenium -v
fi

if [ "$#" -eq 0 ] || [ -n "${CUSTOS_TEST_RELEASE:-}" ]; then
  echo "==> The release, unpacked into a prefix and run from there (Tests/release)"
  .venv/bin/python -m unittest discover -s Tests/release -v
fi
