using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Contact;

public class ContactPolicyTests
{
    private static GrantConsent Grant(ConsentPurpose purpose) =>
        purpose == ConsentPurpose.MarketingSms
            ? new() { SubjectId = Scenario.SubjectId, Purpose = purpose, Basis = ConsentBasis.ExpressWritten, NoticeVersion = "v1", SignatureMethod = SignatureMethod.Checkbox, Evidence = "web form" }
            : new() { SubjectId = Scenario.SubjectId, Purpose = purpose, Basis = ConsentBasis.Express, NoticeVersion = "v1" };

    private static Scenario Consented() =>
        Scenario.Registered().Given(Grant(ConsentPurpose.MarketingSms), Grant(ConsentPurpose.MarketingEmail));

    private static ContactDecision Can(Scenario scenario, ContactChannel channel, MessageKind kind = MessageKind.Marketing) =>
        ContactPolicy.CanContact(scenario.State, channel, kind);

    [Theory]
    [InlineData(ContactChannel.Sms)]
    [InlineData(ContactChannel.Email)]
    public void Given_consent_granted_When_marketing_Then_allowed(ContactChannel channel)
    {
        Assert.Equal(ContactDecision.Allow("consent-granted"), Can(Consented(), channel));
    }

    [Fact]
    public void Given_no_consent_When_marketing_Then_denied_but_service_allowed()
    {
        var scenario = Scenario.Registered();

        Assert.Equal(ContactDecision.Deny("no-consent"), Can(scenario, ContactChannel.Email));
        Assert.Equal(ContactDecision.Allow("service-message"), Can(scenario, ContactChannel.Email, MessageKind.Service));
    }

    [Fact]
    public void Given_email_consent_withdrawn_When_marketing_email_Then_denied_while_sms_and_service_still_allowed()
    {
        var scenario = Consented().Given(new WithdrawConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingEmail });

        Assert.Equal(ContactDecision.Deny("consent-withdrawn"), Can(scenario, ContactChannel.Email));
        Assert.True(Can(scenario, ContactChannel.Sms).Allowed);
        Assert.True(Can(scenario, ContactChannel.Email, MessageKind.Service).Allowed);
    }

    [Fact]
    public void Given_sms_stop_When_marketing_sms_Then_denied_as_opted_out()
    {
        var scenario = Consented().Given(new ReceiveSmsKeyword { SubjectId = Scenario.SubjectId, Body = "STOP" });

        Assert.Equal(ContactDecision.Deny("opted-out"), Can(scenario, ContactChannel.Sms));
        Assert.True(Can(scenario, ContactChannel.Sms, MessageKind.Service).Allowed);
    }

    [Fact]
    public void Given_unsubscribe_link_When_marketing_email_Then_denied_as_opted_out()
    {
        var scenario = Consented().Given(new OptOut { SubjectId = Scenario.SubjectId, Scope = OptOutScope.MarketingEmail, Method = PreferenceMethod.UnsubscribeLink });

        Assert.Equal(ContactDecision.Deny("opted-out"), Can(scenario, ContactChannel.Email));
    }

    [Fact]
    public void Given_deactivated_account_When_marketing_Then_denied()
    {
        var scenario = Consented().Given(new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "request" });

        Assert.Equal(ContactDecision.Deny("account-deactivated"), Can(scenario, ContactChannel.Email));
    }

    [Fact]
    public void Given_restricted_processing_When_marketing_Then_denied()
    {
        var scenario = Consented().Given(new RestrictProcessing { SubjectId = Scenario.SubjectId });

        Assert.Equal(ContactDecision.Deny("processing-restricted"), Can(scenario, ContactChannel.Sms));
    }

    [Fact]
    public void Given_unregistered_subject_When_any_message_Then_denied()
    {
        Assert.Equal(ContactDecision.Deny("subject-not-registered"), Can(Scenario.Unregistered(), ContactChannel.Sms, MessageKind.Service));
    }

    [Fact]
    public void Given_subject_without_phone_When_sms_Then_denied_for_no_address()
    {
        var scenario = Scenario.Unregistered().Given(new RegisterSubject { SubjectId = Scenario.SubjectId, Jurisdiction = "CA", Email = "a@example.com" });

        Assert.Equal(ContactDecision.Deny("no-contact-address"), Can(scenario, ContactChannel.Sms, MessageKind.Service));
    }
}
