namespace CallLoop.Domain;

/// <summary>Breach notices reached these numbers of affected people, per jurisdiction (each also has <see cref="BreachNoticeSent"/>).</summary>
[GenerateSerializer, Immutable, Alias("callloop.individual-notices-recorded")]
public sealed record IndividualNoticesRecorded : IncidentEvent
{
    [Id(0)]
    public NoticeChannel Channel { get; init; }

    [Id(1)]
    public DateTimeOffset SentAt { get; init; }

    [Id(2)]
    public IReadOnlyList<JurisdictionNoticeCount> Notices { get; init; } = [];
}
