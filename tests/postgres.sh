#!/usr/bin/env bash
# Run a command against a private, throw-away PostgreSQL cluster:
#
#     tests/postgres.sh .venv/bin/pytest
#
# The cluster lives in a fresh temporary folder, listens only on a Unix socket there (no TCP, so it
# cannot clash with a system cluster on 5432), trusts local connections, skips fsync, and is stopped
# and removed when the command ends, however it ends. The command gets DATABASE_URL pointing at the
# database `portalhub` in it; its exit status is this script's. Exit status 3: PostgreSQL is not
# installed (Debian: apt-get install postgresql).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 command [args...]" >&2
    exit 2
fi

initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
    echo "PostgreSQL not installed (no /usr/lib/postgresql/*/bin/initdb)" >&2
    exit 3
fi
bindir=$(dirname "$initdb")
port=${PG_TEST_PORT:-54329}

# initdb and postgres refuse to run as root: run them as the postgres user, which then needs to
# own the cluster's folders and enter every parent folder.
if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    owner=$(id -un)
    as_owner() { "$@"; }
fi

workdir=$(mktemp -d "${PG_TEST_TMP:-/tmp}/portalhub-pg.XXXXXX")
chmod 755 "$workdir"
data="$workdir/data"
socket="$workdir/socket"
log="$workdir/postgres.log"
mkdir -p "$data" "$socket"
touch "$log"
chown -R "$owner" "$workdir"

cleanup() {
    status=$?
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$workdir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 ||
    { cat "$workdir/initdb.log" >&2; exit 1; }
if ! as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start \
    -o "-p $port -k $socket -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null; then
    cat "$log" >&2
    exit 1
fi
"$bindir/createdb" -h "$socket" -p "$port" -U postgres portalhub

export DATABASE_URL="postgres://postgres@/portalhub?host=$socket&port=$port"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}'): private cluster on socket $socket, port $port"
"$@"
