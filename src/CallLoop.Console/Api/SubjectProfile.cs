using System.Text.Json.Serialization;

namespace CallLoop.Console.Api;

/// <summary>A subject's profile; <see cref="ValuesWithheld"/> unless it came from the audited read.</summary>
public sealed record SubjectProfile
{
    public string SubjectId { get; init; } = string.Empty;
    public long Version { get; init; }
    public bool Registered { get; init; }
    public string? Jurisdiction { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Name { get; init; }
    public string? BirthDate { get; init; }
    public bool IsMinor { get; init; }
    public bool Active { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }
    public DateTimeOffset? DeactivatedAt { get; init; }
    public bool ProcessingRestricted { get; init; }
    public DateTimeOffset? ErasureStartedAt { get; init; }
    public string? ErasureReason { get; init; }
    public IReadOnlyList<HeldCategory> Categories { get; init; } = [];
    public IReadOnlyList<ConsentEntry> Consents { get; init; } = [];
    public IReadOnlyList<OptOutEntry> OptOuts { get; init; } = [];
    public IReadOnlyList<RightsRequestView> Requests { get; init; } = [];
    public bool ValuesWithheld { get; init; }
}

public sealed record HeldCategory(
    string Category,
    IReadOnlyList<string>? Purposes,
    DateTimeOffset FirstCollectedAt,
    DateTimeOffset LastCollectedAt,
    [property: JsonPropertyName("values")] IReadOnlyDictionary<string, string>? Values);

public sealed record ConsentEntry(string Purpose, bool Granted, string? Basis, string? NoticeVersion, string? Channel, DateTimeOffset? GrantedAt, DateTimeOffset? WithdrawnAt);

public sealed record OptOutEntry(string Scope, string Method, DateTimeOffset OptedOutAt, string? RequestId);
