using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Sms;

public class TextConsentTests
{
    private static GrantConsent Consent(ConsentBasis basis, SignatureMethod? signature = null, ImpliedBy? impliedBy = null, string? number = null, DateTimeOffset? grantedAt = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        Purpose = ConsentPurpose.MarketingSms,
        Basis = basis,
        NoticeVersion = "sms-terms-v3",
        Channel = "web-form",
        Evidence = basis == ConsentBasis.Implied ? null : "signup form, ip 203.0.113.9",
        SignatureMethod = signature,
        ImpliedBy = impliedBy,
        ConsentedNumber = number,
        GrantedAt = grantedAt,
    };

    /// <summary>Noon Eastern on a Monday: inside every window.</summary>
    private static readonly DateTimeOffset Noon = new(2025, 3, 3, 17, 0, 0, TimeSpan.Zero);

    private static ContactDecision Text(Scenario scenario, DateTimeOffset? at = null, string? topic = null) =>
        ContactPolicy.CanContact(scenario.State, ContactChannel.Sms, MessageKind.Marketing, null, at ?? Noon, topic);

    [Fact]
    public void Given_us_express_written_consent_with_signature_and_evidence_Then_marketing_texts_allowed()
    {
        var scenario = Scenario.Registered("FL").Given(Consent(ConsentBasis.ExpressWritten, SignatureMethod.ESign));

        Assert.Equal(("consent-granted", true), (Text(scenario).Reason, Text(scenario).Allowed));
        Assert.Equal("+15551234567", scenario.State.Consents[ConsentPurpose.MarketingSms].ConsentedNumber);
    }

    [Fact]
    public void Given_us_implied_consent_Then_never_marketing_texts()
    {
        var scenario = Scenario.Registered("TX").Given(Consent(ConsentBasis.Implied, impliedBy: ImpliedBy.Purchase));

        Assert.Equal("implied-consent-not-enough", Text(scenario).Reason);
    }

    [Fact]
    public void Given_us_express_consent_without_signature_as_recorded_before_evidence_Then_evidence_missing_and_with_it_allowed()
    {
        var legacy = Scenario.Registered("CA").GivenEvents(new ConsentGranted { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = "checkbox" });
        var signed = Scenario.Registered("CA").Given(Consent(ConsentBasis.Express, SignatureMethod.Checkbox));

        Assert.Equal("written-consent-evidence-missing", Text(legacy).Reason);
        Assert.True(Text(signed).Allowed);
    }

    [Fact]
    public void Given_consent_for_another_number_Then_not_for_the_subjects_phone()
    {
        var scenario = Scenario.Registered("CA").Given(Consent(ConsentBasis.ExpressWritten, SignatureMethod.KeywordDoubleOptIn, number: "+1 555 987 6543"));

        Assert.Equal("consent-for-another-number", Text(scenario).Reason);
    }

    [Theory]
    [InlineData(ImpliedBy.Purchase, 729, true)]
    [InlineData(ImpliedBy.Purchase, 731, false)]
    [InlineData(ImpliedBy.Inquiry, 180, true)]
    [InlineData(ImpliedBy.Inquiry, 185, false)]
    public void Given_canadian_implied_consent_Then_it_lasts_two_years_from_a_purchase_and_six_months_from_an_inquiry(ImpliedBy impliedBy, int daysLater, bool allowed)
    {
        var scenario = Scenario.Registered("CAN").Given(Consent(ConsentBasis.Implied, impliedBy: impliedBy));

        var decision = Text(scenario, Scenario.Now.AddDays(daysLater));

        Assert.Equal(allowed ? "consent-granted" : "consent-expired", decision.Reason);
    }

    [Fact]
    public void Given_canadian_implied_consent_Then_its_expiry_is_two_years_or_six_months_after_it_was_given()
    {
        var given = Scenario.Now.AddDays(-10);
        var purchase = Scenario.Registered("CAN").Given(Consent(ConsentBasis.Implied, impliedBy: ImpliedBy.Purchase, grantedAt: given)).State.Consents[ConsentPurpose.MarketingSms];
        var inquiry = Scenario.Registered("CAN").Given(Consent(ConsentBasis.Implied, impliedBy: ImpliedBy.Inquiry, grantedAt: given)).State.Consents[ConsentPurpose.MarketingSms];

        Assert.Equal(given.AddYears(2), TextConsentValidity.ExpiresAt(purchase, "CAN"));
        Assert.Equal(given.AddMonths(6), TextConsentValidity.ExpiresAt(inquiry, "CAN"));
        Assert.Null(TextConsentValidity.ExpiresAt(purchase, "FL"));
    }

    [Fact]
    public void Given_canadian_express_consent_Then_it_never_expires()
    {
        var scenario = Scenario.Registered("CAN").Given(Consent(ConsentBasis.Express));

        Assert.True(Text(scenario, Scenario.Now.AddYears(20)).Allowed);
        Assert.Null(TextConsentValidity.ExpiresAt(scenario.State.Consents[ConsentPurpose.MarketingSms], "CAN"));
    }

    [Theory]
    [InlineData(ConsentBasis.ExpressWritten, null, null, "signatureMethod")]
    [InlineData(ConsentBasis.Implied, SignatureMethod.ESign, null, "signatureMethod")]
    [InlineData(ConsentBasis.Express, null, ImpliedBy.Inquiry, "impliedBy")]
    public void Given_evidence_that_does_not_fit_the_basis_When_granted_Then_invalid_naming_the_field(ConsentBasis basis, SignatureMethod? signature, ImpliedBy? impliedBy, string field)
    {
        Assert.Equal(field, Scenario.Registered().Invalid(Consent(basis, signature, impliedBy)).Field);
        Assert.Equal("consentedNumber", Scenario.Registered().Invalid(Consent(ConsentBasis.ExpressWritten, SignatureMethod.Paper, number: "call me")).Field);
    }

