using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Support;
using static CallLoop.Integration.Tests.Sms.TextConsents;

namespace CallLoop.Integration.Tests.Sms;

[Collection(SmsCollection.Name)]
public sealed class SendingSystemsHttpTests(SmsSiloFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<System.Text.Json.JsonElement> NumberAsync(string e164, DateTimeOffset? at = null, string? topic = null, string kind = "marketing") =>
        await client.GetAsync($"/api/phones/{Uri.EscapeDataString(e164)}/contactability?kind={kind}&at={TestTimes.Query(at ?? TestTimes.TextingHours)}{(topic is null ? "" : $"&topic={topic}")}").JsonAsync();

    private static string Reason(System.Text.Json.JsonElement decision) => decision.GetProperty("reason").GetString()!;

    [Fact]
    public async Task Given_two_holders_When_only_one_consented_Then_the_number_may_not_be_texted_until_both_have()
    {
        var phone = TestPhones.Next();
        var first = await client.RegisterAsync("CA", phone.Typed);
        var second = await client.RegisterAsync("CA", phone.Typed);
        await GrantAsync(client, first);

        Assert.Equal((false, "no-consent"), ((await NumberAsync(phone.Canonical)).GetProperty("allowed").GetBoolean(), Reason(await NumberAsync(phone.Canonical))));

        await GrantAsync(client, second);
        var decision = await NumberAsync(phone.Canonical);
        Assert.Equal((true, "consent-granted"), (decision.GetProperty("allowed").GetBoolean(), Reason(decision)));
        Assert.True((await NumberAsync(phone.Canonical, kind: "service")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Given_unknown_numbers_Then_unknown_or_suppressed_and_never_allowed()
    {
        var (unknown, stopped) = (TestPhones.Next(), TestPhones.Next());
        await TextAsync(client, stopped.Canonical, "no more texts");

        Assert.Equal("number-unknown", Reason(await NumberAsync(unknown.Canonical)));
        Assert.Equal("number-suppressed", Reason(await NumberAsync(stopped.Canonical)));
        Assert.Equal("e164", await client.GetAsync("/api/phones/not-a-number/contactability").FieldProblemAsync());
        Assert.Equal("at", await client.GetAsync($"/api/phones/{unknown.Canonical}/contactability?at=tonight").FieldProblemAsync());
    }

    [Fact]
    public async Task Given_a_florida_subject_without_a_time_zone_When_asked_at_8pm_eastern_Then_quiet_hours_until_8am_central()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("FL", phone.Typed);
        await GrantAsync(client, subjectId);
        var central = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var wednesday = DateTime.SpecifyKind(TestTimes.TextingHours.UtcDateTime.Date, DateTimeKind.Unspecified);
        var eightPmEastern = new DateTimeOffset(wednesday.AddHours(20), eastern.GetUtcOffset(wednesday.AddHours(20)));
        var nextMorning = wednesday.AddDays(1).AddHours(8);

        var byNumber = await NumberAsync(phone.Canonical, eightPmEastern);
        var bySubject = await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&at={TestTimes.Query(eightPmEastern)}").JsonAsync();

        Assert.Equal("quiet-hours", Reason(byNumber));
        Assert.Equal(new DateTimeOffset(nextMorning, central.GetUtcOffset(nextMorning)), byNumber.GetProperty("nextAllowedAt").GetDateTimeOffset());
        Assert.Equal(byNumber.GetRawText(), bySubject.GetRawText());
        Assert.Equal("at", await client.GetAsync($"/api/subjects/{subjectId}/contactability?channel=sms&at=soon").FieldProblemAsync());
    }

    [Fact]
    public async Task Given_a_subject_time_zone_Then_quiet_hours_follow_it()
    {
        var phone = TestPhones.Next();
        var subjectId = Api.NewSubjectId();
        await client.PutAsync($"/api/subjects/{subjectId}", System.Net.Http.Json.JsonContent.Create(new { jurisdiction = "NY", phone = phone.Typed, timeZone = "America/Los_Angeles" })).JsonAsync();
        await GrantAsync(client, subjectId);

        // 18:00 UTC is 10 a.m. in Los Angeles; 15:00 UTC is 7 a.m. there (and 10 a.m. in New York).
        Assert.Equal("consent-granted", Reason(await NumberAsync(phone.Canonical, TestTimes.TextingHours)));
        Assert.Equal("quiet-hours", Reason(await NumberAsync(phone.Canonical, TestTimes.TextingHours.AddHours(-3))));
        Assert.Equal("timeZone", await client.PutAsync($"/api/subjects/{Api.NewSubjectId()}", System.Net.Http.Json.JsonContent.Create(new { jurisdiction = "NY", timeZone = "Moon/Base" })).FieldProblemAsync());
    }

    [Fact]
    public async Task Given_three_marketing_texts_on_one_topic_in_florida_When_a_fourth_is_asked_Then_frequency_limit_until_the_first_is_24_hours_old()
    {
        var phone = TestPhones.Next();
        var subjectId = await client.RegisterAsync("FL", phone.Typed);
        await GrantAsync(client, subjectId);
        var at = TestTimes.PastTextingHours;
        foreach (var hoursBefore in new[] { 3, 2, 1 })
        {
            await client.PostJsonAsync($"/api/subjects/{subjectId}/messages", new { channel = "sms", kind = "marketing", topic = "spring-sale", sentAt = at.AddHours(-hoursBefore).ToString("O") }).JsonAsync();
        }

        var fourth = await NumberAsync(phone.Canonical, at, "spring-sale");

        Assert.Equal("frequency-limit", Reason(fourth));
        Assert.Equal(at.AddHours(21), fourth.GetProperty("nextAllowedAt").GetDateTimeOffset());
        Assert.Equal("consent-granted", Reason(await NumberAsync(phone.Canonical, at, "concert-alerts")));
    }

    [Fact]
    public async Task Given_bad_message_records_Then_400_naming_the_field_and_nothing_recorded()
    {
        var subjectId = await client.RegisterAsync("FL", TestPhones.Next().Typed);
        var messages = $"/api/subjects/{subjectId}/messages";

        Assert.Equal("topic", await client.PostJsonAsync(messages, new { channel = "sms", kind = "marketing" }).FieldProblemAsync());
        Assert.Equal("kind", await client.PostJsonAsync(messages, new { channel = "sms", kind = "spam", topic = "t" }).FieldProblemAsync());
        Assert.Equal("sentAt", await client.PostJsonAsync(messages, new { channel = "sms", kind = "marketing", topic = "t", sentAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") }).FieldProblemAsync());
        Assert.Equal("body", (await client.PostRawAsync(messages, "{\"channel\":\"sms\",\"kind\":\"marketing\",\"topic\":\"t\",\"body\":\"Sale!\"}").ProblemAsync(System.Net.HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal(1, await client.HistoryCountAsync(subjectId));
    }

    [Fact]
    public async Task Given_consents_that_do_not_meet_the_law_Then_the_reason_names_what_is_missing()
    {
        var (us, canada) = (TestPhones.Next(), TestPhones.Next());
        var implied = await client.RegisterAsync("TX", us.Typed);
        await client.PostJsonAsync($"/api/subjects/{implied}/consents", new { purpose = "marketing-sms", basis = "implied", impliedBy = "purchase", noticeVersion = "v1" }).JsonAsync();
        var lapsed = await client.RegisterAsync("CAN", canada.Typed);
        await client.PostJsonAsync($"/api/subjects/{lapsed}/consents", new { purpose = "marketing-sms", basis = "implied", impliedBy = "inquiry", noticeVersion = "v1", grantedAt = DateTimeOffset.UtcNow.AddMonths(-7).ToString("O") }).JsonAsync();

        Assert.Equal("implied-consent-not-enough", Reason(await NumberAsync(us.Canonical)));
        Assert.Equal("consent-expired", Reason(await NumberAsync(canada.Canonical)));
        Assert.Equal("signatureMethod", await client.PostJsonAsync($"/api/subjects/{implied}/consents", new { purpose = "marketing-sms", basis = "express-written", evidence = "form", noticeVersion = "v2" }).FieldProblemAsync());
        Assert.Equal("consentedNumber", await client.PostJsonAsync($"/api/subjects/{implied}/consents", new { purpose = "marketing-sms", basis = "express-written", signatureMethod = "paper", evidence = "form", noticeVersion = "v2", consentedNumber = "my cell" }).FieldProblemAsync("my cell"));
    }

    [Fact]
    public async Task Given_stops_from_numbers_Then_the_report_counts_them_in_their_month_and_those_lifted_since()
    {
        var (kept, lifted) = (TestPhones.Next(), TestPhones.Next());
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var before = await MonthAsync(month);

        await TextAsync(client, kept.Canonical, "STOP");
        await TextAsync(client, lifted.Canonical, "cancel");
        await TextAsync(client, lifted.Canonical, "UNSTOP");
        var after = await MonthAsync(month);

        Assert.True(after.Suppressed >= before.Suppressed + 2, $"{before} -> {after}");
        Assert.True(after.Lifted >= before.Lifted + 1, $"{before} -> {after}");
        Assert.Equal("year", await client.GetAsync("/api/reports/sms/suppressions?year=12").FieldProblemAsync());
    }

    private async Task<(int Suppressed, int Lifted)> MonthAsync(string month)
    {
        var report = await client.GetAsync($"/api/reports/sms/suppressions?year={month[..4]}").JsonAsync();
        Assert.Equal(12, report.GetArrayLength());
        var row = report.EnumerateArray().Single(r => r.GetProperty("month").GetString() == month);
        return (row.GetProperty("suppressed").GetInt32(), row.GetProperty("liftedSince").GetInt32());
    }
}
