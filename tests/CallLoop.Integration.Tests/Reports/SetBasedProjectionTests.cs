using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections.Deliveries;
using CallLoop.EventStore.Projections.Facts;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.Testing;
using CsCheck;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// The fact, ledger and exposure projections write a whole page with one statement per table. A page of many events
/// must leave exactly the rows that the same events leave one at a time (the old per-event way): subjects that move
/// state mid-page, several facts of one subject and key in a page, times out of order, replays.
/// </summary>
public sealed class SetBasedProjectionTests
{
    private static readonly string[] States = ["CA", "CO", "VA", "TX"];

    public static TheoryData<string> Projections => ["facts", "ledger", "exposure"];

    [Theory]
    [MemberData(nameof(Projections))]
    public async Task Given_a_page_of_many_events_When_projected_at_once_Then_the_rows_are_those_of_one_event_at_a_time(string name)
    {
        var (projection, tables) = name switch
        {
            "facts" => ((IProjection)new StateFactsProjection(), StateFactsProjection.Tables),
            "ledger" => (new ConsentLedgerProjection(), ConsentLedgerProjection.Tables),
            _ => (new ExposureFactsProjection(), ExposureFactsProjection.Tables),
        };
        var history = History(seed: 20261206);

        var (oneAtATime, oneAtATimeDatabase) = await StoreWithAsync(history);
        var (wholePage, wholePageDatabase) = await StoreWithAsync(history);
        using var disposeOne = oneAtATime;
        using var disposeWhole = wholePage;
        var events = await EventsAsync(oneAtATime);
        Assert.True(events.Count >= 400, $"only {events.Count} events");
        foreach (var e in events)
        {
            await ProjectAsync(oneAtATime, projection, [e]);
        }

        await ProjectAsync(wholePage, projection, events);
        var expected = await RowsAsync(oneAtATimeDatabase, tables);
        Assert.True(expected.Values.Sum(rows => rows.Count) > 100, "the history writes too few rows to prove anything");
        Assert.Equal(expected, await RowsAsync(wholePageDatabase, tables));

        // A replay of the page (a daemon restarted before it saved its progress) changes nothing.
        await ProjectAsync(wholePage, projection, events);
        Assert.Equal(expected, await RowsAsync(wholePageDatabase, tables));

        if (projection is ConsentLedgerProjection)
        {
            // A page that straddles the ledger's highest row (its first half written, its second not) ends the same:
            // the rows above are inserted, the rows under take the upsert.
            var middle = events[events.Count / 2].Sequence;
            await using (var connection = new NpgsqlConnection(wholePageDatabase))
            {
                await connection.OpenAsync();
                await using var delete = new NpgsqlCommand($"delete from {tables[0]} where seq_id > $1", connection) { Parameters = { new() { Value = middle } } };
                Assert.True(await delete.ExecuteNonQueryAsync() > 20, "too few ledger rows in the page's second half to prove anything");
            }

            await ProjectAsync(wholePage, projection, events);
            Assert.Equal(expected, await RowsAsync(wholePageDatabase, tables));
        }
    }

    [Fact]
    public async Task Given_random_request_histories_When_records_and_deliveries_are_projected_a_page_at_once_Then_the_documents_are_those_of_one_event_at_a_time()
    {
        var histories = RequestHistories.For("page-docs").Array[60].Single();
        var history = histories.SelectMany(h => h.Events.Select(e => (h.SubjectId, e))).ToList();
        var (oneAtATime, oneAtATimeDatabase) = await StoreWithAsync(history);
        var (wholePage, wholePageDatabase) = await StoreWithAsync(history);
        using var disposeOne = oneAtATime;
        using var disposeWhole = wholePage;
        IProjection[] projections = [new RequestRecordProjection(oneAtATime.Options.Serializer()), new DeliveryQueueProjection(oneAtATime.Options.Serializer())];

        var events = await EventsAsync(oneAtATime);
        foreach (var projection in projections)
        {
            foreach (var e in events)
            {
                await ProjectAsync(oneAtATime, projection, [e]);
            }

            await ProjectAsync(wholePage, projection, events);
        }

        string[] documents =
        [
            "(select id, data, mt_version, is_open, current_due_at from privacy.mt_doc_requestrecord)",
            "(select id, data, mt_version, status, processor, planned_at from privacy.mt_doc_deliveryqueueentry)",
        ];
        var expected = await RowsAsync(oneAtATimeDatabase, documents);
        // 60 random histories: enough that both tables hold many documents (30 gave as few as 12 deliveries now and then).
        Assert.True(expected.Values.All(rows => rows.Count > 10), string.Join(", ", expected.Select(t => $"{t.Value.Count} rows")));
        Assert.Equal(expected, await RowsAsync(wholePageDatabase, documents));
    }

