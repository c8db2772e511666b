#!/usr/bin/env bash
# The one door, checked: personal data is reached only through the services (CustosServices).
#   - The web layer, mail and the command line (CustosServer, CustosMail, custos) name no store:
#     no backend, no storage-contract protocol or change set, and they import neither a backend
#     nor the storage contract (its records come re-exported by the services).
#   - Only the composition root (CustosDeployment) names a backend.
#   - The services name no backend; the storage contract and the backends do not use the services.
# Run by scripts/test.sh. With a folder argument, checks that tree's Sources instead of this one's
# (the suite proves the check fails on a tree that reaches around the door).
set -euo pipefail
root=${1:-"$(cd "$(dirname "$0")/.." && pwd)"}
cd "$root/Sources"

stores='CustosStore|WorkspaceStore|PersonalDataStore|AccessTokenStore|ContactStore|CookieConsentStore|MessageStore|RequestStore|TaskStore|LegalHoldStore|RetentionStore|ComplaintStore|BreachStore|DisclosureStore|StaffUserStore|RegistrationStore|SQLiteStore|PostgresStore|SQLiteBackup|ChangeSet'
failed=0
fail() {
  echo "check-door: $1" >&2
  echo "$2" | sed 's/^/  /' >&2
  failed=1
}
# Code lines only: comments may name what they like.
code() { grep -rnE --include='*.swift' "$1" "${@:2}" | grep -vE '^[^:]+:[0-9]+:\s*//' || true; }

found=$(code "^\s*(@testable |public |package |internal |@_exported public )?import (CustosStorage|CustosSQLite|CustosPostgres|GRDB|GRDBSQLite|PostgresNIO)\b" CustosServer CustosMail custos)
[ -z "$found" ] || fail "the web layer, mail and the command line import a store's module:" "$found"

found=$(code "\b($stores)\b" CustosServer CustosMail custos)
[ -z "$found" ] || fail "the web layer, mail and the command line name a store:" "$found"

found=$(code "^\s*(public |package |internal )?import (CustosSQLite|CustosPostgres|GRDB|GRDBSQLite|PostgresNIO)\b" CustosServices CustosStorage CustosCore)
[ -z "$found" ] || fail "the services, the storage contract or the domain name a backend:" "$found"

found=$(code "^\s*(public |package |internal )?import CustosServices\b" CustosStorage CustosSQLite CustosPostgres)
[ -z "$found" ] || fail "the storage contract or a backend uses the services:" "$found"

if [ "$failed" -ne 0 ]; then
  echo "check-door: every use of personal data goes through the services (docs/development.md)." >&2
  exit 1
fi
echo "check-door: only the services and the composition root reach the store."
