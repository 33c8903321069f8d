using System.Text.Json;
using CallLoop.Contracts.Keys;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;
using Marten;
using Marten.Events;
using Npgsql;

namespace CallLoop.Integration.Tests.Erasure;

[Collection(ClusterCollection.Name)]
public sealed class ErasureAcceptanceTests(SubjectClusterFixture fixture)
{
    private const PersonalInformationCategory Identifiers = PersonalInformationCategory.Identifiers;
    private const PersonalInformationCategory Commercial = PersonalInformationCategory.CommercialInformation;

    [Fact]
    public async Task Given_subject_with_distinctive_values_When_delete_request_fulfilled_Then_no_table_of_the_database_holds_them_in_any_reversible_form()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"erase-{tag}";
        var phone = TestPhones.Next();
        var secrets = new[]
        {
            $"quillon.vexley+{tag}@example.org",
            $"Quillon Vexley-{tag}",
            phone.Typed,
            phone.Canonical,
            $"nick-{tag}-zorblat",
            $"Agentur Fenwick {tag}",
            $"proof-{tag}.pdf",
            $"Fresno-{tag}",
        };
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);

        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = secrets[0], Name = secrets[1], Phone = phone.Typed, BirthDate = new DateOnly(1957, 2, 27) });
        await subject.CollectAsync(Collect(Identifiers, "nickname", secrets[4]));
        await subject.CollectAsync(Collect(PersonalInformationCategory.Geolocation, "city", "Sacramento"));
        await subject.CorrectAsync(new CorrectInformation { Category = PersonalInformationCategory.Geolocation, Field = "city", NewValue = secrets[7] });
        await subject.DiscloseAsync(new DiscloseInformation { Recipient = "payments-co", RecipientType = RecipientType.ServiceProvider, Purpose = DisclosurePurpose.BusinessPurpose, Categories = [Identifiers] });
        Assert.Equal(secrets[0], (await PersonalDataReads.ProfileAsync(subject)).Email);
        Assert.Contains(secrets[7], HistoryText(await PersonalDataReads.HistoryAsync(subject)), StringComparison.Ordinal);
        Assert.DoesNotContain(secrets[0], await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId), StringComparison.Ordinal);

        await subject.ReceiveRequestAsync(new ReceiveRightsRequest
        {
            RequestId = "del-1",
            Type = RightsRequestType.Delete,
            Channel = RequestChannel.WebForm,
            Agent = new AuthorizedAgent { Name = secrets[5], ProofOfAuthorization = secrets[6] },
        });
        await subject.VerifyIdentityAsync(new VerifyIdentity { RequestId = "del-1", Method = VerificationMethod.Login });
        var completed = await subject.CompleteRequestAsync(new CompleteRequest { RequestId = "del-1", Outcome = RequestOutcome.Fulfilled });

        Assert.NotNull(completed.ErasedAt);
        Assert.Empty(completed.RetainedCategories);
        Assert.True(completed.ViaAuthorizedAgent);
        var profile = await PersonalDataReads.ProfileAsync(subject);
        Assert.Equal((null, null, null, null), (profile.Email, profile.Phone, profile.Name, profile.BirthDate));
        Assert.Empty(profile.Categories);
        Assert.Null(await fixture.PhoneIndex.FindSubjectAsync(phone.Canonical, CancellationToken.None));
        Assert.All(await fixture.Grains.GetGrain<ISubjectKeyGrain>(subjectId).DescribeAsync(), key => Assert.NotNull(key.DestroyedAt));

        // The analysts' projections catch up (the test cluster's silos run no daemon: this test runs one), then the whole database is read.
        using (var daemon = await fixture.Store.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            await fixture.Store.WaitForNonStaleProjectionDataAsync(Patience.Long);
            await daemon.StopAllAsync();
        }

        var history = HistoryText(await PersonalDataReads.HistoryAsync(subject));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, history, StringComparison.Ordinal));
        Assert.Empty(await DatabaseScan.FindAsync(fixture.ConnectionString, secrets));
        Assert.NotEmpty(await DatabaseScan.FindAsync(fixture.ConnectionString, [subjectId]));

        // Reports still count the subject's categories, and the request record is complete.
        Assert.Equal(["A", "G"], await CollectedCategoriesAsync(subjectId));
        await using var session = fixture.Store.QuerySession();
        var record = await session.LoadAsync<RequestRecord>(RequestRecord.KeyOf(subjectId, "del-1"));
        Assert.NotNull(record);
        Assert.Equal((RightsRequestStatus.Completed, RequestOutcome.Fulfilled, true, "CA"), (record.Status, record.Outcome, record.ViaAuthorizedAgent, record.Jurisdiction));
        Assert.NotNull(record.VerifiedAt);
        Assert.NotNull(record.RespondedAt);
        Assert.False(record.IsOpen);
        var erased = (await subject.GetHistoryAsync()).Select(h => h.Event).OfType<PersonalDataErased>().Single();
        Assert.Equal(("del-1", ErasureReason.DeleteRequest), (erased.RequestId, erased.Reason));
        Assert.Contains(Identifiers, erased.ErasedCategories);
        Assert.True(erased.MaskedEvents >= 4);
    }

    [Fact]
    public async Task Given_legal_hold_on_commercial_information_When_delete_fulfilled_Then_exactly_that_category_is_kept_with_its_reason_and_releasing_the_hold_erases_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"hold-{tag}";
        var (email, order) = ($"held.{tag}@example.org", $"order-{tag}");
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = email });
        await subject.CollectAsync(Collect(Commercial, "order", order));
        await subject.PlaceLegalHoldAsync(new PlaceLegalHold { HoldId = "lit-1", Categories = [Commercial], Reason = "Pending litigation 24-CV-1" });
        await subject.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "del-1", Type = RightsRequestType.Delete, Channel = RequestChannel.Email });
        await subject.VerifyIdentityAsync(new VerifyIdentity { RequestId = "del-1", Method = VerificationMethod.Login });

        var completed = await subject.CompleteRequestAsync(new CompleteRequest { RequestId = "del-1", Outcome = RequestOutcome.Fulfilled });

        var retained = Assert.Single(completed.RetainedCategories);
        Assert.Equal((Commercial, "lit-1", "Pending litigation 24-CV-1"), (retained.Category, retained.HoldId, retained.Reason));
        var held = await PersonalDataReads.ProfileAsync(subject);
        Assert.Null(held.Email);
        Assert.Equal(order, Assert.Single(held.Categories).Values["order"]);
        var keys = await fixture.Grains.GetGrain<ISubjectKeyGrain>(subjectId).DescribeAsync();
        Assert.Null(keys.Single(k => k.Category == Commercial).DestroyedAt);
        Assert.All(keys.Where(k => k.Category != Commercial), k => Assert.NotNull(k.DestroyedAt));
        var stored = await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId);
        Assert.Contains("erased:A1", stored, StringComparison.Ordinal);
        Assert.Contains("pii:1:D1:", stored, StringComparison.Ordinal);

        // Still held after the grain is rebuilt from storage.
        await fixture.Grains.DeactivateAsync(subject);
        Assert.Equal(order, Assert.Single((await PersonalDataReads.ProfileAsync(subject)).Categories).Values["order"]);

        await subject.ReleaseLegalHoldAsync(new ReleaseLegalHold { HoldId = "lit-1", Reason = "Case closed" });

        Assert.Empty((await PersonalDataReads.ProfileAsync(subject)).Categories);
        Assert.All(await fixture.Grains.GetGrain<ISubjectKeyGrain>(subjectId).DescribeAsync(), key => Assert.NotNull(key.DestroyedAt));
        var afterRelease = await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId);
        Assert.DoesNotContain("pii:1:", afterRelease, StringComparison.Ordinal);
        Assert.Empty(await DatabaseScan.FindAsync(fixture.ConnectionString, [email, order]));
        var erasures = (await subject.GetHistoryAsync()).Select(h => h.Event).OfType<PersonalDataErased>().ToArray();
        Assert.Equal(2, erasures.Length);
        Assert.Equal([Commercial], erasures[1].ErasedCategories);
        Assert.Equal("lit-1", erasures[1].ReleasedHoldId);
    }

    [Fact]
    public async Task Given_sealed_event_When_opened_with_another_subjects_keys_or_as_another_category_Then_unreadable_error_and_only_its_own_keys_open_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (owner, other) = ($"owner-{tag}", $"other-{tag}");
        var email = $"owner.{tag}@example.org";
        await fixture.Grains.GetGrain<IDataSubjectGrain>(owner).RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = email });
        await fixture.Grains.GetGrain<IDataSubjectGrain>(other).RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = $"other.{tag}@example.org" });

        var (type, data) = Assert.Single(await StoredSubjectEvents.ReadAsync(fixture.ConnectionString, owner));
        Assert.Equal("subject_registered", type);
        var sealedEmail = JsonDocument.Parse(data).RootElement.GetProperty("email").GetString()!;
        Assert.StartsWith("pii:1:A1:", sealedEmail, StringComparison.Ordinal);
        Assert.DoesNotContain(email, data, StringComparison.Ordinal);

        var stolen = new PersonalValue(Identifiers, "email", sealedEmail);
        var error = await Assert.ThrowsAsync<PersonalValueUnreadableException>(() => fixture.Grains.GetGrain<ISubjectKeyGrain>(other).OpenAsync([stolen]));
        Assert.Equal(("A1", other), (error.KeyId, error.SubjectId));
        Assert.DoesNotContain(email, error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PersonalValueUnreadableException>(() => fixture.Grains.GetGrain<ISubjectKeyGrain>(owner).OpenAsync([stolen with { Category = Commercial }]));
        Assert.Equal([email], await fixture.Grains.GetGrain<ISubjectKeyGrain>(owner).OpenAsync([stolen]));
    }

    [Fact]
    public async Task Given_erasure_started_but_silo_died_before_shredding_When_the_subject_is_next_activated_Then_the_erasure_completes()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"crash-{tag}";
        var email = $"crash.{tag}@example.org";
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        var registered = await subject.RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Email = email });
        await fixture.Grains.DeactivateAsync(subject);

        // What a silo leaves behind when it dies right after committing ErasureStarted: the event, nothing more.
        await fixture.Streams.AppendAsync(
            subjectId,
            registered.Version,
            [new ErasureStarted { SubjectId = subjectId, OccurredAt = DateTimeOffset.UtcNow, Reason = ErasureReason.Minor }],
            "crash-test",
            CancellationToken.None);
        Assert.Contains("pii:1:A1:", await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId), StringComparison.Ordinal);

        var profile = await PersonalDataReads.ProfileAsync(subject);

        Assert.Null(profile.Email);
        var erased = (await subject.GetHistoryAsync()).Select(h => h.Event).OfType<PersonalDataErased>().Single();
        Assert.Equal(ErasureReason.Minor, erased.Reason);
        Assert.Contains("A1", erased.DestroyedKeyIds);
        Assert.DoesNotContain("pii:1:", await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_values_stored_in_clear_before_sealing_existed_When_erased_Then_masking_replaces_them_by_category()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var subjectId = $"legacy-{tag}";
        var email = $"legacy.{tag}@example.org";
        await fixture.Streams.AppendAsync(
            subjectId,
            0,
            [new SubjectRegistered { SubjectId = subjectId, OccurredAt = DateTimeOffset.UtcNow, Jurisdiction = "CA", Email = email }],
            "legacy-import",
            CancellationToken.None);
        var subject = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        Assert.Equal(email, (await PersonalDataReads.ProfileAsync(subject)).Email);

        await subject.DetectMinorAsync(new DetectMinor { Evidence = "support-ticket" });

        var stored = await StoredSubjectEvents.AllTextAsync(fixture.ConnectionString, subjectId);
        Assert.DoesNotContain(email, stored, StringComparison.Ordinal);
        Assert.Contains("erased:A", stored, StringComparison.Ordinal);
        Assert.Null((await PersonalDataReads.ProfileAsync(subject)).Email);
    }

    /// <summary>Each event with its own type's fields (the entry's declared type is the abstract base).</summary>
    internal static string HistoryText(IEnumerable<SubjectHistoryEntry> history) =>
        string.Join('\n', history.Select(h => JsonSerializer.Serialize(h.Event, h.Event.GetType(), DomainJson.Options)));

    private static CollectPersonalInformation Collect(PersonalInformationCategory category, string field, string value) => new()
    {
        Category = category,
        Source = CollectionSource.Direct,
        Purposes = [ProcessingPurpose.ProvideServices],
        Data = new Dictionary<string, string> { [field] = value },
    };

    private async Task<List<string>> CollectedCategoriesAsync(string subjectId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select distinct category from {ReportTables.Qualified(ReportTables.CollectionFacts)} where subject_id = $1 order by category", connection);
        command.Parameters.AddWithValue(subjectId);
        var categories = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            categories.Add(reader.GetString(0));
        }

        return categories;
    }
}
