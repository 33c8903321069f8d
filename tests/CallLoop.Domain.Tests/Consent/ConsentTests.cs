using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Consent;

public class ConsentTests
{
    private static GrantConsent Grant(ConsentPurpose purpose = ConsentPurpose.MarketingEmail, ConsentBasis basis = ConsentBasis.Express, string notice = "2024-09-09") => new()
    {
        SubjectId = Scenario.SubjectId,
        Purpose = purpose,
        Basis = basis,
        NoticeVersion = notice,
        Channel = "web-form",
        Evidence = "checkbox ticked",
    };

    private static WithdrawConsent Withdraw(ConsentPurpose purpose = ConsentPurpose.MarketingEmail) =>
        new() { SubjectId = Scenario.SubjectId, Purpose = purpose, Channel = "email" };

    [Fact]
    public void Given_registered_subject_When_consent_granted_Then_recorded_with_evidence()
    {
        var state = Scenario.Registered().Then(Grant());

        var consent = state.Consents[ConsentPurpose.MarketingEmail];
        Assert.True(consent.Granted);
        Assert.Equal(("2024-09-09", "checkbox ticked", Scenario.Now), (consent.NoticeVersion, consent.Evidence, consent.GrantedAt!.Value));
    }

    [Fact]
    public void Given_granted_consent_When_same_grant_repeated_Then_no_events()
    {
        var scenario = Scenario.Registered().Given(Grant());

        Assert.Empty(scenario.When(Grant()));
        Assert.Single(scenario.When(Grant(notice: "2025-01-01")));
    }

    [Fact]
    public void Given_deactivated_account_When_consent_granted_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "request" });

        Assert.Equal("account-deactivated", scenario.Rejected(Grant()).Rule);
    }

    [Fact]
    public void Given_any_subject_When_implied_consent_for_sensitive_processing_Then_rejected()
    {
        var error = Scenario.Registered("VA").Rejected(Grant(ConsentPurpose.SensitiveProcessing, ConsentBasis.Implied));

        Assert.Equal("express-consent-required", error.Rule);
    }

    [Fact]
    public void Given_granted_consent_When_withdrawn_Then_no_longer_granted()
    {
        var state = Scenario.Registered().Given(Grant()).Then(Withdraw());

        Assert.False(state.HasConsent(ConsentPurpose.MarketingEmail));
        Assert.Equal(Scenario.Now, state.Consents[ConsentPurpose.MarketingEmail].WithdrawnAt);
    }

    [Fact]
    public void Given_no_consent_When_withdrawn_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().When(Withdraw()));
    }

    [Fact]
    public void Given_any_subject_When_grant_lacks_notice_version_Then_invalid_notice_version()
    {
        Assert.Equal("noticeVersion", Scenario.Registered().Invalid(Grant(notice: "")).Field);
    }
}
