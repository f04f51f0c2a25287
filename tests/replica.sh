#!/usr/bin/env bash
# Run a command against a private, throw-away PostgreSQL primary and a streaming replica of it:
#
#     tests/replica.sh .venv/bin/pytest -q -m replica tests/scaleout
#
# The primary is made like tests/postgres.sh's cluster (fresh temporary folder, Unix socket only,
# trust, no fsync); the replica is a second cluster made from it with `pg_basebackup -R` (a standby
# streaming the primary's WAL, read-only, hot_standby) on its own socket folder and port. Both are
# stopped and removed when the command ends, however it ends. The command gets DATABASE_URL (the
# primary) and DATABASE_REPLICA_URL (the replica), database `portalhub`; its exit status is this
# script's. Exit status 3: PostgreSQL is not installed (Debian: apt-get install postgresql).
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
port=${PG_TEST_PORT:-54339}
replica_port=$((port + 1))

if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    owner=$(id -un)
    as_owner() { "$@"; }
fi

workdir=$(mktemp -d "${PG_TEST_TMP:-/tmp}/portalhub-replica.XXXXXX")
chmod 755 "$workdir"
mkdir -p "$workdir/primary" "$workdir/replica" "$workdir/primary-socket" "$workdir/replica-socket"
touch "$workdir/primary.log" "$workdir/replica.log"
chmod 700 "$workdir/replica"
chown -R "$owner" "$workdir"

cleanup() {
    status=$?
    for cluster in replica primary; do
        if [ -f "$workdir/$cluster/postmaster.pid" ]; then
            as_owner "$bindir/pg_ctl" -D "$workdir/$cluster" -m immediate -w stop >/dev/null 2>&1 || true
        fi
    done
    rm -rf "$workdir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

options="-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
start() {  # cluster port
    if ! as_owner "$bindir/pg_ctl" -D "$workdir/$1" -l "$workdir/$1.log" -w -t 60 start \
        -o "-p $2 -k $workdir/$1-socket $options" >/dev/null; then
        cat "$workdir/$1.log" >&2
        exit 1
    fi
}

# initdb's trust setup includes local replication connections; wal_level=replica is the default.
as_owner "$initdb" -D "$workdir/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log" >&2; exit 1; }
start primary "$port"
"$bindir/createdb" -h "$workdir/primary-socket" -p "$port" -U postgres portalhub

# -R writes standby.signal and primary_conninfo; -X stream copies the WAL needed to start.
as_owner "$bindir/pg_basebackup" -h "$workdir/primary-socket" -p "$port" -U postgres \
    -D "$workdir/replica" -R -X stream >"$workdir/basebackup.log" 2>&1 ||
    { cat "$workdir/basebackup.log" >&2; exit 1; }
start replica "$replica_port"

export DATABASE_URL="postgres://postgres@/portalhub?host=$workdir/primary-socket&port=$port"
export DATABASE_REPLICA_URL="postgres://postgres@/portalhub?host=$workdir/replica-socket&port=$replica_port"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}'): primary on port $port, streaming replica on port $replica_port (Unix sockets in $workdir)"
"$@"
