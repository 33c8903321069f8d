namespace CallLoop.EventStore.Phones;

/// <summary>
/// Finds the subject behind an inbound text. <see cref="Id"/> is a keyed hash (HMAC-SHA256, hex) of the
/// canonical phone number, so the table alone never reveals a number.
/// </summary>
public sealed class PhoneIndexEntry
{
    public string Id { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;
}
