using CallLoop.Domain;

namespace CallLoop.Domain.Tests.OptOuts;

public class SmsKeywordTests
{
    private static ReceiveSmsKeyword Sms(string body) => new() { SubjectId = Scenario.SubjectId, Body = body };

    [Theory]
    [InlineData("STOP", SmsKeywordKind.OptOut)]
    [InlineData("  stop \n", SmsKeywordKind.OptOut)]
    [InlineData("StopAll", SmsKeywordKind.OptOut)]
    [InlineData("unsubscribe", SmsKeywordKind.OptOut)]
    [InlineData("Cancel", SmsKeywordKind.OptOut)]
    [InlineData("END", SmsKeywordKind.OptOut)]
    [InlineData("quit", SmsKeywordKind.OptOut)]
    [InlineData("START", SmsKeywordKind.OptIn)]
    [InlineData(" unstop", SmsKeywordKind.OptIn)]
    [InlineData("yes", SmsKeywordKind.OptIn)]
    [InlineData("stop it please", SmsKeywordKind.None)]
    [InlineData("hello", SmsKeywordKind.None)]
    [InlineData("", SmsKeywordKind.None)]
    public void Given_sms_body_When_classified_Then_keyword_kind(string body, SmsKeywordKind expected)
    {
        Assert.Equal(expected, SmsKeywords.Classify(body));
    }

    [Fact]
    public void Given_subject_When_stop_received_Then_opted_out_of_marketing_sms_by_keyword()
    {
        var optedOut = Assert.IsType<OptedOut>(Assert.Single(Scenario.Registered().When(Sms(" Stop "))));

        Assert.Equal((OptOutScope.MarketingSms, PreferenceMethod.SmsKeyword), (optedOut.Scope, optedOut.Method));
    }

    [Fact]
    public void Given_stopped_subject_When_start_received_Then_opted_back_in()
    {
        var state = Scenario.Registered().Given(Sms("STOP")).Then(Sms("start"));

        Assert.False(state.IsOptedOut(OptOutScope.MarketingSms));
    }

    [Fact]
    public void Given_stopped_subject_When_stop_received_again_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().Given(Sms("STOP")).When(Sms("quit")));
    }

    [Fact]
    public void Given_subject_When_other_text_received_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().When(Sms("what time is the event?")));
    }

    [Fact]
    public void Given_stopped_and_deactivated_subject_When_start_received_Then_ignored()
    {
        var scenario = Scenario.Registered().Given(Sms("STOP"), new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "request" });

        Assert.Empty(scenario.When(Sms("START")));
    }
}
