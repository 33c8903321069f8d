using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace CallLoop.Integration.Tests.Publication.Durable;

public sealed class SiloKillPublicationTests(DurableStreamClusterFixture fixture, ITestOutputHelper output) : IClassFixture<DurableStreamClusterFixture>
{
    private const int Subjects = 30;
    private const int CollectionsPerSubject = 5;

    [Fact]
    public async Task Given_a_silo_killed_during_a_burst_Then_every_committed_event_reaches_the_subscriber_once_in_order()
    {
        var subjectIds = Enumerable.Range(0, Subjects).Select(i => $"durable-{i}-{Guid.NewGuid():N}").ToArray();
        var total = Subjects * (CollectionsPerSubject + 3);
        var completed = 0;
        var killed = 0;
        var victim = fixture.Cluster.SecondarySilos[0];

        // Subjects in parallel, each subject's commands in order; a command cut off by the kill is retried.
        await Task.WhenAll(subjectIds.Select(async subjectId =>
        {
            foreach (var command in Commands(subjectId))
            {
                await RetriedCommands.ExecuteAsync(fixture.Grains, command);
                if (Interlocked.Increment(ref completed) == total / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await fixture.Cluster.KillSiloAsync(victim);
                }
            }
        }));
        Assert.Equal(1, killed);

        var committed = await CommittedAsync(subjectIds);
        Assert.Equal(subjectIds.Order(StringComparer.Ordinal), committed.Keys.Order(StringComparer.Ordinal));
        Assert.All(committed.Values, events => Assert.True(events.Count >= CollectionsPerSubject + 3));

        var handled = await Eventually.ReturnsAsync(
            () => HandledAsync(subjectIds),
            h => subjectIds.All(s => h.TryGetValue(s, out var rows) && rows.Count >= committed[s].Count),
            Patience.Long,
            "every committed event at the subscriber");

        foreach (var subjectId in subjectIds)
        {
            // Exactly the committed events, each once, in stream order; those that came on the stream carry their sequence.
            Assert.Equal(committed[subjectId].Select(e => (e.Version, e.Type)), handled[subjectId].Select(h => (h.Version, h.Type)));
            Assert.All(
                handled[subjectId].Where(h => h.Sequence is not null),
                h => Assert.Equal(committed[subjectId].Single(e => e.Version == h.Version).Sequence, h.Sequence));
        }

        // Durable, not merely repaired: every committed event also arrives on the stream itself (a batch the dead
        // silo held comes back after the visibility timeout, possibly after a later one made the subscriber fill
        // the gap from history, and is then dropped as a duplicate), so this waits out that timeout if it must.
        var streamed = await Eventually.ReturnsAsync(
            () => StreamedVersionsAsync(subjectIds),
            s => subjectIds.All(id => s.TryGetValue(id, out var versions) && versions.Length >= committed[id].Count),
            Patience.Long,
            "every committed event on the stream itself");
        foreach (var subjectId in subjectIds)
        {
            Assert.Equal(committed[subjectId].Select(e => e.Version), streamed.GetValueOrDefault(subjectId, []).Order());
        }

        var (fromHistory, dropped) = await CountRecoveryAsync();
        output.WriteLine(
            $"{committed.Values.Sum(e => e.Count)} committed events on {Subjects} subjects; {fromHistory} filled from history, {dropped} redeliveries dropped as duplicates.");
    }

    private static IEnumerable<SubjectCommand> Commands(string subjectId)
    {
        yield return new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Phone = "(555) 123-4567" };
        yield return new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "2025-01" };
        for (var n = 0; n < CollectionsPerSubject; n++)
        {
            yield return new CollectPersonalInformation
            {
                SubjectId = subjectId,
                IdempotencyKey = $"{subjectId}-collect-{n}",
                Category = PersonalInformationCategory.InternetActivity,
                Source = CollectionSource.Automatic,
                Purposes = [ProcessingPurpose.Analytics],
                Data = new Dictionary<string, string> { ["page"] = $"/page-{n}" },
            };
        }

        yield return new ReceiveRightsRequest { SubjectId = subjectId, RequestId = "r-1", Type = RightsRequestType.KnowCategories, Channel = RequestChannel.WebForm };
    }

    private async Task<Dictionary<string, List<(long Version, long Sequence, string Type)>>> CommittedAsync(string[] subjectIds)
    {
        var rows = await QueryAsync(
            "SELECT stream_id, version, seq_id, type FROM privacy.mt_events WHERE stream_id = ANY($1) ORDER BY stream_id, version",
            subjectIds,
            r => (Subject: r.GetString(0), Version: r.GetInt64(1), Sequence: r.GetInt64(2), Type: r.GetString(3)));
        return rows.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.Select(r => (r.Version, r.Sequence, r.Type)).ToList());
    }

    private async Task<Dictionary<string, List<(long Version, long? Sequence, string Type)>>> HandledAsync(string[] subjectIds)
    {
        var rows = await QueryAsync(
            $"SELECT subject_id, version, sequence, type FROM {SubscriberLedger.Schema}.handled WHERE subject_id = ANY($1) ORDER BY id",
            subjectIds,
            r => (Subject: r.GetString(0), Version: r.GetInt64(1), Sequence: r.IsDBNull(2) ? (long?)null : r.GetInt64(2), Type: r.GetString(3)));
        return rows.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.Select(r => (r.Version, r.Sequence, r.Type)).ToList());
    }

    private async Task<Dictionary<string, long[]>> StreamedVersionsAsync(string[] subjectIds)
    {
        var rows = await QueryAsync(
            $"""
            SELECT subject_id, version FROM {SubscriberLedger.Schema}.handled WHERE via = 'stream' AND subject_id = ANY($1)
            UNION
            SELECT subject_id, version FROM {SubscriberLedger.Schema}.dropped WHERE subject_id = ANY($1)
            """,
            subjectIds,
            r => (Subject: r.GetString(0), Version: r.GetInt64(1)));
        return rows.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.Select(r => r.Version).ToArray());
    }

    private async Task<(long FromHistory, long Dropped)> CountRecoveryAsync()
    {
        var counts = await QueryAsync(
            $"SELECT (SELECT count(*) FROM {SubscriberLedger.Schema}.handled WHERE via = 'history'), (SELECT count(*) FROM {SubscriberLedger.Schema}.dropped)",
            null,
            r => (r.GetInt64(0), r.GetInt64(1)));
        return counts.Single();
    }

    private async Task<List<T>> QueryAsync<T>(string sql, string[]? subjectIds, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (subjectIds is not null)
        {
            command.Parameters.AddWithValue(subjectIds);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
