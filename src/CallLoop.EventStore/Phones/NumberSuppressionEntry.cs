using CallLoop.Domain;

namespace CallLoop.EventStore.Phones;

/// <summary>
/// A number-level do-not-text instruction (see <see cref="NumberSuppression"/>), keyed by the number's keyed hash:
/// no plain number is stored. Table <c>privacy.mt_doc_number_suppression</c>.
/// </summary>
public sealed class NumberSuppressionEntry
{
    public string Id { get; set; } = string.Empty;

    public DateTimeOffset SuppressedAt { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset? LiftedAt { get; set; }

    public List<string> TextKeys { get; set; } = [];

    public NumberSuppression ToSuppression() => new() { SuppressedAt = SuppressedAt, Reason = Reason, LiftedAt = LiftedAt, TextKeys = [.. TextKeys] };

    public static NumberSuppressionEntry From(string phoneHash, NumberSuppression suppression) => new()
    {
        Id = phoneHash,
        SuppressedAt = suppression.SuppressedAt,
        Reason = suppression.Reason,
        LiftedAt = suppression.LiftedAt,
        TextKeys = [.. suppression.TextKeys],
    };
}