    /// <summary>Subjects registered in one state who move, collect, disclose, consent, opt out and are erased, in shuffled order and times.</summary>
    private static List<(string SubjectId, SubjectEvent Event)> History(int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var history = new List<(string, SubjectEvent)>();
        for (var s = 0; s < 12; s++)
        {
            history.Add(($"page-{s}", new SubjectRegistered { Jurisdiction = States[s % States.Length], OccurredAt = start }));
        }

        for (var i = 0; i < 420; i++)
        {
            var subjectId = $"page-{random.Next(12)}";
            var at = start.AddHours(random.Next(-48, 24 * 60));
            var category = (PersonalInformationCategory)random.Next(4);
            SubjectEvent e = random.Next(8) switch
            {
                0 => new ResidencyChanged { PreviousJurisdiction = "CA", Jurisdiction = States[random.Next(States.Length)], OccurredAt = at },
                1 or 2 => new PersonalInformationCollected
                {
                    Category = category,
                    Source = (CollectionSource)random.Next(3),
                    SourceDetail = random.Next(2) == 0 ? null : "partner",
                    Purposes = [(ProcessingPurpose)random.Next(4), (ProcessingPurpose)random.Next(4)],
                    CollectedAt = at,
                    OccurredAt = at,
                },
                3 => new InformationDisclosed
                {
                    DisclosureId = $"d-{i}",
                    Recipient = $"recipient-{random.Next(3)}",
                    RecipientType = (RecipientType)random.Next(3),
                    Purpose = (DisclosurePurpose)random.Next(3),
                    Categories = [category, (PersonalInformationCategory)random.Next(4)],
                    DisclosedAt = at,
                    OccurredAt = at,
                },
                4 => new ConsentGranted { Purpose = (ConsentPurpose)random.Next(3), Basis = ConsentBasis.Express, NoticeVersion = "v1", Channel = "web", Evidence = "form", OccurredAt = at },
                5 => new ConsentWithdrawn { Purpose = (ConsentPurpose)random.Next(3), Channel = "web", OccurredAt = at },
                6 => random.Next(2) == 0
                    ? new OptedOut { Scope = (OptOutScope)random.Next(2), Method = PreferenceMethod.Gpc, OccurredAt = at }
                    : new OptedBackIn { Scope = (OptOutScope)random.Next(2), Method = PreferenceMethod.Gpc, OccurredAt = at },
                _ => new PersonalDataErased { Reason = ErasureReason.DeleteRequest, ErasedCategories = [category], OccurredAt = at },
            };
            history.Add((subjectId, e with { SubjectId = subjectId }));
        }

        return history;
    }

    private static async Task<(DocumentStore Store, string ConnectionString)> StoreWithAsync(List<(string SubjectId, SubjectEvent Event)> history)
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("set-based");
        var store = DocumentStore.For(options =>
        {
            PrivacyEventStoreExtensions.ConfigureStore(options);
            options.Connection(connectionString);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var session = store.LightweightSession();
        foreach (var (subjectId, e) in history)
        {
            session.Events.Append(subjectId, e);
        }

        await session.SaveChangesAsync();
        return (store, connectionString);
    }

    private static async Task<IReadOnlyList<IEvent>> EventsAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static async Task ProjectAsync(IDocumentStore store, IProjection projection, IReadOnlyList<IEvent> events)
    {
        await using var session = store.LightweightSession();
        await projection.ApplyAsync(session, events, CancellationToken.None);
        await session.SaveChangesAsync();
    }

    /// <summary>
    /// Every row of each table, as text. A rollup day a subject only passed through within one page is never written
    /// at once (one at a time it is written, then counted back to zero); days with no subject are equal either way.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> RowsAsync(string connectionString, string[] tables)
    {
        var rows = new Dictionary<string, List<string>>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            var where = table.EndsWith(ReportRollups.Daily, StringComparison.Ordinal) ? "where t.subjects <> 0" : string.Empty;
            await using var command = new NpgsqlCommand($"select t::text from {table} t {where} order by 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var list = new List<string>();
            while (await reader.ReadAsync())
            {
                list.Add(reader.GetString(0));
            }

            rows[table] = list;
        }

        return rows;
    }
}
