using CallLoop.Domain;
using CallLoop.EventStore.Projections.Requests;

namespace CallLoop.Silo.Reports.Metrics;

/// <summary>Pure: turns request records into the §7102 figures.</summary>
public static class RequestMetricsCalculator
{
    /// <summary>The rights the regulation asks about, and the request types each covers.</summary>
    public static IReadOnlyList<(string Right, RightsRequestType[] Types)> Rights { get; } =
    [
        ("know", [RightsRequestType.KnowCategories, RightsRequestType.KnowSpecific]),
        ("delete", [RightsRequestType.Delete]),
        ("correct", [RightsRequestType.Correct]),
        ("opt-out-sale-sharing", [RightsRequestType.OptOutSaleSharing]),
        ("limit-sensitive", [RightsRequestType.LimitSensitive]),
    ];

    public static RequestMetricsReport Calculate(int year, string? jurisdiction, IEnumerable<RequestRecord> records)
    {
        var inScope = records
            .Where(r => r.ReceivedAt.UtcDateTime.Year == year)
            .Where(r => jurisdiction is null || r.Jurisdiction == jurisdiction)
            .ToList();
        return new RequestMetricsReport(year, jurisdiction, Rights.Select(right => Row(right.Right, inScope.Where(r => right.Types.Contains(r.Type)).ToList())).ToList());
    }

    public static int DaysToRespond(RequestRecord record) =>
        record.RespondedAt is { } responded ? (responded.UtcDateTime.Date - record.ReceivedAt.UtcDateTime.Date).Days : throw new InvalidOperationException("Not answered yet.");

    private static RequestMetricsRow Row(string right, List<RequestRecord> requests)
    {
        var answered = requests.Where(r => r.RespondedAt is not null).ToList();
        var days = answered.Select(DaysToRespond).Order().ToList();
        var denied = answered.Where(r => r.Outcome == RequestOutcome.Denied).ToList();
        return new RequestMetricsRow(
            right,
            requests.Count,
            answered.Count(r => r.Outcome is RequestOutcome.Fulfilled or RequestOutcome.PartiallyFulfilled),
            denied.Count,
            EnumText.AllTexts<DenialReason>().Where(reason => reason != EnumText.ToText(DenialReason.Fraud)).ToDictionary(
                reason => reason,
                reason => (long)denied.Count(r => r.DenialReason is { } d && EnumText.ToText(MetricsReason(d)) == reason)),
            requests.Count - answered.Count,
            Median(days),
            days.Count == 0 ? null : Math.Round(days.Average(), 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The regulation's breakdown has unverifiable, not a consumer, exempt and other: fraud is "other".</summary>
    private static DenialReason MetricsReason(DenialReason reason) => reason == DenialReason.Fraud ? DenialReason.Other : reason;

    private static double? Median(List<int> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0,
    };
}
