-- Orleans ADO.NET streaming (Microsoft.Orleans.Streaming.AdoNet 10.4.2-alpha.1): a durable queue per
-- (service, provider, queue id).
--
-- Life of a message: queued (Dequeued = 0, visible at once) -> dequeued by the silo that owns the queue
-- (Dequeued + 1, hidden until VisibleOn) -> confirmed once delivered (deleted). A silo that dies holding
-- a message never confirms it: the message becomes visible again at VisibleOn and the queue's next owner
-- delivers it (at least once). Dequeued doubles as a receipt: confirming or releasing names the count the
-- caller saw, so a receiver that lost the queue cannot touch a message another receiver took since.
-- A message dequeued MaxAttempts times, or older than its expiry, moves to OrleansStreamDeadLetter, which
-- keeps it for RemovalTimeout seconds for inspection.
--
-- Timeouts arrive as whole seconds (integers). All times are UTC (timestamptz).

CREATE SEQUENCE IF NOT EXISTS OrleansStreamMessageSequence AS bigint;

CREATE TABLE IF NOT EXISTS OrleansStreamMessage
(
    ServiceId  varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId    varchar(150) NOT NULL,
    MessageId  bigint       NOT NULL DEFAULT nextval('OrleansStreamMessageSequence'),
    Dequeued   integer      NOT NULL,
    VisibleOn  timestamptz  NOT NULL,
    ExpiresOn  timestamptz  NOT NULL,
    CreatedOn  timestamptz  NOT NULL,
    ModifiedOn timestamptz  NOT NULL,
    Payload    bytea        NOT NULL,

    CONSTRAINT pk_orleansstreammessage PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

CREATE TABLE IF NOT EXISTS OrleansStreamDeadLetter
(
    ServiceId  varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId    varchar(150) NOT NULL,
    MessageId  bigint       NOT NULL,
    Dequeued   integer      NOT NULL,
    VisibleOn  timestamptz  NOT NULL,
    ExpiresOn  timestamptz  NOT NULL,
    CreatedOn  timestamptz  NOT NULL,
    ModifiedOn timestamptz  NOT NULL,
    DeadOn     timestamptz  NOT NULL,
    RemoveOn   timestamptz  NOT NULL,
    Payload    bytea        NULL,

    CONSTRAINT pk_orleansstreamdeadletter PRIMARY KEY (ServiceId, ProviderId, QueueId, MessageId)
);

-- When each queue is next due for eviction; whoever moves EvictOn forward runs it.
CREATE TABLE IF NOT EXISTS OrleansStreamControl
(
    ServiceId  varchar(150) NOT NULL,
    ProviderId varchar(150) NOT NULL,
    QueueId    varchar(150) NOT NULL,
    EvictOn    timestamptz  NOT NULL,

    CONSTRAINT pk_orleansstreamcontrol PRIMARY KEY (ServiceId, ProviderId, QueueId)
);

-- The queue's own writes commit without waiting for their WAL to reach the disk (synchronous_commit off for the
-- calling transaction only). Nothing acknowledged can be lost by it: a message is published by the daemon's
-- subscription, whose checkpoint commits after it and flushes the WAL up to there (a crash before that replays the
-- page); a lost dequeue or confirmation only offers the message again (delivery is at least once). Without it each of
-- these small transactions waited for a WAL flush of its own, and the event appends' commits queued behind them.
CREATE OR REPLACE FUNCTION orleans_stream_commit_without_flush()
RETURNS text
LANGUAGE sql
VOLATILE
AS $function$
    SELECT set_config('synchronous_commit', 'off', true);
$function$;

-- Moves up to p_max_count messages that can no longer be delivered (too many attempts and not currently
-- held, or expired) to the dead letters; returns how many moved.
CREATE OR REPLACE FUNCTION orleans_stream_evict_messages(
    p_service_id      text,
    p_provider_id     text,
    p_queue_id        text,
    p_max_count       integer,
    p_max_attempts    integer,
    p_removal_timeout integer)
