using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Recipients;

/// <summary>A registered recipient of disclosures (a business, not a person); <see cref="Id"/> is the name used in disclosures.</summary>
public sealed class Recipient
{
    public string Id { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public RecipientType Type { get; set; }
}
