using CallLoop.Domain;

namespace CallLoop.Silo.Reports.Subjects;

/// <summary>
/// The right-to-know answer. At the "categories" level: categories, their sources and purposes, and the categories
/// of recipients. At the "specific" level also the values held and each disclosure's recipient.
/// </summary>
public sealed record AccessReport(
    string SubjectId,
    string Level,
    string? Jurisdiction,
    DateTimeOffset? From,
    DateTimeOffset To,
    IReadOnlyList<AccessCategory> Categories,
    IReadOnlyList<AccessDisclosure> Disclosures,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<OptOutRecord> OptOuts,
    IReadOnlyList<RightsRequestView> Requests,
    IReadOnlyList<BreachNoticeRecord> BreachNotices);

public sealed record AccessCategory(
    PersonalInformationCategory Category,
    IReadOnlyList<CategorySource> Sources,
    IReadOnlyList<ProcessingPurpose> Purposes,
    DateTimeOffset FirstCollectedAt,
    DateTimeOffset LastCollectedAt,
    IReadOnlyDictionary<string, string>? Values);

/// <summary>At the categories level one line per purpose and recipient type; at the specific level one per disclosure.</summary>
public sealed record AccessDisclosure(
    DisclosurePurpose Purpose,
    RecipientType RecipientType,
    string? Recipient,
    IReadOnlyList<PersonalInformationCategory> Categories,
    DateTimeOffset? DisclosedAt);
