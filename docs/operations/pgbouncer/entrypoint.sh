#!/bin/sh
# PgBouncer in transaction mode for socialaid: writes its configuration from the environment,
# then becomes PgBouncer. compose.yaml's `pgbouncer` profile runs it in the image built from the
# Dockerfile beside it; tests/pgbouncer.py runs this same script in front of the test database.
set -eu
: "${SOCIALAID_APP_ROLE_PASSWORD:?set it to what socialaid db app-role-password prints}"
conf_dir="${PGBOUNCER_CONF_DIR:-/etc/pgbouncer}"
db_name="${DB_NAME:-socialaid}"
umask 077
# Only the application role comes through PgBouncer: migrations, the owner's pool and the LISTEN
# connections go to PostgreSQL directly (README, "Scaling out").
printf '"socialaid_app" "%s"\n' "$SOCIALAID_APP_ROLE_PASSWORD" > "$conf_dir/userlist.txt"
cat > "$conf_dir/pgbouncer.ini" <<INI
[databases]
$db_name = host=${DB_HOST:-postgres} port=${DB_PORT:-5432} dbname=$db_name user=socialaid_app

[pgbouncer]
listen_addr = ${LISTEN_ADDR:-0.0.0.0}
listen_port = ${LISTEN_PORT:-6432}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $conf_dir/userlist.txt
pool_mode = transaction
default_pool_size = ${DEFAULT_POOL_SIZE:-20}
max_db_connections = ${MAX_DB_CONNECTIONS:-0}
max_client_conn = ${MAX_CLIENT_CONN:-1000}
; Transaction pooling: the app keeps no session state (its tenant scope is transaction-local).
server_reset_query =
INI
# PgBouncer will not run as root; the image runs as postgres, a root caller names a user.
exec pgbouncer ${PGBOUNCER_USER:+-u "$PGBOUNCER_USER"} "$conf_dir/pgbouncer.ini"
