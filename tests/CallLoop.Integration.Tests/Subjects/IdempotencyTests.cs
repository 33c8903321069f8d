using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Subjects;

[Collection(ClusterCollection.Name)]
public sealed class IdempotencyTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_a_command_retried_with_the_same_idempotency_key_Then_one_event_and_the_same_answer()
    {
        var (subjectId, grain) = await RegisteredAsync();
        var collect = new CollectPersonalInformation
        {
            IdempotencyKey = "collect-42",
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["order"] = "A-1" },
        };

        var first = await grain.CollectAsync(collect);
        var retry = await grain.CollectAsync(collect);

        Assert.Equal(first.Version, retry.Version);
        Assert.Single(await grain.GetHistoryAsync(), e => e.Event is PersonalInformationCollected);
        Assert.Equal(subjectId, retry.SubjectId);
    }

    [Fact]
    public async Task Given_a_used_key_When_another_command_payload_or_caller_sends_it_Then_typed_idempotency_key_reused_and_nothing_appended()
    {
        var (_, grain) = await RegisteredAsync();
        var optOut = new OptOut { IdempotencyKey = "bound-1", Scope = OptOutScope.Sale, Method = PreferenceMethod.Email };
        await grain.OptOutAsync(optOut, actor: "service:crm");
        var stored = (await grain.GetHistoryAsync()).Count;

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => grain.GrantConsentAsync(
            new GrantConsent { IdempotencyKey = "bound-1", Purpose = ConsentPurpose.Analytics, NoticeVersion = "v1", Evidence = "checkbox" }, actor: "service:crm"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => grain.OptOutAsync(optOut with { Scope = OptOutScope.Sharing }, actor: "service:crm"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => grain.OptOutAsync(optOut, actor: "service:billing"));
        await grain.OptOutAsync(optOut, actor: "service:crm");

        Assert.Equal(stored, (await grain.GetHistoryAsync()).Count);
    }

    [Fact]
    public async Task Given_a_request_received_twice_with_the_same_request_id_Then_one_event_and_the_same_view()
    {
        var (_, grain) = await RegisteredAsync();
        var receive = new ReceiveRightsRequest { RequestId = "dup-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email };

        var first = await grain.ReceiveRequestAsync(receive);
        var second = await grain.ReceiveRequestAsync(receive with { ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1) });

        Assert.Equal((first.ReceivedAt, first.DueAt), (second.ReceivedAt, second.DueAt));
        Assert.Single(await grain.GetHistoryAsync(), e => e.Event is RightsRequestReceived);
    }

    [Fact]
    public async Task Given_a_command_naming_another_subject_Then_invalid_subject_id_and_nothing_appended()
    {
        var (_, grain) = await RegisteredAsync();

        var error = await Assert.ThrowsAsync<InvalidCommandException>(
            () => grain.OptOutAsync(new OptOut { SubjectId = "someone-else", Scope = OptOutScope.Sale, Method = PreferenceMethod.Email }));

        Assert.Equal("subjectId", error.Field);
        Assert.Single(await grain.GetHistoryAsync());
    }

    [Fact]
    public async Task Given_unknown_request_When_read_Then_typed_request_not_found()
    {
        var (_, grain) = await RegisteredAsync();

        await Assert.ThrowsAsync<RequestNotFoundException>(() => grain.GetRequestAsync("nope"));
        await Assert.ThrowsAsync<RequestNotFoundException>(() => grain.ExtendRequestAsync(new ExtendRequest { RequestId = "nope", Reason = "busy" }));
    }

    private async Task<(string SubjectId, IDataSubjectGrain Grain)> RegisteredAsync()
    {
        var subjectId = $"idem-{Guid.NewGuid():N}";
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.RegisterAsync(new RegisterSubject { Jurisdiction = "CO" });
        return (subjectId, grain);
    }
}
