#!/usr/bin/env bash
# PostgreSQL's first start (docker-compose.yml mounts this directory on /docker-entrypoint-initdb.d): the accounts the
# application and the retention purge connect as. POSTGRES_USER owns the schema and runs Liquibase, which grants them
# what they may do (docs/data-protection.md#who-may-change-the-ledger). Passwords come from the environment.
set -euo pipefail
: "${PATHWAYS_APP_DB_PASSWORD:?set PATHWAYS_APP_DB_PASSWORD}"
: "${PATHWAYS_RETENTION_DB_PASSWORD:?set PATHWAYS_RETENTION_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v app_password="$PATHWAYS_APP_DB_PASSWORD" -v retention_password="$PATHWAYS_RETENTION_DB_PASSWORD" <<'SQL'
create role pathways_app login password :'app_password';
create role pathways_retention login password :'retention_password';
SQL
