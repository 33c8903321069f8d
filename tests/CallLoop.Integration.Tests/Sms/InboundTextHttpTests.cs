using System.Diagnostics.Metrics;
using CallLoop.EventStore.Telemetry;
using CallLoop.Integration.Tests.Erasure;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Support;
using static CallLoop.Integration.Tests.Sms.TextConsents;

namespace CallLoop.Integration.Tests.Sms;

[Collection(SmsCollection.Name)]
public sealed class InboundTextHttpTests(SmsSiloFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Given_two_subjects_with_one_number_When_either_texts_stop_Then_both_are_opted_out_and_one_confirmation_may_be_sent()
    {
        var phone = TestPhones.Next();
        var first = await client.RegisterAsync("FL", phone.Typed);
        var second = await client.RegisterAsync("FL", phone.Canonical);
        await GrantAsync(client, first);
        await GrantAsync(client, second);
        Assert.Equal("consent-granted", await ReasonAsync(client, first));

        var before = DateTimeOffset.UtcNow;
        var answer = await TextAsync(client, phone.Canonical, "Stop texting me.");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(("revocation", "per-se-word:stop", true), (answer.GetProperty("classification").GetString(), answer.GetProperty("reason").GetString(), answer.GetProperty("numberSuppressed").GetBoolean()));
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), answer.SubjectIds());
        var reply = answer.GetProperty("reply");
        Assert.Equal("opt-out-confirmation", reply.GetProperty("kind").GetString());
        Assert.InRange(reply.GetProperty("sendBefore").GetDateTimeOffset(), before.AddMinutes(5).AddSeconds(-1), after.AddMinutes(5).AddSeconds(1));
        Assert.DoesNotContain(phone.Canonical[2..], answer.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("opted-out", await ReasonAsync(client, first));
        Assert.Equal("opted-out", await ReasonAsync(client, second));
    }

    [Fact]
    public async Task Given_a_stop_from_an_unknown_number_Then_it_binds_whoever_registers_it_for_consents_dated_before_it()
    {
        var phone = TestPhones.Next();
        var consentedLastYear = DateTimeOffset.UtcNow.AddYears(-1);

        var answer = await TextAsync(client, phone.Typed, "REVOKE");

        Assert.Equal(("revocation", true, 0), (answer.GetProperty("classification").GetString(), answer.GetProperty("numberSuppressed").GetBoolean(), answer.GetProperty("subjectIds").GetArrayLength()));
        var stale = await client.RegisterAsync("TX", phone.Typed);
        await GrantAsync(client, stale, grantedAt: consentedLastYear);
        Assert.Equal("number-suppressed", await ReasonAsync(client, stale));

        var fresh = await client.RegisterAsync("TX", phone.Typed);
        await GrantAsync(client, fresh);
        Assert.Equal("consent-granted", await ReasonAsync(client, fresh));
    }

    [Fact]
    public async Task Given_stop_When_start_arrives_Then_the_number_is_lifted_and_the_holder_opted_back_in()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("CA", phone.Typed);
        await GrantAsync(client, subjectId);
        await TextAsync(client, phone.Canonical, "STOP");

        var start = await TextAsync(client, phone.Canonical, "Start");

        Assert.Equal(("opt-in", false, "opt-in-confirmation"), (start.GetProperty("classification").GetString(), start.GetProperty("numberSuppressed").GetBoolean(), start.GetProperty("reply").GetProperty("kind").GetString()));
        Assert.Equal("consent-granted", await ReasonAsync(client, subjectId));
    }

    [Fact]
    public async Task Given_no_stop_When_yes_arrives_Then_unclassified_and_nothing_changes()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("CA", phone.Typed);
        var events = await client.HistoryCountAsync(subjectId);

        var yes = await TextAsync(client, phone.Canonical, "YES");

        Assert.Equal(("unclassified", "yes-without-prompt", "none"), (yes.GetProperty("classification").GetString(), yes.GetProperty("reason").GetString(), yes.GetProperty("reply").GetProperty("kind").GetString()));
        Assert.Equal([subjectId], yes.SubjectIds());
        Assert.Equal(events, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_stop_When_yes_answers_the_prompt_Then_opted_back_in()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("CA", phone.Typed);
        await GrantAsync(client, subjectId);
        await TextAsync(client, phone.Canonical, "unsubscribe me");

        var yes = await TextAsync(client, phone.Canonical, "yes");

        Assert.Equal("yes-to-resubscribe-prompt", yes.GetProperty("reason").GetString());
        Assert.Equal("consent-granted", await ReasonAsync(client, subjectId));
    }

    [Fact]
    public async Task Given_help_Then_the_configured_help_text_and_nothing_recorded()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("CA", phone.Typed);

        var help = await TextAsync(client, phone.Canonical, "HELP");

        Assert.Equal(("help", "help", SmsSiloFactory.HelpText), (help.GetProperty("classification").GetString(), help.GetProperty("reply").GetProperty("kind").GetString(), help.GetProperty("reply").GetProperty("text").GetString()));
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_a_late_redelivery_of_a_stop_with_its_idempotency_key_Then_it_changes_nothing()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("CA", phone.Typed);

        await TextAsync(client, phone.Canonical, "STOP", "message-1");
        await TextAsync(client, phone.Canonical, "START", "message-2");
        var redelivered = await TextAsync(client, phone.Canonical, "STOP", "message-1");

        Assert.False(redelivered.GetProperty("numberSuppressed").GetBoolean());
        Assert.Equal(3, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_malformed_input_Then_400_naming_the_field_without_echoing_the_number()
    {
        Assert.Equal("from", await client.PostJsonAsync("/api/sms/inbound", new { from = "robin-phone-555", body = "STOP" }).FieldProblemAsync("robin-phone-555"));
        Assert.Equal("from", await client.PostJsonAsync("/api/sms/inbound", new { body = "STOP" }).FieldProblemAsync());
        var phone = TestPhones.Next();
        Assert.Equal("body", await client.PostJsonAsync("/api/sms/inbound", new { from = phone.Typed }).FieldProblemAsync(phone.Canonical[2..]));
        Assert.Equal("body", await client.PostJsonAsync("/api/sms/inbound", new { from = phone.Typed, body = new string('x', 1601) }).FieldProblemAsync(phone.Canonical[2..]));
        Assert.Equal("receivedAt", await client.PostJsonAsync("/api/sms/inbound", new { from = phone.Typed, body = "STOP", receivedAt = "yesterday" }).FieldProblemAsync());
    }

    [Fact]
    public async Task Given_texts_Then_callloop_sms_inbound_counts_them_by_classification()
    {
        var counted = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PrivacyMetrics.MeterName && instrument.Name == "callloop.sms.inbound")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                counted.Enqueue($"{tag.Key}={tag.Value}");
            }
        });
        listener.Start();
        var phone = TestPhones.Next();

        await TextAsync(client, phone.Canonical, "info");
        await TextAsync(client, phone.Canonical, "take me off your list");
        await TextAsync(client, phone.Canonical, "see you at 8");

        Assert.Contains("classification=help", counted);
        Assert.Contains("classification=revocation", counted);
        Assert.Contains("classification=unclassified", counted);
    }

    [Fact]
    public async Task Given_texts_with_a_secret_Then_no_event_log_line_or_database_row_holds_their_bodies()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("FL", phone.Typed);
        var secrets = new[] { $"Stop now Quokka{Letters()}", $"hello Wombat{Letters()}", $"help Numbat{Letters()}" };

        foreach (var body in secrets)
        {
            await TextAsync(client, phone.Canonical, body);
        }

        var history = (await client.GetAsync($"/api/subjects/{subjectId}/history?purpose=legal-compliance").JsonAsync()).GetRawText();
        var words = secrets.Select(s => s.Split(' ')[^1]).ToArray();
        Assert.All(words, word => Assert.DoesNotContain(word, history, StringComparison.OrdinalIgnoreCase));
        Assert.All(words, word => Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(factory.Logs.Lines, line => line.Contains("per-se-word:stop", StringComparison.Ordinal));
        Assert.Empty(await DatabaseScan.FindAsync(factory.ConnectionString, words));
    }

    /// <summary>Random letters only: the scan also looks for a secret's digits, which ids and times contain by chance.</summary>
    private static string Letters() => new(Enumerable.Range(0, 16).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
