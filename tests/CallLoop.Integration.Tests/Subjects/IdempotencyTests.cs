using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallLoop.Contracts.Keys;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Erasure;
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
    public async Task Given_free_text_under_a_used_key_When_the_subject_is_erased_Then_its_stored_fingerprint_can_no_longer_be_checked_and_a_retry_is_still_recognised()
    {
        var (subjectId, grain) = await RegisteredAsync();
        var grant = new GrantConsent { SubjectId = subjectId, IdempotencyKey = "consent-1", Purpose = ConsentPurpose.Analytics, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = "Pat said yes on the phone" };
        await grain.GrantConsentAsync(grant, actor: "service:crm");
        var stored = Assert.Single(await StoredFingerprintsAsync(subjectId, "consent-1"));
        var keyId = IdempotencyFingerprint.KeyIdOf(stored);
        Assert.StartsWith("v1:A", stored, StringComparison.Ordinal);
        var keys = fixture.Grains.GetGrain<ISubjectKeyGrain>(subjectId);
        Assert.Equal(stored, await keys.FingerprintAsync(grant, "service:crm", keyId));
        Assert.NotEqual(stored, await keys.FingerprintAsync(grant with { Evidence = "Pat said no" }, "service:crm", keyId));

        await grain.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "del-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email });
        await grain.VerifyIdentityAsync(new VerifyIdentity { RequestId = "del-1", Method = VerificationMethod.Login });
        var complete = new CompleteRequest { IdempotencyKey = "complete-1", RequestId = "del-1", Outcome = RequestOutcome.Fulfilled };
        Assert.NotNull((await grain.CompleteRequestAsync(complete, actor: "service:crm")).ErasedAt);

        // Nobody can check a guess any more: the key is gone, and no plain hash of the right guess is what was stored.
        Assert.Null(await keys.FingerprintAsync(grant, "service:crm", keyId));
        foreach (var guess in new[] { "Pat said yes on the phone", "Pat said no", "yes" })
        {
            var guessed = grant with { Evidence = guess };
            Assert.False(IdempotencyFingerprint.MatchesUnkeyed(stored, guessed, "service:crm", SubjectPolicy.Default));
            var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(IdempotencyFingerprint.Canonical(guessed, "service:crm"))));
            Assert.DoesNotContain(plain[..32], stored, StringComparison.Ordinal);
            Assert.DoesNotContain(guess, stored, StringComparison.Ordinal);
        }

        var count = (await StoredSubjectEvents.ReadAsync(fixture.ConnectionString, subjectId)).Count;
        await grain.CompleteRequestAsync(complete, actor: "service:crm");
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => grain.OptOutAsync(new OptOut { IdempotencyKey = "complete-1", Scope = OptOutScope.Sale, Method = PreferenceMethod.Email }, actor: "service:crm"));
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => grain.CompleteRequestAsync(complete, actor: "service:billing"));
        Assert.Equal(count, (await StoredSubjectEvents.ReadAsync(fixture.ConnectionString, subjectId)).Count);
    }

    [Fact]
    public async Task Given_a_key_stored_with_the_unkeyed_fingerprint_of_an_older_version_When_the_command_is_retried_Then_nothing_is_appended_and_a_changed_one_is_refused()
    {
        var subjectId = $"idem-old-{Guid.NewGuid():N}";
        var optOut = new OptOut { SubjectId = subjectId, IdempotencyKey = "old-1", Scope = OptOutScope.Sale, Method = PreferenceMethod.Email };
        var now = DateTimeOffset.UtcNow;
        await fixture.Streams.AppendAsync(
            subjectId,
            0,
            [
                new SubjectRegistered { SubjectId = subjectId, OccurredAt = now, Jurisdiction = "CO" },
                new OptedOut { SubjectId = subjectId, OccurredAt = now, Scope = OptOutScope.Sale, Method = PreferenceMethod.Email, IdempotencyKey = "old-1", IdempotencyFingerprint = UnkeyedAsWrittenBefore(optOut, "service:crm") },
            ],
            "service:crm",
            CancellationToken.None);
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);

        await grain.OptOutAsync(optOut with { SubjectId = string.Empty }, actor: "service:crm");
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => grain.OptOutAsync(optOut with { Scope = OptOutScope.Sharing }, actor: "service:crm"));

        var stored = await StoredSubjectEvents.ReadAsync(fixture.ConnectionString, subjectId);
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, e => e.Data.Contains("\"v1:", StringComparison.Ordinal));
    }

    /// <summary>The fingerprint as the version before keyed fingerprints wrote it: a plain SHA-256 of type, caller and payload.</summary>
    private static string UnkeyedAsWrittenBefore(SubjectCommand command, string caller) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.GetType().FullName}\n{caller}\n{JsonSerializer.Serialize<object>(command with { IdempotencyKey = null }, DomainJson.Options)}")));

    private async Task<IReadOnlyList<string>> StoredFingerprintsAsync(string subjectId, string key) =>
        (await StoredSubjectEvents.ReadAsync(fixture.ConnectionString, subjectId))
            .Select(e => JsonNode.Parse(e.Data)!.AsObject())
            .Where(e => (string?)e["idempotencyKey"] == key)
            .Select(e => (string)e["idempotencyFingerprint"]!)
            .ToList();

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
