using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Sms;

public class NumberSuppressionTests
{
    private static readonly InboundTextClassification Stop = InboundTextClassification.Of(InboundTextKind.Revocation, "per-se-word:stop");
    private static readonly InboundTextClassification Start = InboundTextClassification.Of(InboundTextKind.OptIn, "resubscribe-word:start");
    private static readonly DateTimeOffset Now = Scenario.Now;

    [Fact]
    public void Given_unknown_number_When_stop_Then_suppressed_from_now_with_the_reason()
    {
        Assert.Equal(new NumberSuppression { SuppressedAt = Now, Reason = "per-se-word:stop" }, NumberSuppressionDecision.Decide(null, Stop, Now));
    }

    [Fact]
    public void Given_suppressed_number_When_stop_again_Then_the_first_date_stays()
    {
        var first = NumberSuppressionDecision.Decide(null, Stop, Now);

        Assert.Null(NumberSuppressionDecision.Decide(first, Stop, Now.AddDays(3)));
    }

    [Fact]
    public void Given_suppressed_number_When_start_Then_lifted_and_a_later_stop_suppresses_again()
    {
        var lifted = NumberSuppressionDecision.Decide(NumberSuppressionDecision.Decide(null, Stop, Now), Start, Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), lifted!.LiftedAt);
        Assert.False(lifted.Binds(Now.AddDays(-1)));
        Assert.Equal(Now.AddHours(2), NumberSuppressionDecision.Decide(lifted, Stop, Now.AddHours(2))!.SuppressedAt);
    }

    [Fact]
    public void Given_number_never_stopped_When_start_or_yes_Then_nothing_changes()
    {
        Assert.Null(NumberSuppressionDecision.Decide(null, Start, Now));
        Assert.Null(NumberSuppressionDecision.Decide(null, InboundTextClassifier.Classify("YES", awaitingResubscribe: false), Now));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("see you soon")]
    public void Given_suppressed_number_When_help_or_unclassified_Then_nothing_changes(string body)
    {
        var suppressed = NumberSuppressionDecision.Decide(null, Stop, Now);

        Assert.Null(NumberSuppressionDecision.Decide(suppressed, InboundTextClassifier.Classify(body, awaitingResubscribe: true), Now));
    }

    [Fact]
    public void Given_suppression_Then_it_binds_consents_dated_before_it_and_not_after()
    {
        var suppression = new NumberSuppression { SuppressedAt = Now, Reason = "per-se-word:stop" };

        Assert.True(suppression.Binds(Now.AddDays(-30)));
        Assert.True(suppression.Binds(null));
        Assert.False(suppression.Binds(Now.AddMinutes(1)));
    }

    [Fact]
    public void Given_a_text_key_already_handled_When_redelivered_Then_nothing_changes()
    {
        var suppressed = NumberSuppressionDecision.Decide(null, Stop, Now, "message-1");
        var lifted = NumberSuppressionDecision.Decide(suppressed, Start, Now.AddMinutes(1), "message-2");

        Assert.Equal(["message-1", "message-2"], lifted!.TextKeys);
        Assert.Null(NumberSuppressionDecision.Decide(lifted, Stop, Now.AddMinutes(2), "message-1"));
    }

    [Fact]
    public void Given_consent_before_the_numbers_stop_When_asked_for_marketing_texts_Then_number_suppressed_and_a_later_consent_is_not()
    {
        var suppression = new NumberSuppression { SuppressedAt = Now, Reason = "per-se-word:stop" };
        var before = Scenario.Registered().Given(new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingSms, NoticeVersion = "v1", GrantedAt = Now.AddDays(-2) });
        var after = Scenario.Registered().Later(TimeSpan.FromHours(1)).Given(new GrantConsent
        {
            SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.ExpressWritten, NoticeVersion = "v1", SignatureMethod = SignatureMethod.ESign, Evidence = "e-signed",
        });

        Assert.Equal("number-suppressed", ContactPolicy.CanContact(before.State, ContactChannel.Sms, MessageKind.Marketing, suppression).Reason);
        Assert.True(ContactPolicy.CanContact(after.State, ContactChannel.Sms, MessageKind.Marketing, suppression).Allowed);
    }

    [Fact]
    public void Given_granted_at_in_the_future_When_consent_granted_Then_invalid_granted_at()
    {
        var error = Scenario.Registered().Invalid(new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingSms, NoticeVersion = "v1", GrantedAt = Now.AddMinutes(1) });

        Assert.Equal("grantedAt", error.Field);
    }
}
