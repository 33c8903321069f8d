using CallLoop.Contracts.Subjects;
using CallLoop.Domain;

namespace CallLoop.Integration.Tests.Erasure;

/// <summary>
/// The one place these tests read a subject's personal values through the grain, so that switching to an audited
/// read (e.g. <c>ReadPersonalDataAsync</c>) touches one line.
/// </summary>
internal static class PersonalDataReads
{
    public static Task<SubjectProfile> ProfileAsync(IDataSubjectGrain subject) => subject.GetProfileAsync();
}
