using CallLoop.Domain;

namespace CallLoop.Benchmarks;

/// <summary>The events and commands the benchmark writes: a consent grant, the most common fact we record.</summary>
public static class SampleEvents
{
    public static string SubjectId(int index) => $"bench-{index:D7}";

    public static SubjectRegistered Registered(string subjectId) => new()
    {
        SubjectId = subjectId,
        Jurisdiction = "CA",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static ConsentGranted ConsentGranted(string subjectId, long n) => new()
    {
        SubjectId = subjectId,
        Purpose = ConsentPurpose.MarketingEmail,
        Basis = ConsentBasis.Express,
        NoticeVersion = $"notice-{n}",
        Channel = "web",
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static GrantConsent GrantConsent(string subjectId, long n) => new()
    {
        SubjectId = subjectId,
        Purpose = ConsentPurpose.MarketingEmail,
        Basis = ConsentBasis.Express,
        NoticeVersion = $"notice-{n}",
        Channel = "web",
    };
}
