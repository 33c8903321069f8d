using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Projections.Facts;

namespace CallLoop.Silo.Analytics;

/// <summary>
/// The analysts' SQL surface: schema <c>analytics</c> with views over the report tables and request records,
/// and a read-only role that may read those views and nothing else (not Marten's event tables). Every view is a
/// security barrier, so a function an analyst puts in a WHERE clause only ever sees the rows the view lets through;
/// and nobody but the owner may create temporary objects (where such functions would otherwise be defined).
/// </summary>
public static class AnalyticsSchema
{
    public const string Schema = "analytics";

    public const string AnalystRole = "callloop_analyst";

    public static IReadOnlyList<string> Views { get; } =
        ["request_records", "collection_facts", "disclosure_facts", "state_category_facts", "consent_ledger", "personal_data_access", "processor_deliveries", "incident_obligations", "incidents"];

    private static readonly string Privacy = PrivacyEventStoreExtensions.SchemaName;

    public static string ViewsSql { get; } = $"""
        create schema if not exists {Schema};

        create or replace view {Schema}.request_records as
        select d.data ->> 'subjectId' as subject_id,
               d.data ->> 'requestId' as request_id,
               d.data ->> 'type' as type,
               d.data ->> 'channel' as channel,
               d.data ->> 'jurisdiction' as jurisdiction,
               (d.data ->> 'viaAuthorizedAgent')::boolean as via_authorized_agent,
               d.data ->> 'status' as status,
               (d.data ->> 'receivedAt')::timestamptz as received_at,
               (d.data ->> 'confirmationDueAt')::timestamptz as confirmation_due_at,
               (d.data ->> 'receiptConfirmedAt')::timestamptz as receipt_confirmed_at,
               (d.data ->> 'dueAt')::timestamptz as due_at,
               (d.data ->> 'extended')::boolean as extended,
               (d.data ->> 'verifiedAt')::timestamptz as verified_at,
               d.data ->> 'verificationMethod' as verification_method,
               (d.data ->> 'verificationFailedAt')::timestamptz as verification_failed_at,
               (d.data ->> 'respondedAt')::timestamptz as responded_at,
               d.data ->> 'outcome' as outcome,
               d.data ->> 'denialReason' as denial_reason,
               null::text as denial_basis, -- free text: kept out of the analysts' reach (read through audited history)
               (d.data ->> 'appealFiledAt')::timestamptz as appeal_filed_at,
               (d.data ->> 'appealDueAt')::timestamptz as appeal_due_at,
               (d.data ->> 'appealDecidedAt')::timestamptz as appeal_decided_at,
               d.data ->> 'appealOutcome' as appeal_outcome,
               (d.data ->> 'isOpen')::boolean as is_open,
               (d.data ->> 'currentDueAt')::timestamptz as current_due_at,
               -- Appended (a view can only grow at the end): processors' propagation and what legal holds kept.
               coalesce(d.data ->> 'status' = 'awaiting-processors', false) as awaiting_processors,
               (d.data ->> 'awaitingProcessorsSince')::timestamptz as awaiting_processors_since,
               array(select jsonb_array_elements_text(coalesce(d.data -> 'processorsNotified', '[]'))) as processors_notified,
               array(select jsonb_array_elements_text(coalesce(d.data -> 'processorsAcknowledged', '[]'))) as processors_acknowledged,
               array(select jsonb_array_elements_text(coalesce(d.data -> 'processorsNotYetAcknowledged', '[]'))) as processors_pending,
               coalesce(jsonb_array_length(d.data -> 'processorsNotYetAcknowledged'), 0) as processors_pending_count,
               array(select jsonb_array_elements_text(coalesce(d.data -> 'retainedCategories', '[]'))) as retained_categories,
               array(select jsonb_array_elements_text(coalesce(d.data -> 'processorsWaived', '[]'))) as processors_waived,
               -- Appended: when the erasure was carried out, and what the deadline reminders recorded.
               (d.data ->> 'erasedAt')::timestamptz as erased_at,
               (d.data ->> 'reopenedAt')::timestamptz as reopened_at,
               (d.data ->> 'dueSoonWarnedAt')::timestamptz as due_soon_warned_at,
               (d.data ->> 'overdueAt')::timestamptz as overdue_at,
               (d.data ->> 'confirmationDueSoonWarnedAt')::timestamptz as confirmation_due_soon_warned_at,
               (d.data ->> 'confirmationOverdueAt')::timestamptz as confirmation_overdue_at,
               (d.data ->> 'appealDueSoonWarnedAt')::timestamptz as appeal_due_soon_warned_at,
               (d.data ->> 'appealOverdueAt')::timestamptz as appeal_overdue_at
        from {Privacy}.mt_doc_requestrecord d;

        create or replace view {Schema}.collection_facts as
        select seq_id, subject_id, state, category, source, source_detail, purposes, collected_at
        from {ReportTables.Qualified(ReportTables.CollectionFacts)};

        create or replace view {Schema}.disclosure_facts as
        select seq_id, subject_id, state, category, purpose, recipient, recipient_type, disclosed_at
        from {ReportTables.Qualified(ReportTables.DisclosureFacts)};

        create or replace view {Schema}.state_category_facts as
        select 'collected'::text as fact, seq_id, subject_id, state, category, source, source_detail, purposes,
               null::text as disclosure_purpose, null::text as recipient_type, collected_at as occurred_at
        from {ReportTables.Qualified(ReportTables.CollectionFacts)}
        union all
        select 'disclosed'::text, seq_id, subject_id, state, category, null::text, null::text, null::text[],
               purpose, recipient_type, disclosed_at
        from {ReportTables.Qualified(ReportTables.DisclosureFacts)};

        -- Evidence is left out: analysts count consents; proving one is done through the API.
        create or replace view {Schema}.consent_ledger as
        select seq_id, subject_id, entry, purpose, basis, notice_version, channel, method, request_id, occurred_at
        from {ReportTables.Qualified(ReportTables.ConsentLedger)};

        -- Processor delivery health: one row per webhook delivery owed to a processor; codes, counts and times only.
        create or replace view {Schema}.processor_deliveries as
        select d.data ->> 'subjectId' as subject_id,
               d.data ->> 'deliveryId' as delivery_id,
               d.processor,
               d.data ->> 'action' as action,
               d.data ->> 'requestId' as request_id,
               d.status,
               (d.data ->> 'attempts')::int as attempts,
               (d.data ->> 'redeliveries')::int as redeliveries,
               d.planned_at,
               (d.data ->> 'lastAttemptAt')::timestamptz as last_attempt_at,
               (d.data ->> 'deliveredAt')::timestamptz as delivered_at,
               (d.data ->> 'deadLetteredAt')::timestamptz as dead_lettered_at,
               (d.data ->> 'redeliveryRequestedAt')::timestamptz as redelivery_requested_at,
               (d.data ->> 'acknowledgedAt')::timestamptz as acknowledged_at,
               (d.data ->> 'waivedAt')::timestamptz as waived_at
        from {Privacy}.mt_doc_deliveryqueueentry d;

        -- The read audit: who read a subject's personal values, when, why and which categories were held; no values.
        create or replace view {Schema}.personal_data_access as
        select e.seq_id,
               e.stream_id as subject_id,
               e.version,
               e.data ->> 'accessedBy' as accessed_by,
               e.data ->> 'purpose' as purpose,
               e.data ->> 'view' as accessed_view,
               e.data ->> 'requestId' as request_id,
               array(select jsonb_array_elements_text(e.data -> 'categories')) as categories,
               e.timestamp as accessed_at
        from {Privacy}.mt_events e
        where e.type = '{EventTypeNames.All[typeof(PersonalDataAccessed)]}';

        -- Breach-notice obligations per incident, jurisdiction and kind (individuals, regulator); the state moves with the clock.
        create or replace view {Schema}.incident_obligations as
        select o.incident_id, o.jurisdiction, o.obligation, o.required, o.affected, o.deadline, o.discovered_at, o.due_at, o.met_at,
               case when not o.required then 'not-required'
                    when o.met_at is not null then 'met'
                    when o.due_at is null then 'open'
                    when now() >= o.due_at then 'overdue'
                    when now() >= o.due_soon_at then 'due-soon'
                    else 'open' end as state
        from {ReportTables.Qualified(IncidentTables.Obligations)} o;

        -- Every incident, obligations or not: when discovered, its assessment's status (a failed one with its error type and attempts), people affected.
        create or replace view {Schema}.incidents as
        select i.incident_id, i.discovered_at, i.reported_at, i.assessment, i.assessment_status, i.affected, i.failed_attempts, i.error_type
        from {ReportTables.Qualified(IncidentTables.Incidents)} i;

        {string.Concat(Views.Select(view => $"alter view {Schema}.{view} set (security_barrier = true);\n"))}
        """;

    public static string RoleSql { get; } = $"""
        do $$
        begin
            if not exists (select 1 from pg_roles where rolname = '{AnalystRole}') then
                create role {AnalystRole} nologin;
            end if;
        exception when duplicate_object or unique_violation then null;
        end $$;
        grant usage on schema {Schema} to {AnalystRole};
        grant select on all tables in schema {Schema} to {AnalystRole};
        do $$
        begin
            execute format('revoke temporary on database %I from public', current_database());
        end $$;
        """;
}
