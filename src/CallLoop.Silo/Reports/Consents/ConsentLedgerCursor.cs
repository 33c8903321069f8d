using System.Globalization;

namespace CallLoop.Silo.Reports.Consents;

/// <summary>Where a page of the consent ledger ended: the last entry's time and sequence, written "{unix microseconds}.{sequence}".</summary>
internal sealed record ConsentLedgerCursor(DateTimeOffset OccurredAt, long Sequence)
{
    public string ToText() =>
        string.Create(CultureInfo.InvariantCulture, $"{(OccurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10}.{Sequence}");

    public static ConsentLedgerCursor? Parse(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && micros <= (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10
                ? new ConsentLedgerCursor(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), sequence)
                : throw QueryParameters.Invalid(name, "a cursor from a previous page's nextCursor");
    }
}