RETURNS integer
LANGUAGE sql
AS $function$
    WITH doomed AS (
        SELECT m.MessageId
        FROM OrleansStreamMessage m
        WHERE m.ServiceId = p_service_id AND m.ProviderId = p_provider_id AND m.QueueId = p_queue_id
          AND ((m.Dequeued >= p_max_attempts AND m.VisibleOn <= now()) OR m.ExpiresOn <= now())
        ORDER BY m.MessageId
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    ), moved AS (
        DELETE FROM OrleansStreamMessage m
        USING doomed d
        WHERE m.ServiceId = p_service_id AND m.ProviderId = p_provider_id AND m.QueueId = p_queue_id
          AND m.MessageId = d.MessageId
        RETURNING m.*
    ), dead AS (
        INSERT INTO OrleansStreamDeadLetter
            (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
        SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
               now(), now() + p_removal_timeout * interval '1 second', Payload
        FROM moved
        RETURNING 1
    )
    SELECT count(*)::integer FROM dead;
$function$;

CREATE OR REPLACE FUNCTION orleans_stream_evict_dead_letters(
    p_service_id  text,
    p_provider_id text,
    p_queue_id    text,
    p_max_count   integer)
RETURNS integer
LANGUAGE sql
AS $function$
    WITH expired AS (
        SELECT d.MessageId
        FROM OrleansStreamDeadLetter d
        WHERE d.ServiceId = p_service_id AND d.ProviderId = p_provider_id AND d.QueueId = p_queue_id
          AND d.RemoveOn <= now()
        ORDER BY d.MessageId
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    ), removed AS (
        DELETE FROM OrleansStreamDeadLetter d
        USING expired e
        WHERE d.ServiceId = p_service_id AND d.ProviderId = p_provider_id AND d.QueueId = p_queue_id
          AND d.MessageId = e.MessageId
        RETURNING 1
    )
    SELECT count(*)::integer FROM removed;
$function$;

-- Dequeues up to p_max_count visible messages in MessageId order and hides them for p_visibility_timeout
-- seconds. At most once per p_eviction_interval seconds per queue it first evicts what cannot be delivered.
CREATE OR REPLACE FUNCTION orleans_stream_get_messages(
    p_service_id          text,
    p_provider_id         text,
    p_queue_id            text,
    p_max_count           integer,
    p_max_attempts        integer,
    p_visibility_timeout  integer,
    p_removal_timeout     integer,
    p_eviction_interval   integer,
    p_eviction_batch_size integer)
RETURNS TABLE (
    ServiceId  varchar(150),
    ProviderId varchar(150),
    QueueId    varchar(150),
    MessageId  bigint,
    Dequeued   integer,
    VisibleOn  timestamptz,
    ExpiresOn  timestamptz,
    CreatedOn  timestamptz,
    ModifiedOn timestamptz,
    Payload    bytea)
LANGUAGE plpgsql
AS $function$
#variable_conflict use_column
BEGIN
    PERFORM orleans_stream_commit_without_flush();
    INSERT INTO OrleansStreamControl AS c (ServiceId, ProviderId, QueueId, EvictOn)
    VALUES (p_service_id, p_provider_id, p_queue_id, now())
    ON CONFLICT ON CONSTRAINT pk_orleansstreamcontrol DO NOTHING;

    UPDATE OrleansStreamControl AS c
    SET EvictOn = now() + p_eviction_interval * interval '1 second'
    WHERE c.ServiceId = p_service_id AND c.ProviderId = p_provider_id AND c.QueueId = p_queue_id
      AND c.EvictOn <= now();
    IF FOUND THEN
        PERFORM orleans_stream_evict_messages(p_service_id, p_provider_id, p_queue_id, p_eviction_batch_size, p_max_attempts, p_removal_timeout);
        PERFORM orleans_stream_evict_dead_letters(p_service_id, p_provider_id, p_queue_id, p_eviction_batch_size);
    END IF;

    RETURN QUERY
    WITH batch AS (
        SELECT m.MessageId
        FROM OrleansStreamMessage m
        WHERE m.ServiceId = p_service_id AND m.ProviderId = p_provider_id AND m.QueueId = p_queue_id
          AND m.Dequeued < p_max_attempts
          AND m.VisibleOn <= now()
          AND m.ExpiresOn > now()
        ORDER BY m.MessageId
        LIMIT p_max_count
        FOR UPDATE SKIP LOCKED
    )
    UPDATE OrleansStreamMessage AS m
    SET Dequeued = m.Dequeued + 1,
        VisibleOn = now() + p_visibility_timeout * interval '1 second',
        ModifiedOn = now()
    FROM batch b
    WHERE m.ServiceId = p_service_id AND m.ProviderId = p_provider_id AND m.QueueId = p_queue_id
      AND m.MessageId = b.MessageId
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId, m.Dequeued, m.VisibleOn, m.ExpiresOn, m.CreatedOn, m.ModifiedOn, m.Payload;
END;
$function$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('QueueStreamMessageKey', $q$
INSERT INTO OrleansStreamMessage
    (ServiceId, ProviderId, QueueId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload)
SELECT @ServiceId, @ProviderId, @QueueId, 0, now(), now() + @ExpiryTimeout * interval '1 second', now(), now(), @Payload
FROM orleans_stream_commit_without_flush()
RETURNING ServiceId, ProviderId, QueueId, MessageId;
$q$),

('GetStreamMessagesKey', $q$
SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, Payload
FROM orleans_stream_get_messages(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts, @VisibilityTimeout,
                                 @RemovalTimeout, @EvictionInterval, @EvictionBatchSize);
$q$),

-- Items is "MessageId:Receipt|MessageId:Receipt|..." where Receipt is the Dequeued count the receiver saw:
-- positive confirms delivery (the message is deleted), negative releases it unconfirmed (visible again at
-- once, for the queue's next owner). Either only applies while Dequeued still equals the receipt.
('ConfirmStreamMessagesKey', $q$
WITH items AS (
    SELECT split_part(item, ':', 1)::bigint AS MessageId, split_part(item, ':', 2)::integer AS Receipt
    FROM unnest(string_to_array(@Items, '|')) AS item, orleans_stream_commit_without_flush()
    WHERE item <> ''
), confirmed AS (
    DELETE FROM OrleansStreamMessage m
    USING items i
    WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
      AND i.Receipt > 0 AND m.MessageId = i.MessageId AND m.Dequeued = i.Receipt
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId
), released AS (
    UPDATE OrleansStreamMessage m
    SET VisibleOn = now(), ModifiedOn = now()
    FROM items i
    WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
      AND i.Receipt < 0 AND m.MessageId = i.MessageId AND m.Dequeued = -i.Receipt
    RETURNING m.ServiceId, m.ProviderId, m.QueueId, m.MessageId
)
SELECT ServiceId, ProviderId, QueueId, MessageId FROM confirmed
UNION ALL
SELECT ServiceId, ProviderId, QueueId, MessageId FROM released;
$q$),

-- A delivery failed: offer the message again at once while attempts remain, else move it to the dead letters.
('FailStreamMessageKey', $q$
WITH retried AS (
    UPDATE OrleansStreamMessage m
    SET VisibleOn = now(), ModifiedOn = now()
    WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
      AND m.MessageId = @MessageId AND m.Dequeued < @MaxAttempts
    RETURNING m.MessageId
), moved AS (
    DELETE FROM OrleansStreamMessage m
    WHERE m.ServiceId = @ServiceId AND m.ProviderId = @ProviderId AND m.QueueId = @QueueId
      AND m.MessageId = @MessageId AND m.Dequeued >= @MaxAttempts
    RETURNING m.*
)
INSERT INTO OrleansStreamDeadLetter
    (ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn, DeadOn, RemoveOn, Payload)
SELECT ServiceId, ProviderId, QueueId, MessageId, Dequeued, VisibleOn, ExpiresOn, CreatedOn, ModifiedOn,
       now(), now() + @RemovalTimeout * interval '1 second', Payload
FROM moved;
$q$),

('EvictStreamMessagesKey', $q$
SELECT orleans_stream_evict_messages(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts, @RemovalTimeout);
$q$),

('EvictStreamDeadLettersKey', $q$
SELECT orleans_stream_evict_dead_letters(@ServiceId, @ProviderId, @QueueId, @MaxCount);
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
