namespace CallLoop.Domain;

/// <summary>
/// The purposes for which sensitive personal information (category L) may still be collected and used after the subject
/// limited its use, and the only ones Maryland allows at all ("strictly necessary").
/// </summary>
public static class SensitivePurposes
{
    public static IReadOnlySet<ProcessingPurpose> Permitted { get; } = new HashSet<ProcessingPurpose>
    {
        ProcessingPurpose.ProvideServices,
        ProcessingPurpose.Security,
        ProcessingPurpose.FraudPrevention,
        ProcessingPurpose.LegalCompliance,
    };

    public static bool AllPermitted(IEnumerable<ProcessingPurpose> purposes) => purposes.All(Permitted.Contains);
}
