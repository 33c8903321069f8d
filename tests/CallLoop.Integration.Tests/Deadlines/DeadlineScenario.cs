using CallLoop.Contracts.Deadlines;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Publication;

namespace CallLoop.Integration.Tests.Deadlines;

/// <summary>A subject with one rights request whose deadline is placed relative to now, by back-dating its receipt.</summary>
internal sealed class DeadlineScenario(IGrainFactory grains, string subjectId)
{
    public const string RequestId = "r-1";

    // California (and Virginia) answer in 45 calendar days from receipt.
    private static readonly TimeSpan ResponsePeriod = TimeSpan.FromDays(45);

    public string SubjectId { get; } = subjectId;

    public IDataSubjectGrain Subject => grains.GetGrain<IDataSubjectGrain>(SubjectId);

    public IRequestDeadlineGrain Deadline => grains.GetGrain<IRequestDeadlineGrain>(RequestDeadlineKey.Of(SubjectId, RequestId));

    public static DeadlineScenario New(IGrainFactory grains) => new(grains, $"dl-{Guid.NewGuid():N}");

    public async Task<RightsRequestView> GivenRequestDueInAsync(TimeSpan dueIn, RightsRequestType type = RightsRequestType.Delete, string jurisdiction = "CA")
    {
        await Subject.ExecuteAsync(new RegisterSubject { SubjectId = SubjectId, Jurisdiction = jurisdiction });
        var profile = await Subject.ExecuteAsync(new ReceiveRightsRequest
        {
            SubjectId = SubjectId,
            RequestId = RequestId,
            Type = type,
            Channel = RequestChannel.WebForm,
            ReceivedAt = DateTimeOffset.UtcNow - ResponsePeriod + dueIn,
        });
        return profile.Requests.Single();
    }

    public Task<IReadOnlyList<string>> WhenRemindersAreAsync(params string[] names) =>
        Eventually.ReturnsAsync(() => Deadline.PendingAsync(), pending => pending.SequenceEqual(names), TimeSpan.FromSeconds(30), $"reminders [{string.Join(", ", names)}]");

    public Task<IReadOnlyList<SubjectHistoryEntry>> WhenRecordedAsync(params Type[] facts) =>
        Eventually.ReturnsAsync(
            () => Subject.GetHistoryAsync(),
            history => facts.All(fact => history.Any(h => h.Event.GetType() == fact)),
            TimeSpan.FromSeconds(30),
            string.Join(", ", facts.Select(f => f.Name)));
}
