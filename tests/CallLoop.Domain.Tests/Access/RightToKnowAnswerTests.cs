using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Access;

public class RightToKnowAnswerTests
{
    [Theory]
    [InlineData("ssn")]
    [InlineData("socialSecurityNumber")]
    [InlineData("driversLicense")]
    [InlineData("passport")]
    [InlineData("governmentId")]
    [InlineData("accountNumber")]
    [InlineData("cardNumber")]
    [InlineData("password")]
    [InlineData("securityQuestion")]
    [InlineData("securityAnswer")]
    [InlineData("healthInsuranceId")]
    [InlineData("medicalId")]
    [InlineData("SSN")]
    public void Given_never_disclosed_field_When_values_withheld_Then_held_not_disclosed(string field)
    {
        var withheld = NeverDisclosedFields.Withhold(new Dictionary<string, string> { [field] = "secret-value", ["nickname"] = "Robin" });

        Assert.Equal(("held, not disclosed", "Robin"), (withheld[field], withheld["nickname"]));
    }

    [Fact]
    public void Given_subject_with_ssn_When_state_withheld_Then_every_category_masked_and_original_untouched()
    {
        var state = Scenario.Registered().Given(new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.FraudPrevention],
            Data = new Dictionary<string, string> { ["ssn"] = "078-05-1120" },
        }).State;

        var withheld = NeverDisclosedFields.Withhold(state);

        Assert.Equal(("held, not disclosed", "078-05-1120"), (withheld.Categories[PersonalInformationCategory.Identifiers].Values["ssn"], state.Categories[PersonalInformationCategory.Identifiers].Values["ssn"]));
    }

    [Fact]
    public void Given_request_received_six_months_ago_When_window_computed_Then_starts_12_months_before_receipt()
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var request = new RightsRequestView { RequestId = "r-1", Type = RightsRequestType.KnowCategories, ReceivedAt = now.AddMonths(-6) };

        Assert.Equal((new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)), (RightToKnowAnswer.WindowStart(request, now), RightToKnowAnswer.WindowStart(null, now)));
    }

    [Fact]
    public void Given_verified_know_specific_request_When_specific_pieces_asked_Then_allowed_and_otherwise_refused()
    {
        var verified = new RightsRequestView { RequestId = "r-1", Type = RightsRequestType.KnowSpecific, VerifiedAt = Scenario.Now };

        RightToKnowAnswer.RequireSpecificPiecesAllowed(verified);
        Assert.Equal("specific-pieces-need-verified-request", Assert.Throws<RuleViolationException>(() => RightToKnowAnswer.RequireSpecificPiecesAllowed(null)).Rule);
        Assert.Equal("specific-pieces-need-verified-request", Assert.Throws<RuleViolationException>(() => RightToKnowAnswer.RequireSpecificPiecesAllowed(verified with { VerifiedAt = null })).Rule);
        Assert.Equal("specific-pieces-need-verified-request", Assert.Throws<RuleViolationException>(() => RightToKnowAnswer.RequireSpecificPiecesAllowed(verified with { Type = RightsRequestType.KnowCategories })).Rule);
    }
}
