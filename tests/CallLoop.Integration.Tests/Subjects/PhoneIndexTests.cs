using System.Security.Cryptography;
using System.Text;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
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
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(SubjectClusterFixture.PhoneIndexKey, Encoding.UTF8.GetBytes(phone.Canonical))), id);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phone.Canonical))), id);
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