    [Fact]
    public void Given_express_written_without_evidence_When_granted_Then_invalid_evidence()
    {
        Assert.Equal("evidence", Scenario.Registered().Invalid(Consent(ConsentBasis.ExpressWritten, SignatureMethod.ESign) with { Evidence = null }).Field);
    }

    [Fact]
    public void Given_three_marketing_texts_on_one_topic_in_florida_Then_the_fourth_waits_24_hours_after_the_first()
    {
        var scenario = Scenario.Registered("FL").Given(Consent(ConsentBasis.ExpressWritten, SignatureMethod.ESign)).At(Noon);
        foreach (var hoursAgo in new[] { 3, 2, 1 })
        {
            scenario.Given(new RecordMessageSent { SubjectId = Scenario.SubjectId, Channel = ContactChannel.Sms, Kind = MessageKind.Marketing, Topic = "spring-sale", SentAt = Noon.AddHours(-hoursAgo) });
        }

        var decision = Text(scenario, Noon, "spring-sale");

        Assert.Equal(("frequency-limit", (DateTimeOffset?)Noon.AddHours(21)), (decision.Reason, decision.NextAllowedAt));
        Assert.True(Text(scenario, Noon, "concert-alerts").Allowed);
        Assert.True(Text(scenario, Noon.AddHours(21), "spring-sale").Allowed);
    }

    [Fact]
    public void Given_marketing_texts_recorded_at_the_earliest_representable_time_Then_they_fold_and_count_like_any_other()
    {
        // 9:00 Eastern on the first day of the calendar, within a day of its start (where `at - Window` threw).
        var earliest = DateTimeOffset.MinValue.AddHours(14);
        var scenario = Scenario.Registered("FL").Given(Consent(ConsentBasis.ExpressWritten, SignatureMethod.ESign)).At(Noon);
        foreach (var hoursLater in new[] { 0, 1, 2 })
        {
            scenario.Given(new RecordMessageSent { SubjectId = Scenario.SubjectId, Channel = ContactChannel.Sms, Kind = MessageKind.Marketing, Topic = "spring-sale", SentAt = earliest.AddHours(hoursLater) });
        }

        Assert.Equal(3, scenario.State.RecentMarketingTexts.Count);
        var decision = Text(scenario, earliest.AddHours(3), "spring-sale");
        Assert.Equal(("frequency-limit", (DateTimeOffset?)earliest.AddHours(24)), (decision.Reason, decision.NextAllowedAt));
        var today = scenario.Given(new RecordMessageSent { SubjectId = Scenario.SubjectId, Channel = ContactChannel.Sms, Kind = MessageKind.Marketing, Topic = "spring-sale", SentAt = Noon }).State;
        Assert.Equal(Noon, Assert.Single(today.RecentMarketingTexts).SentAt);
    }

    [Fact]
    public void Given_three_marketing_texts_in_a_state_without_a_limit_Then_a_fourth_is_allowed()
    {
        var scenario = Scenario.Registered("CA").Given(Consent(ConsentBasis.ExpressWritten, SignatureMethod.ESign)).At(Noon);
        foreach (var hoursAgo in new[] { 3, 2, 1 })
        {
            scenario.Given(new RecordMessageSent { SubjectId = Scenario.SubjectId, Channel = ContactChannel.Sms, Kind = MessageKind.Marketing, Topic = "spring-sale", SentAt = Noon.AddHours(-hoursAgo) });
        }

        Assert.True(Text(scenario, Noon, "spring-sale").Allowed);
    }

    [Fact]
    public void Given_subject_time_zone_When_texted_at_night_there_Then_quiet_hours_until_8_local()
    {
        var scenario = Scenario.Unregistered().Given(new RegisterSubject { SubjectId = Scenario.SubjectId, Jurisdiction = "NY", Phone = "+15551234567", TimeZone = "America/Los_Angeles" })
            .Given(Consent(ConsentBasis.ExpressWritten, SignatureMethod.ESign));

        // 12:00 UTC is 4 a.m. in Los Angeles (PST, UTC-8) and 7 a.m. in New York.
        var decision = Text(scenario, new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(("quiet-hours", (DateTimeOffset?)new DateTimeOffset(2025, 3, 3, 16, 0, 0, TimeSpan.Zero)), (decision.Reason, decision.NextAllowedAt));
    }

    [Fact]
    public void Given_an_unknown_time_zone_When_registered_Then_invalid_time_zone()
    {
        Assert.Equal("timeZone", Scenario.Unregistered().Invalid(new RegisterSubject { SubjectId = Scenario.SubjectId, Jurisdiction = "NY", TimeZone = "Mars/Olympus" }).Field);
    }

    [Fact]
    public void Given_a_message_sent_in_the_future_When_recorded_Then_invalid_sent_at()
    {
        var error = Scenario.Registered().Invalid(new RecordMessageSent { SubjectId = Scenario.SubjectId, Channel = ContactChannel.Sms, Kind = MessageKind.Marketing, Topic = "t", SentAt = Scenario.Now.AddMinutes(1) });

        Assert.Equal("sentAt", error.Field);
    }
}
