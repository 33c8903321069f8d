-- Orleans ADO.NET providers: the named-query catalogue.
--
-- Every Orleans ADO.NET provider starts by running
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and then only ever executes the texts stored here, binding parameters by name
-- (Npgsql rewrites @Name placeholders to positional parameters).
--
-- Identifiers are deliberately unquoted everywhere: PostgreSQL folds them to lower case,
-- which is exactly what Orleans' own unquoted, hard-coded query above resolves to.
-- Objects are created in the first schema of the connection's search_path (normally public).
--
-- Idempotent: safe to run again; later scripts upsert their rows so that re-running upgrades query text.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT pk_orleansquery PRIMARY KEY (QueryKey)
);
