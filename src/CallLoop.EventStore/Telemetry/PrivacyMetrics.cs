using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CallLoop.EventStore.Telemetry;

/// <summary>
/// The "CallLoop.Actors" meter (exported by ServiceDefaults). Tags carry only codes (request type, jurisdiction,
/// method, outcome), never a subject id or any personal data. Event counts come from the publication
/// subscription, so they follow committed events; a daemon failover may replay a page and count it twice.
/// </summary>
public static class PrivacyMetrics
{
    public const string MeterName = "CallLoop.Actors";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> RequestsReceived = Meter.CreateCounter<long>(
        "callloop.requests.received", "{request}", "Rights requests received, by type and jurisdiction.");

    public static readonly Counter<long> RequestsCompleted = Meter.CreateCounter<long>(
        "callloop.requests.completed", "{request}", "Rights requests answered, by type, jurisdiction and outcome.");

    public static readonly Counter<long> RequestsDueSoon = Meter.CreateCounter<long>(
        "callloop.requests.due_soon", "{request}", "Open rights requests that entered their warning window.");

    public static readonly Counter<long> RequestsOverdue = Meter.CreateCounter<long>(
        "callloop.requests.overdue", "{request}", "Open rights requests that passed their deadline.");

    public static readonly Counter<long> OptOuts = Meter.CreateCounter<long>(
        "callloop.opt_outs", "{opt-out}", "Opt-outs, by method (gpc, sms-keyword, unsubscribe-link, ...) and scope.");

    public static readonly Counter<long> SmsInbound = Meter.CreateCounter<long>(
        "callloop.sms.inbound", "{text}", "Inbound texts, by classification (revocation, opt-in, help, unclassified).");

    public static readonly Counter<long> ConsentWithdrawals = Meter.CreateCounter<long>(
        "callloop.consent.withdrawals", "{withdrawal}", "Consents withdrawn, by purpose.");

    public static readonly Counter<long> Erasures = Meter.CreateCounter<long>(
        "callloop.erasures", "{erasure}", "Erasures started, by reason.");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "callloop.webhooks.deliveries", "{delivery}", "Webhook deliveries to processors acknowledged with a success status.");

    public static readonly Counter<long> WebhookFailures = Meter.CreateCounter<long>(
        "callloop.webhooks.failures", "{attempt}", "Failed webhook attempts to processors (each retry counts).");

    public static readonly Counter<long> IncidentAssessmentsFailed = Meter.CreateCounter<long>(
        "callloop.incidents.assessments.failed", "{assessment}", "Incident assessments that gave up after their configured attempts (a privacy officer restarts them).");

    public static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "callloop.events.append.duration", "ms", "Time to commit one append of subject events to PostgreSQL.");

    public static readonly Histogram<double> PublicationLag = Meter.CreateHistogram<double>(
        "callloop.events.publication.lag", "ms", "Time from an event's commit to its publication on the subject stream.");

    private static IReadOnlyList<Measurement<long>> incidentObligations = [];

    public static readonly ObservableGauge<long> IncidentObligations = Meter.CreateObservableGauge(
        "callloop.incidents.obligations",
        () => incidentObligations,
        "{obligation}",
        "Required breach-notice obligations, by jurisdiction, obligation (individuals, regulator, credit-bureaus) and state (open, due-soon, overdue, met); a count of the database, the same on every silo.");

    /// <summary>Replaces the gauge's counts (refreshed from the database by the silo).</summary>
    public static void SetIncidentObligations(IEnumerable<(string Jurisdiction, string Obligation, string State, long Count)> counts) =>
        incidentObligations = counts
            .Select(c => new Measurement<long>(c.Count, new KeyValuePair<string, object?>("jurisdiction", c.Jurisdiction), new KeyValuePair<string, object?>("obligation", c.Obligation), new KeyValuePair<string, object?>("state", c.State)))
            .ToArray();

    public static TagList Tags(params (string Key, object? Value)[] tags)
    {
        var list = new TagList();
        foreach (var (key, value) in tags)
        {
            list.Add(key, value);
        }

        return list;
    }
}
