-- Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet): membership protocol storage.
--
-- One OrleansMembershipVersionTable row per deployment (cluster id) carries the table version
-- that Orleans uses as its optimistic-concurrency token: every successful insert or update of a
-- membership row must present the current version and bumps it by one, atomically.
-- Heartbeats (UpdateIAmAlivetimeKey) and clean-up do not change the version.
--
-- Status values are Orleans' SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address      varchar(45)  NOT NULL,
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(150) NOT NULL,
    Status       integer      NOT NULL,
    ProxyPort    integer      NULL,
    SuspectTimes text         NULL,
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,

    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Inserts a silo's row if the caller's table version is still current, then bumps the version.
-- The version row is locked first (SELECT ... FOR UPDATE), so concurrent writers of one deployment
-- are serialised and a loser re-reads the bumped version and fails cleanly: nothing is written
-- unless everything succeeds, without relying on exceptions or assertions.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_silo_name       text,
    p_host_name       text,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $function$
DECLARE
    v_current integer;
BEGIN
    SELECT v.Version INTO v_current
    FROM OrleansMembershipVersionTable v
    WHERE v.DeploymentId = p_deployment_id
    FOR UPDATE;

    IF NOT FOUND OR p_version IS NULL OR v_current <> p_version THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id;

    RETURN true;
END
$function$;

-- Updates a silo's row (status, suspicions, heartbeat) under the same version discipline.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id   text,
    p_address         text,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $function$
DECLARE
    v_current integer;
BEGIN
    SELECT v.Version INTO v_current
    FROM OrleansMembershipVersionTable v
    WHERE v.DeploymentId = p_deployment_id
    FOR UPDATE;

    IF NOT FOUND OR p_version IS NULL OR v_current <> p_version THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
    WHERE DeploymentId = p_deployment_id
      AND Address = p_address
      AND Port = p_port
      AND Generation = p_generation;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = p_deployment_id;

    RETURN true;
END
$function$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the deployment's version row once; one row, one column: true when this call created it.
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS Inserted FROM inserted;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS Inserted;
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS Updated;
$q$),

-- Heartbeat: never checked by Orleans, does not change the table version.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation;
$q$),

-- The version row is always returned (LEFT JOIN); a NULL StartTime tells Orleans there is no silo row.
('MembershipReadRowKey', $q$
SELECT
    v.DeploymentId,
    m.Address,
    m.Port,
    m.Generation,
    m.SiloName,
    m.HostName,
    m.Status,
    m.ProxyPort,
    m.SuspectTimes,
    m.StartTime,
    m.IAmAliveTime,
    v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
    ON m.DeploymentId = v.DeploymentId
   AND m.Address = @Address
   AND m.Port = @Port
   AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
SELECT
    v.DeploymentId,
    m.Address,
    m.Port,
    m.Generation,
    m.SiloName,
    m.HostName,
    m.Status,
    m.ProxyPort,
    m.SuspectTimes,
    m.StartTime,
    m.IAmAliveTime,
    v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
    ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Used by clients (gateway list provider): active silos with a gateway endpoint. @Status is 3 (Active).
('GatewaysQueryKey', $q$
SELECT
    Address,
    ProxyPort,
    Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0;
$q$),

-- Removes the whole deployment (rows first, then the version row, in one statement).
('DeleteMembershipTableEntriesKey', $q$
WITH deleted_members AS (
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable
WHERE DeploymentId = @DeploymentId;
$q$),

-- Bulk clean-up: dead silos that neither started, heartbeated nor were suspected after the cut-off.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND IAmAliveTime < @IAmAliveTime
  AND StartTime < @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = '';
$q$),

-- Per-row clean-up (optional key; Orleans prefers it when present): Orleans has read the table,
-- decided which Dead rows are defunct, and deletes each one only if it is still exactly as read.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
