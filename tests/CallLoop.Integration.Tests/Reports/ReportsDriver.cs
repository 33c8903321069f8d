using System.Net;
using System.Text.Json;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>What the report tests do to the host: append events, send commands, wait for the daemon, read JSON.</summary>
public sealed class ReportsDriver(SiloApplicationFactory factory)
{
    public HttpClient Client { get; } = factory.CreateClient();

    public IDocumentStore Store => factory.Services.GetRequiredService<IDocumentStore>();

    public IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    public string ConnectionString => factory.ConnectionString;

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Starts one stream per subject in a single transaction, stamping each event with its subject.</summary>
    public async Task AppendAsync(IEnumerable<(string SubjectId, IReadOnlyList<SubjectEvent> Events)> streams)
    {
        await using var session = Store.LightweightSession();
        foreach (var (subjectId, events) in streams)
        {
            var stamped = events.Select(e => e with
            {
                SubjectId = subjectId,
                OccurredAt = e.OccurredAt == default ? DateTimeOffset.UtcNow : e.OccurredAt,
            });
            session.Events.StartStream(subjectId, stamped.Cast<object>().ToArray());
        }

        await session.SaveChangesAsync();
    }

    public Task AppendAsync(string subjectId, params SubjectEvent[] events) => AppendAsync([(subjectId, events)]);

    public Task<SubjectProfile> ExecuteAsync(SubjectCommand command) => Grains.GetGrain<IDataSubjectGrain>(command.SubjectId).ExecuteAsync(command);

    public Task WaitForProjectionsAsync() => Store.WaitForNonStaleProjectionDataAsync(Patience.Long);

    public async Task<JsonDocument> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }

    public async Task<string> GetCsvAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // Streamed row by row as the rows are read (CsvFile), never built whole first: so no length up front.
        var length = response.Content.Headers.ContentLength;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} as CSV: {(int)response.StatusCode}: {body}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(length);
        return body;
    }

    /// <summary>Asserts a 400 problem that names <paramref name="parameter"/>.</summary>
    public async Task AssertBadParameterAsync(string url, string parameter)
    {
        using var problem = await GetJsonAsync(url, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.RootElement.GetProperty("field").GetString());
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
