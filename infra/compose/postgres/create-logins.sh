#!/bin/bash
# A login and a schema per LineTrace service, each login owning its schema and nothing else: no service can read
# another's tables, and none may create schemas. PostgreSQL's image runs this once, on an empty data directory; for
# an existing server run it yourself (README: an existing PostgreSQL) with POSTGRES_USER, POSTGRES_DB and
# SECRETS_DIR set.
set -euo pipefail
secrets="${SECRETS_DIR:-/run/secrets}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" <<SQL
revoke create on database "${POSTGRES_DB}" from public;
revoke create on schema public from public;
SQL

for service in identity tracking provisioning trace deadletter metrics audit; do
    password="$(cat "${secrets}/${service}_db_password")"
    psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" \
        --set login="linetrace_${service}" --set password="${password}" --set schema="${service}" <<'SQL'
create role :"login" login password :'password';
create schema :"schema" authorization :"login";
revoke all on schema :"schema" from public;
SQL
done
