using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class OptOutScopeTests
{
    private static CompleteRequest Complete(RequestOutcome outcome, DenialReason? reason = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        RequestId = "r-1",
        Outcome = outcome,
        DenialReason = reason,
        Explanation = outcome == RequestOutcome.Fulfilled ? null : "Documented: the same request came from 400 addresses in one minute.",
    };

    private static GrantConsent Consent(ConsentPurpose purpose) =>
        new() { SubjectId = Scenario.SubjectId, Purpose = purpose, Basis = ConsentBasis.Express, NoticeVersion = "v1", Channel = "web" };

    [Fact]
    public void Given_fulfilled_opt_out_request_When_profiling_collection_Then_refused()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.OptOutSaleSharing).Given(Complete(RequestOutcome.Fulfilled));

        var error = scenario.Rejected(new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.Inferences,
            Source = CollectionSource.Automatic,
            Purposes = [ProcessingPurpose.Profiling],
            Data = new Dictionary<string, string> { ["segment"] = "frequent buyer" },
        });

        Assert.Equal("opted-out-of-profiling", error.Rule);
        Assert.True(scenario.State.IsOptedOut(OptOutScope.TargetedAdvertising));
    }

    [Theory]
    [InlineData(RightsRequestType.OptOutSaleSharing)]
    [InlineData(RightsRequestType.LimitSensitive)]
    public void Given_opt_out_or_limit_request_When_denied_unverifiable_Then_refused_needs_no_verification(RightsRequestType type)
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", type);

        Assert.Equal("opt-out-needs-no-verification", scenario.Rejected(Complete(RequestOutcome.Denied, DenialReason.Unverifiable)).Rule);
        Assert.Equal("opt-out-denied-only-for-fraud", scenario.Rejected(Complete(RequestOutcome.Denied, DenialReason.Exempt)).Rule);
    }

    [Fact]
    public void Given_opt_out_request_When_denied_for_documented_fraud_Then_denied_and_nothing_opted_out()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.OptOutSaleSharing);

        var completed = Assert.IsType<RightsRequestCompleted>(Assert.Single(scenario.When(Complete(RequestOutcome.Denied, DenialReason.Fraud))));

        Assert.Equal(DenialReason.Fraud, completed.DenialReason);
    }

    [Fact]
    public void Given_withdraw_consent_request_naming_consents_When_fulfilled_Then_only_those_withdrawn()
    {
        var scenario = Scenario.Registered()
            .Given(Consent(ConsentPurpose.MarketingSms), Consent(ConsentPurpose.Analytics), Consent(ConsentPurpose.SensitiveProcessing))
            .Given(new ReceiveRightsRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Type = RightsRequestType.WithdrawConsent, Channel = RequestChannel.Email, ConsentPurposes = [ConsentPurpose.Analytics, ConsentPurpose.SensitiveProcessing] });

        var withdrawn = scenario.When(Complete(RequestOutcome.Fulfilled)).OfType<ConsentWithdrawn>().Select(w => w.Purpose);

        Assert.Equal([ConsentPurpose.Analytics, ConsentPurpose.SensitiveProcessing], withdrawn);
    }

    [Fact]
    public void Given_withdraw_consent_request_naming_none_When_fulfilled_Then_every_consent_withdrawn()
    {
        var scenario = Scenario.Registered()
            .Given(Consent(ConsentPurpose.MarketingEmail), Consent(ConsentPurpose.TargetedAdvertising), Consent(ConsentPurpose.Analytics), Consent(ConsentPurpose.SensitiveProcessing))
            .GivenRequest("r-1", RightsRequestType.WithdrawConsent);

        var state = scenario.Then(Complete(RequestOutcome.Fulfilled));

        Assert.All(Enum.GetValues<ConsentPurpose>(), purpose => Assert.False(state.HasConsent(purpose)));
        Assert.Equal(4, state.Consents.Values.Count(c => c.WithdrawnAt is not null));
    }

    [Fact]
    public void Given_consent_purposes_on_another_request_type_When_received_Then_invalid()
    {
        var error = Scenario.Registered().Invalid(new ReceiveRightsRequest
        {
            SubjectId = Scenario.SubjectId,
            RequestId = "r-1",
            Type = RightsRequestType.Delete,
            Channel = RequestChannel.Email,
            ConsentPurposes = [ConsentPurpose.Analytics],
        });

        Assert.Equal("consentPurposes", error.Field);
    }
}
