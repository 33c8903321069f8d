#!/usr/bin/env bash
# Run once by the postgres container on a fresh data volume (/docker-entrypoint-initdb.d): the CallLoop database and
# its least-privilege roles, with the passwords the AppHost hands the container.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'calloopdb'" | grep -q 1 \
  || psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c 'CREATE DATABASE calloopdb'
psql --username "$POSTGRES_USER" --dbname calloopdb \
  -v database=calloopdb \
  -v silo_password="$CALLLOOP_SILO_DB_PASSWORD" \
  -v client_password="$CALLLOOP_CLIENT_DB_PASSWORD" \
  -f "$(dirname "${BASH_SOURCE[0]}")/database-roles.psql"
