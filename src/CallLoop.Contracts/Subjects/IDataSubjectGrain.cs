using CallLoop.Domain;

namespace CallLoop.Contracts.Subjects;

/// <summary>
/// One data subject (key: the subject id). Every command returns only after its events are committed
/// to the subject's stream; rule violations throw typed <see cref="PrivacyDomainException"/>s and append nothing.
/// </summary>
public interface IDataSubjectGrain : IGrainWithStringKey
{
    /// <summary>Decides the command against the current state, appends the resulting events and returns the new profile.</summary>
    Task<SubjectProfile> ExecuteAsync(SubjectCommand command, string? actor = null);

    Task<SubjectProfile> GetProfileAsync();

    Task<IReadOnlyList<SubjectHistoryEntry>> GetHistoryAsync();
}
