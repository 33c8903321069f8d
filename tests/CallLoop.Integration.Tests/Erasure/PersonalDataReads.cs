using CallLoop.Contracts.Subjects;
using CallLoop.Domain;

namespace CallLoop.Integration.Tests.Erasure;

/// <summary>
/// The one place these tests read a subject's personal values through the grain: the audited read (unaudited
/// reads withhold values), recorded as the test's own access.
/// </summary>
internal static class PersonalDataReads
{
    public static Task<SubjectProfile> ProfileAsync(IDataSubjectGrain subject) =>
        subject.ReadPersonalDataAsync(Access);

    /// <summary>The subject's events with their values opened (the audited history read).</summary>
    public static Task<IReadOnlyList<SubjectHistoryEntry>> HistoryAsync(IDataSubjectGrain subject) => subject.ReadHistoryAsync(Access);

    private static PersonalDataAccess Access => new() { AccessedBy = "erasure-tests", Purpose = AccessPurpose.LegalCompliance };
}
