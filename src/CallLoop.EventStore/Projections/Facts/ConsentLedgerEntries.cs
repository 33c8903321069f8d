namespace CallLoop.EventStore.Projections.Facts;

/// <summary>The kinds of row in the consent ledger.</summary>
public static class ConsentLedgerEntries
{
    public const string Granted = "consent-granted";

    public const string Withdrawn = "consent-withdrawn";

    public const string OptedOut = "opted-out";

    public const string OptedBackIn = "opted-back-in";
}
