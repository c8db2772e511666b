# Sourced by scripts/test.sh and scripts/bench.sh: PostgreSQL from Debian's packages (installed if
# missing), started as a private cluster on 127.0.0.1 in a temporary folder, stopped at exit.
#   start_private_postgres [SERVER OPTIONS]   sets pg_bin, pg_port, pg_dir and run_pg, and starts it;
#   stop_postgres                             stops it and removes its folder (trapped at EXIT).
# Needs as_root and apt_update from the sourcing script.

start_private_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "==> Installing PostgreSQL from Debian's packages"
    apt_update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi

  pg_dir=$(mktemp -d /tmp/custos-pg.XXXXXX)
  pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  run_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root; the postgres user comes with Debian's package.
    chown postgres "$pg_dir"
    run_pg=(runuser -u postgres --)
  fi
  trap stop_postgres EXIT

  echo "==> Starting PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$pg_port"
  "${run_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U custos --auth=trust -E UTF8 >/dev/null
  "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 $*" start >/dev/null
}

stop_postgres() {
  "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
