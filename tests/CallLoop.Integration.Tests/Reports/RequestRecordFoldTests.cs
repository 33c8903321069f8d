using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections;
using CallLoop.EventStore.Projections.Requests;
using CallLoop.Testing;
using CsCheck;
using Marten;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// The analysts' request records and the subject's own state fold a request through one function
/// (<see cref="RightsRequestEvolution"/>): over random valid histories they never disagree, and a processor counts as
/// having acknowledged a request only once every delivery it was sent about it is acknowledged.
/// </summary>
public sealed class RequestRecordFoldTests
{
    private static readonly JsonSerializerOptions StoredJson = new(DomainJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequestRecordStorage.IncludeLifecycle } },
    };

    [Fact]
    public void Given_random_valid_histories_When_folded_by_the_subject_and_by_the_record_projection_Then_every_request_agrees()
    {
        var processorsOwedSeveral = 0;
        var partlyAcknowledged = 0;
        RequestHistories.For("fold").Sample(
            (subjectId, events) =>
            {
                var state = SubjectEvolver.Fold(events);
                var records = ProjectRecords(events);

                Assert.Equal(state.Requests.Keys.Order(StringComparer.Ordinal), records.Keys.Select(k => k[(subjectId.Length + 1)..]).Order(StringComparer.Ordinal));
                foreach (var (requestId, request) in state.Requests)
                {
                    Assert.Equal(Json(RequestRecord.Of(subjectId, request)), Json(records[RequestRecord.KeyOf(subjectId, requestId)]));
                    Assert.Equal(AcknowledgedByEveryDelivery(state, requestId), request.ProcessorsAcknowledged.Order(StringComparer.Ordinal));

                    var owed = state.Propagation.Deliveries.Values.Where(d => d.RequestId == requestId).GroupBy(d => d.Processor).ToList();
                    processorsOwedSeveral += owed.Count(g => g.Count() > 1);
                    partlyAcknowledged += owed.Count(g => g.Any(d => d.AcknowledgedAt is null) && g.Any(d => d.AcknowledgedAt is not null));
                }
            },
            iter: 400,
            threads: 1,
            print: history => $"{history.Item1}: {string.Join(", ", history.Item2.Select(e => e.GetType().Name))}");

        // The histories reach the case the two folds used to disagree on, or the property above proves little.
        Assert.True(processorsOwedSeveral > 0 && partlyAcknowledged > 0, $"owed several {processorsOwedSeveral}, partly acknowledged {partlyAcknowledged}");
    }

    [Fact]
    public async Task Given_random_histories_stored_When_the_daemon_projects_them_Then_the_stored_records_are_the_subjects_requests()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("request-fold");
        using var store = DocumentStore.For(options =>
        {
            PrivacyEventStoreExtensions.ConfigureStore(options);
            options.Connection(connectionString);
        });

        await RequestHistories.For("stored").Array[25].SampleAsync(
            async histories =>
            {
                await using (var session = store.LightweightSession())
                {
                    foreach (var (subjectId, events) in histories)
                    {
                        session.Events.StartStream(subjectId, events.Cast<object>().ToArray());
                    }

                    await session.SaveChangesAsync();
                }

                using (var daemon = await store.BuildProjectionDaemonAsync())
                {
                    await daemon.RebuildProjectionAsync(ProjectionNames.RequestRecords, TimeSpan.FromMinutes(1), CancellationToken.None);
                }

                await using var query = store.QuerySession();
                foreach (var (subjectId, events) in histories)
                {
                    var state = SubjectEvolver.Fold(events);
                    var stored = await query.Query<RequestRecord>().Where(r => r.SubjectId == subjectId).ToListAsync();
                    Assert.Equal(state.Requests.Count, stored.Count);
                    foreach (var record in stored)
                    {
                        Assert.Equal(Json(RequestRecord.Of(subjectId, state.Requests[record.RequestId])), Json(record));
                    }
                }
            },
            iter: 1,
            threads: 1);
    }

    /// <summary>The records as the projection builds them: each event goes to the request it names, folded in stream order.</summary>
    private static Dictionary<string, RequestRecord> ProjectRecords(IReadOnlyList<SubjectEvent> events)
    {
        var records = new Dictionary<string, RequestRecord>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (RightsRequestEvolution.RequestIdOf(e) is { } requestId)
            {
                var key = RequestRecord.KeyOf(e.SubjectId, requestId);
                if (RequestRecordProjection.Fold(records.GetValueOrDefault(key), e) is { } record)
                {
                    records[key] = record;
                }
            }
        }

        return records;
    }

    /// <summary>Independently of the request fold: processors every one of whose deliveries about the request is acknowledged.</summary>
    private static IEnumerable<string> AcknowledgedByEveryDelivery(SubjectState state, string requestId) =>
        state.Propagation.Deliveries.Values.Where(d => d.RequestId == requestId).GroupBy(d => d.Processor)
            .Where(g => g.All(d => d.AcknowledgedAt is not null)).Select(g => g.Key).Order(StringComparer.Ordinal);

    private static string Json(RequestRecord record) => JsonSerializer.Serialize(record, StoredJson);
}
