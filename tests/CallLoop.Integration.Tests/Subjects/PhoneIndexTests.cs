using System.Security.Cryptography;
using System.Text;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Phones;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Integration.Tests.Support;
using Npgsql;

namespace CallLoop.Integration.Tests.Subjects;

[Collection(ClusterCollection.Name)]
public sealed class PhoneIndexTests(SubjectClusterFixture fixture)
{
    [Fact]
    public async Task Given_registered_phone_Then_the_index_row_holds_a_keyed_hash_and_no_plaintext_number()
    {
        var subjectId = $"phone-{Guid.NewGuid():N}";
        var phone = TestPhones.Next();
        await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).RegisterAsync(new RegisterSubject { Jurisdiction = "TX", Phone = phone.Typed });

        var rows = await RowsForAsync(subjectId);

        var (id, document) = Assert.Single(rows);
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(SubjectClusterFixture.PhoneIndexKey, Encoding.UTF8.GetBytes(phone.Canonical)));
        Assert.Equal($"{hash}:{subjectId}", id);
        Assert.Contains($"\"phoneHash\": \"{hash}\"", document, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phone.Canonical))), hash);
        var digits = phone.Canonical[2..];
        Assert.DoesNotContain(digits, document, StringComparison.Ordinal);
        Assert.DoesNotContain(digits[3..], id + document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_phone_corrected_Then_the_new_number_finds_the_subject_and_the_old_one_no_longer_does()
    {
        var subjectId = $"phone-{Guid.NewGuid():N}";
        var (old, corrected) = (TestPhones.Next(), TestPhones.Next());
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.RegisterAsync(new RegisterSubject { Jurisdiction = "TX", Phone = old.Typed });

        await grain.CorrectAsync(new CorrectInformation { Category = PersonalInformationCategory.Identifiers, Field = "phone", NewValue = corrected.Typed });

        Assert.Equal(subjectId, await fixture.PhoneIndex.FindSubjectAsync(corrected.Canonical, CancellationToken.None));
        Assert.Null(await fixture.PhoneIndex.FindSubjectAsync(old.Canonical, CancellationToken.None));
    }

    [Fact]
    public async Task Given_phone_collected_as_identifier_Then_a_text_from_it_reaches_the_subject()
    {
        var subjectId = $"phone-{Guid.NewGuid():N}";
        var phone = TestPhones.Next();
        var grain = fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId);
        await grain.RegisterAsync(new RegisterSubject { Jurisdiction = "OR" });

        await grain.CollectAsync(new CollectPersonalInformation
        {
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.Communications],
            Data = new Dictionary<string, string> { ["phone"] = phone.Typed },
        });

        Assert.Equal(subjectId, await fixture.PhoneIndex.FindSubjectAsync(phone.Canonical, CancellationToken.None));
    }

    [Fact]
    public async Task Given_two_subjects_registered_with_one_number_Then_the_number_finds_both_and_the_second_takes_nothing_from_the_first()
    {
        var (first, second) = ($"phone-{Guid.NewGuid():N}", $"phone-{Guid.NewGuid():N}");
        var phone = TestPhones.Next();
        await fixture.Grains.GetGrain<IDataSubjectGrain>(first).RegisterAsync(new RegisterSubject { Jurisdiction = "FL", Phone = phone.Typed });

        await fixture.Grains.GetGrain<IDataSubjectGrain>(second).RegisterAsync(new RegisterSubject { Jurisdiction = "FL", Phone = phone.Canonical });

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), await fixture.PhoneIndex.FindSubjectsAsync(phone.Typed, CancellationToken.None));
    }

    [Fact]
    public async Task Given_two_holders_When_one_corrects_and_the_other_is_erased_Then_each_leaves_only_their_own_claim()
    {
        var (stays, corrects, erased) = ($"phone-{Guid.NewGuid():N}", $"phone-{Guid.NewGuid():N}", $"phone-{Guid.NewGuid():N}");
        var (phone, other) = (TestPhones.Next(), TestPhones.Next());
        foreach (var subjectId in new[] { stays, corrects, erased })
        {
            await fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId).RegisterAsync(new RegisterSubject { Jurisdiction = "CA", Phone = phone.Typed });
        }

        await fixture.Grains.GetGrain<IDataSubjectGrain>(corrects).CorrectAsync(new CorrectInformation { Category = PersonalInformationCategory.Identifiers, Field = "phone", NewValue = other.Typed });
        var erasing = fixture.Grains.GetGrain<IDataSubjectGrain>(erased);
        await erasing.ReceiveRequestAsync(new ReceiveRightsRequest { RequestId = "del-1", Type = RightsRequestType.Delete, Channel = RequestChannel.WebForm });
        await erasing.VerifyIdentityAsync(new VerifyIdentity { RequestId = "del-1", Method = VerificationMethod.Login });
        await erasing.CompleteRequestAsync(new CompleteRequest { RequestId = "del-1", Outcome = RequestOutcome.Fulfilled });

        Assert.Equal([stays], await fixture.PhoneIndex.FindSubjectsAsync(phone.Canonical, CancellationToken.None));
        Assert.Equal([corrects], await fixture.PhoneIndex.FindSubjectsAsync(other.Canonical, CancellationToken.None));
    }

    [Fact]
    public async Task Given_a_row_written_before_numbers_had_several_holders_Then_it_is_still_found_and_removed_with_its_subject()
    {
        var (legacy, newer) = ($"phone-{Guid.NewGuid():N}", $"phone-{Guid.NewGuid():N}");
        var phone = TestPhones.Next();
        var hash = fixture.PhoneIndex.Hash(phone.Canonical);
        await using (var session = fixture.Store.LightweightSession())
        {
            // The shape rows had before: id = the hash, no phoneHash.
            session.Store(new PhoneIndexEntry { Id = hash, SubjectId = legacy });
            await session.SaveChangesAsync();
        }

        await fixture.Grains.GetGrain<IDataSubjectGrain>(newer).RegisterAsync(new RegisterSubject { Jurisdiction = "TX", Phone = phone.Typed });

        Assert.Equal(new[] { legacy, newer }.Order(StringComparer.Ordinal), await fixture.PhoneIndex.FindSubjectsAsync(phone.Canonical, CancellationToken.None));
        var removal = fixture.PhoneIndex.Changes(legacy, SubjectState.Initial with { Phone = phone.Canonical }, SubjectState.Initial)!;
        await using (var session = fixture.Store.LightweightSession())
        {
            removal.ApplyTo(session);
            await session.SaveChangesAsync();
        }

        Assert.Equal([newer], await fixture.PhoneIndex.FindSubjectsAsync(phone.Canonical, CancellationToken.None));
    }

    [Fact]
    public async Task Given_a_rejected_registration_Then_no_index_entry_is_written()
    {
        var subjectId = $"phone-{Guid.NewGuid():N}";
        var phone = TestPhones.Next();

        await Assert.ThrowsAsync<RuleViolationException>(() => fixture.Grains.GetGrain<IDataSubjectGrain>(subjectId)
            .RegisterAsync(new RegisterSubject { Jurisdiction = "TX", Phone = phone.Typed, BirthDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12) }));

        Assert.Empty(await RowsForAsync(subjectId));
    }

    private async Task<List<(string Id, string Document)>> RowsForAsync(string subjectId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, data::text FROM privacy.mt_doc_phone_index WHERE data->>'subjectId' = @subject", connection);
        command.Parameters.AddWithValue("subject", subjectId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
