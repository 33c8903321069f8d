using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.Incidents;

/// <summary>An incident's facts as sent by the privacy officer; enums and times arrive as text so a bad one names its field.</summary>
public sealed record IncidentFactsBody(
    string? DiscoveredAt,
    string? OccurredFrom,
    string? OccurredTo,
    string? Description,
    IReadOnlyList<string?>? Categories,
    IReadOnlyList<string?>? DataElements,
    bool? Encrypted,
    bool? KeyCompromised,
    IReadOnlyList<string?>? Systems,
    bool? RealRiskOfSignificantHarm,
    string? StepsTaken)
{
    public IncidentFacts ToFacts() => new()
    {
        DiscoveredAt = BodyFields.OptionalTime(DiscoveredAt, "discoveredAt") ?? default,
        OccurredFrom = BodyFields.OptionalTime(OccurredFrom, "occurredFrom") ?? default,
        OccurredTo = BodyFields.OptionalTime(OccurredTo, "occurredTo") ?? default,
        Description = Description ?? string.Empty,
        Categories = BodyFields.Enums<PersonalInformationCategory>(Categories, "categories"),
        DataElements = BodyFields.Enums<BreachDataElement>(DataElements, "dataElements"),
        Encrypted = Encrypted ?? false,
        KeyCompromised = KeyCompromised ?? false,
        Systems = (Systems ?? []).Select(s => s ?? string.Empty).ToArray(),
        RealRiskOfSignificantHarm = RealRiskOfSignificantHarm ?? false,
        StepsTaken = StepsTaken,
    };
}

public sealed record ReportIncidentBody(
    string? IncidentId,
    string? DiscoveredAt,
    string? OccurredFrom,
    string? OccurredTo,
    string? Description,
    IReadOnlyList<string?>? Categories,
    IReadOnlyList<string?>? DataElements,
    bool? Encrypted,
    bool? KeyCompromised,
    IReadOnlyList<string?>? Systems,
    bool? RealRiskOfSignificantHarm,
    string? StepsTaken)
{
    public IncidentFactsBody Facts => new(DiscoveredAt, OccurredFrom, OccurredTo, Description, Categories, DataElements, Encrypted, KeyCompromised, Systems, RealRiskOfSignificantHarm, StepsTaken);
}

/// <summary>The corrected facts, whole, and why they changed.</summary>
public sealed record CorrectIncidentBody(
    string? Reason,
    string? DiscoveredAt,
    string? OccurredFrom,
    string? OccurredTo,
    string? Description,
    IReadOnlyList<string?>? Categories,
    IReadOnlyList<string?>? DataElements,
    bool? Encrypted,
    bool? KeyCompromised,
    IReadOnlyList<string?>? Systems,
    bool? RealRiskOfSignificantHarm,
    string? StepsTaken)
{
    public IncidentFactsBody Facts => new(DiscoveredAt, OccurredFrom, OccurredTo, Description, Categories, DataElements, Encrypted, KeyCompromised, Systems, RealRiskOfSignificantHarm, StepsTaken);
}

public sealed record NoticesBody(IReadOnlyList<string?>? SubjectIds, string? Channel, string? SentAt);

public sealed record RegulatorNoticeBody(string? Jurisdiction, string? Regulator, string? SentAt);

/// <summary>No jurisdiction: the notice serves every affected jurisdiction whose law requires the credit bureaus told.</summary>
public sealed record CreditBureauNoticeBody(string? Jurisdiction, string? Bureau, string? SentAt);
