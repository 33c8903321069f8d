using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;
using CallLoop.Testing;
using Marten;
using Marten.Events;

namespace CallLoop.Integration.Tests.Erasure;

/// <summary>Staff write the subject's name and email into evidence, reasons and explanations: erasure must take those too.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FreeTextErasureTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_free_text_naming_the_subject_When_delete_request_fulfilled_Then_a_full_pg_dump_holds_it_in_no_form_and_the_audited_read_no_longer_shows_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"freetext-{tag}";
        var (email, name) = ($"ottilie.brask.{tag}@example.org", $"Ottilie Brask-{tag}");
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);

        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CO", Email = email, Name = name });
        await subject.GrantConsentAsync(new GrantConsent { Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"box ticked by {email}" });
        await subject.WithdrawConsentAsync(new WithdrawConsent { Purpose = ConsentPurpose.MarketingEmail, Evidence = $"{name} phoned the support line" });
        await subject.RestrictProcessingAsync(new RestrictProcessing { Reason = $"{name} contests the address" });
        await subject.LiftRestrictionAsync(new LiftRestriction { Reason = $"{email} confirmed the address" });
        await subject.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "know-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.Email });
        await subject.FailVerificationAsync(new FailVerification { RequestId = "know-1", Method = VerificationMethod.DataPoints, DataPointsMatched = 1, Reason = $"{email} did not match" });
        await subject.CompleteRequestAsync(new CompleteRequest { RequestId = "know-1", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = $"{name} could not be verified" });
        await subject.FileAppealAsync(new FileAppeal { RequestId = "know-1", Reason = $"{name} says the email is right" });
        await subject.ExtendAppealAsync(new ExtendAppeal { RequestId = "know-1", Reason = $"waiting on {email}" });
        await subject.DecideAppealAsync(new DecideAppeal { RequestId = "know-1", Outcome = AppealOutcome.Upheld, Explanation = $"told {name} again" });
        await subject.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "del-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email });
        await subject.ExtendRequestAsync(new ExtendRequest { RequestId = "del-1", Reason = $"{name} has two accounts" });
        await subject.VerifyIdentityAsync(new VerifyIdentity { RequestId = "del-1", Method = VerificationMethod.Login });

        // Before erasure: sealed in storage, withheld from unaudited reads, shown by the audited read.
        var stored = await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId);
        Assert.DoesNotContain(email, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(name, stored, StringComparison.Ordinal);
        var unaudited = string.Join('\n', ErasureAcceptanceTests.HistoryText(await subject.GetHistoryAsync()), Json(await subject.GetProfileAsync()), Json(await subject.GetRequestsAsync()));
        Assert.DoesNotContain(email, unaudited, StringComparison.Ordinal);
        Assert.DoesNotContain(name, unaudited, StringComparison.Ordinal);
        var audited = await PersonalDataReads.ProfileAsync(subject);
        Assert.Equal($"box ticked by {email}", audited.Consents.Single().Evidence);
        Assert.Equal($"{name} phoned the support line", audited.Consents.Single().WithdrawalEvidence);
        var appealed = audited.Requests.Single(r => r.RequestId == "know-1");
        Assert.Equal(($"{name} could not be verified", $"told {name} again"), (appealed.Explanation, appealed.AppealExplanation));
        Assert.Equal($"{name} has two accounts", audited.Requests.Single(r => r.RequestId == "del-1").ExtensionReason);
        Assert.Contains($"{email} did not match", ErasureAcceptanceTests.HistoryText(await PersonalDataReads.HistoryAsync(subject)), StringComparison.Ordinal);

        var completed = await subject.CompleteRequestAsync(new CompleteRequest { RequestId = "del-1", Outcome = RequestOutcome.Fulfilled, Explanation = $"erased everything of {name}" });
        Assert.NotNull(completed.ErasedAt);

        // The analysts' projections catch up (the test cluster's silos run no daemon: this test runs one), then the whole database is dumped.
        using (var daemon = await fixture.Store.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            await fixture.Store.WaitForNonStaleProjectionDataAsync(Patience.Long);
            await daemon.StopAllAsync();
        }

        var after = await PersonalDataReads.ProfileAsync(subject);
        Assert.Null(after.Consents.Single().Evidence);
        Assert.All(after.Requests, r => Assert.All(new[] { r.Explanation, r.ExtensionReason, r.AppealExplanation }, text => Assert.True(string.IsNullOrEmpty(text))));
        Assert.DoesNotContain(name, Json(after), StringComparison.Ordinal);
        var history = ErasureAcceptanceTests.HistoryText(await PersonalDataReads.HistoryAsync(subject));
        Assert.DoesNotContain(email, history, StringComparison.Ordinal);
        Assert.DoesNotContain(name, history, StringComparison.Ordinal);
        var dump = await PostgresServer.Instance.DumpAsync(fixture.ConnectionString);
        Assert.Contains(subjectId, dump, StringComparison.Ordinal);
        var hits = new[] { email, name }
            .SelectMany(secret => DatabaseScan.Forms(secret).Where(form => dump.Contains(form.Text, StringComparison.Ordinal)).Select(form => $"{form.Form} of a secret of length {secret.Length}"))
            .ToArray();
        Assert.Empty(hits);
    }

    [Fact]
    public async Task Given_free_text_stored_in_clear_before_it_was_sealed_When_erased_Then_masking_replaces_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"legacy-text-{tag}";
        var email = $"legacy.text.{tag}@example.org";
        var now = DateTimeOffset.UtcNow;
        await fixture.Streams.AppendAsync(
            subjectId,
            0,
            [
                new SubjectRegistered { SubjectId = subjectId, OccurredAt = now, Jurisdiction = "CA" },
                new ConsentGranted { SubjectId = subjectId, OccurredAt = now, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"ticked by {email}" },
            ],
            "legacy-import",
            CancellationToken.None);
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        Assert.Equal($"ticked by {email}", (await PersonalDataReads.ProfileAsync(subject)).Consents.Single().Evidence);
        Assert.DoesNotContain(email, Json(await subject.GetProfileAsync()), StringComparison.Ordinal);

        await subject.DetectMinorAsync(new DetectMinor { Evidence = "support-ticket" });

        var stored = await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId);
        Assert.DoesNotContain(email, stored, StringComparison.Ordinal);
        Assert.Contains("erased:A", stored, StringComparison.Ordinal);
        Assert.Null((await PersonalDataReads.ProfileAsync(subject)).Consents.Single().Evidence);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, DomainJson.Options);
}
