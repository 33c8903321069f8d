using System.Text.Json;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;

namespace CallLoop.Integration.Tests.Subjects;

[Collection(ClusterCollection.Name)]
public sealed class SubjectLifeTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_a_whole_life_of_commands_When_the_grain_is_deactivated_Then_it_replays_to_the_same_profile()
    {
        var subjectId = $"life-{Guid.NewGuid():N}";
        var phone = TestPhones.Next();
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);

        await grain.RegisterAsync(new RegisterSubject { Jurisdiction = "VA", Email = "life@example.com", Phone = phone.Typed, Name = "Lee Life" }, "onboarding");
        await grain.CollectAsync(new CollectPersonalInformation
        {
            Category = PersonalInformationCategory.InternetActivity,
            Source = CollectionSource.ThirdParty,
            SourceDetail = "marketing-partner",
            Purposes = [ProcessingPurpose.Analytics],
            Data = new Dictionary<string, string> { ["ip"] = "203.0.113.9" },
        });
        await grain.GrantConsentAsync(new GrantConsent
        {
            Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.ExpressWritten, NoticeVersion = "2025-01", SignatureMethod = SignatureMethod.ESign, Evidence = "e-signed web form",
        });
        Assert.True((await grain.CanContactAsync(ContactChannel.Sms, MessageKind.Marketing, TestTimes.TextingHours)).Allowed);

        var afterGpc = await grain.ReceiveGpcSignalAsync(new ReceiveGpcSignal());
        Assert.Equal(
            new[] { OptOutScope.Sale, OptOutScope.Sharing, OptOutScope.TargetedAdvertising },
            afterGpc.OptOuts.Select(o => o.Scope).Order());

        // The texter is found through the keyed-hash index, from the number as the carrier writes it.
        var texter = await fixture.PhoneIndex.FindSubjectAsync(phone.Canonical, CancellationToken.None);
        Assert.Equal(subjectId, texter);
        await fixture.Grains.GetGrain<IDataSubjectGrain>(texter!).ReceiveSmsKeywordAsync(new ReceiveSmsKeyword { Body = "  Stop " }, "sms-gateway");
        Assert.Equal("opted-out", (await grain.CanContactAsync(ContactChannel.Sms, MessageKind.Marketing, TestTimes.TextingHours)).Reason);
        Assert.True((await grain.CanContactAsync(ContactChannel.Sms, MessageKind.Service)).Allowed);

        var know = await grain.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "know-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm });
        Assert.Equal(know.ReceivedAt.AddDays(45), know.DueAt);
        await grain.VerifyIdentityAsync(new VerifyIdentity { RequestId = "know-1", Method = VerificationMethod.DataPoints, DataPointsMatched = 2 });
        Assert.Equal("completed", (await grain.CompleteRequestAsync(new CompleteRequest { RequestId = "know-1", Outcome = RequestOutcome.Fulfilled })).Status);

        await grain.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "specific-1", Type = RightsRequestType.KnowSpecific, Channel = RequestChannel.Email });
        await grain.CompleteRequestAsync(new CompleteRequest
        {
            RequestId = "specific-1",
            Outcome = RequestOutcome.Denied,
            DenialReason = DenialReason.Unverifiable,
            Explanation = "The requester could not be verified.",
        });
        var appealed = await grain.FileAppealAsync(new FileAppeal { RequestId = "specific-1", Reason = "I sent my ID." });
        Assert.Equal(("appealed", appealed.AppealFiledAt!.Value.AddDays(60)), (appealed.Status, appealed.AppealDueAt!.Value));
        var decided = await grain.DecideAppealAsync(new DecideAppeal { RequestId = "specific-1", Outcome = AppealOutcome.Upheld, Explanation = "Still unverifiable." });
        Assert.Equal("Virginia Attorney General", decided.ComplaintTo);

        var delete = await grain.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "delete-1", Type = RightsRequestType.Delete, Channel = RequestChannel.WebForm });
        var extended = await grain.ExtendRequestAsync(new ExtendRequest { RequestId = "delete-1", Reason = "Backups span several systems." });
        Assert.Equal(("extended", delete.DueAt.AddDays(45)), (extended.Status, extended.DueAt));
        await grain.VerifyIdentityAsync(new VerifyIdentity { RequestId = "delete-1", Method = VerificationMethod.Login });
        await grain.CompleteRequestAsync(new CompleteRequest { RequestId = "delete-1", Outcome = RequestOutcome.Fulfilled });

        var before = await grain.GetProfileAsync();
        Assert.NotNull(before.ErasureStartedAt);
        Assert.Empty(await grain.GetOpenRequestsAsync());

        await fixture.Grains.DeactivateAsync(grain);

        var after = await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).GetProfileAsync();
        Assert.Equal(JsonSerializer.Serialize(before, DomainJson.Options), JsonSerializer.Serialize(after, DomainJson.Options));
        Assert.Equal(after.Version, (await grain.GetHistoryAsync()).Count);

        // Erasure forgot the phone, and the index forgot it in the same transaction.
        Assert.Null(await fixture.PhoneIndex.FindSubjectAsync(phone.Canonical, CancellationToken.None));
    }
}
