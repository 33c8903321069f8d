namespace CallLoop.Domain;

/// <summary>How many affected subjects one jurisdiction has, and how many of them can still be reached.</summary>
[GenerateSerializer, Immutable, Alias("callloop.affected-jurisdiction")]
public sealed record AffectedJurisdiction
{
    [Id(0)]
    public string Jurisdiction { get; init; } = string.Empty;

    /// <summary>Everyone who held an exposed category in the window, erased since or not.</summary>
    [Id(1)]
    public long Affected { get; init; }

    /// <summary>Those with contact details left to notify with (not erased).</summary>
    [Id(2)]
    public long Notifiable { get; init; }
}
