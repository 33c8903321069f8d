using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Sms;

public class InboundTextTests
{
    private static ReceiveSmsKeyword Sms(string body) => new() { SubjectId = Scenario.SubjectId, Body = body };

    private static InboundTextClassification Classify(string body, bool awaitingResubscribe = false) =>
        InboundTextClassifier.Classify(body, awaitingResubscribe);

    [Fact]
    public void Given_the_fcc_order_Then_the_per_se_words_are_the_seven_it_names()
    {
        // FCC revocation order, 64.1200(a)(10)-(12), in force 2025-04-11.
        Assert.Equal(["stop", "quit", "end", "revoke", "cancel", "unsubscribe", "opt out"], InboundTextVocabulary.PerSeWords);
        Assert.Equal(new DateOnly(2025, 4, 11), InboundTextVocabulary.RevocationOrderInForce);
    }

    [Theory]
    [InlineData("STOP", "stop")]
    [InlineData("stop", "stop")]
    [InlineData("Stop.", "stop")]
    [InlineData("STOP!!", "stop")]
    [InlineData("  stop \n", "stop")]
    [InlineData("please stop", "stop")]
    [InlineData("stop texting me", "stop")]
    [InlineData("Stop it please", "stop")]
    [InlineData("STOPALL", "stop")]
    [InlineData("stop all", "stop")]
    [InlineData("QUIT", "quit")]
    [InlineData("quit!", "quit")]
    [InlineData("END", "end")]
    [InlineData("end.", "end")]
    [InlineData("REVOKE", "revoke")]
    [InlineData("I revoke my consent", "revoke")]
    [InlineData("CANCEL", "cancel")]
    [InlineData("cancel please", "cancel")]
    [InlineData("UNSUBSCRIBE", "unsubscribe")]
    [InlineData("unsubscribe me", "unsubscribe")]
    [InlineData("Unsub", "unsubscribe")]
    [InlineData("opt out", "opt out")]
    [InlineData("Opt-out", "opt out")]
    [InlineData("OPT OUT!", "opt out")]
    [InlineData("optout", "opt out")]
    [InlineData("Stop2", "stop")]
    public void Given_a_per_se_word_in_any_form_When_classified_Then_revocation_naming_the_word(string body, string word)
    {
        Assert.Equal(InboundTextClassification.Of(InboundTextKind.Revocation, $"per-se-word:{word}"), Classify(body));
    }

    [Theory]
    [InlineData("don't text me", "dont text me")]
    [InlineData("Dont text me anymore", "dont text me")]
    [InlineData("do not text this number", "do not text")]
    [InlineData("remove me", "remove me")]
    [InlineData("Please remove me from this", "remove me")]
    [InlineData("take me off your list", "take me off")]
    [InlineData("no more texts", "no more texts")]
    [InlineData("No more messages please", "no more messages")]
    [InlineData("wrong number", "wrong number")]
    [InlineData("Wrong number!!", "wrong number")]
    [InlineData("leave me alone", "leave me alone")]
    [InlineData("not interested", "not interested")]
    [InlineData("I didn\u2019t sign up for this", "i didnt sign up")]
    [InlineData("delete my number", "delete my number")]
    [InlineData("this is spam", "spam")]
    public void Given_other_reasonable_wording_When_classified_Then_revocation_naming_the_phrase(string body, string phrase)
    {
        Assert.Equal(InboundTextClassification.Of(InboundTextKind.Revocation, $"phrase:{phrase}"), Classify(body));
    }

    [Fact]
    public void Given_every_phrase_of_the_list_When_classified_Then_each_is_a_revocation()
    {
        Assert.All(InboundTextVocabulary.Phrases, phrase => Assert.Equal(InboundTextKind.Revocation, Classify(phrase.ToUpperInvariant() + ".").Kind));
        Assert.All(InboundTextVocabulary.Variants.Keys, variant => Assert.Equal(InboundTextKind.Revocation, Classify(variant).Kind));
    }

    [Theory]
    [InlineData("stop by later, we are at the end of the street")]
    [InlineData("help me stop these")]
    [InlineData("START? no, STOP")]
    public void Given_doubt_between_revocation_and_anything_else_When_classified_Then_revocation(string body)
    {
        Assert.Equal(InboundTextKind.Revocation, Classify(body).Kind);
    }

    [Theory]
    [InlineData("HELP", "help")]
    [InlineData("help?", "help")]
    [InlineData("Info", "info")]
    [InlineData("need some help", "help")]
    public void Given_help_or_info_When_classified_Then_help(string body, string word)
    {
        Assert.Equal(InboundTextClassification.Of(InboundTextKind.Help, $"help-word:{word}"), Classify(body));
    }

    [Theory]
    [InlineData("START", "start")]
    [InlineData(" start. ", "start")]
    [InlineData("UNSTOP", "unstop")]
    [InlineData("Unstop!", "unstop")]
    public void Given_start_or_unstop_When_classified_Then_opt_in(string body, string word)
    {
        Assert.Equal(InboundTextClassification.Of(InboundTextKind.OptIn, $"resubscribe-word:{word}"), Classify(body));
    }

    [Fact]
    public void Given_yes_When_it_answers_a_resubscribe_prompt_Then_opt_in_and_otherwise_unclassified()
    {
        Assert.Equal(InboundTextClassification.Of(InboundTextKind.OptIn, "yes-to-resubscribe-prompt"), Classify("Yes!", awaitingResubscribe: true));
        Assert.Equal(InboundTextClassification.Of(InboundTextKind.Unclassified, "yes-without-prompt"), Classify("YES"));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("what time is the event?")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("start the show tonight?")]
    [InlineData("yes please, see you there")]
    [InlineData("\U0001F44D")]
    public void Given_anything_else_When_classified_Then_unclassified(string body)
    {
        Assert.Equal(InboundTextKind.Unclassified, Classify(body, awaitingResubscribe: true).Kind);
    }

    [Fact]
    public void Given_a_revocation_When_reply_Then_one_confirmation_before_received_plus_five_minutes()
    {
        var received = Scenario.Now;

        var reply = InboundTextReply.For(InboundTextKind.Revocation, received, "Call Loop: help at example.com");

        Assert.Equal(("opt-out-confirmation", received.AddMinutes(5), (string?)null), (reply.Kind, reply.SendBefore, reply.Text));
    }

    [Fact]
    public void Given_help_When_reply_Then_the_configured_help_text()
    {
        var reply = InboundTextReply.For(InboundTextKind.Help, Scenario.Now, "Call Loop alerts. Help: support@example.com. Msg & data rates may apply. Reply STOP to cancel.");

        Assert.Equal(("help", "Call Loop alerts. Help: support@example.com. Msg & data rates may apply. Reply STOP to cancel."), (reply.Kind, reply.Text));
    }

    [Fact]
    public void Given_unclassified_When_reply_Then_nothing_to_send()
    {
        Assert.Equal(("none", (DateTimeOffset?)null), (InboundTextReply.For(InboundTextKind.Unclassified, Scenario.Now, "help").Kind, InboundTextReply.For(InboundTextKind.Unclassified, Scenario.Now, "help").SendBefore));
    }

    [Fact]
    public void Given_subject_When_stop_received_Then_opted_out_of_marketing_sms_by_keyword_with_the_reason_and_no_body()
    {
        var optedOut = Assert.IsType<OptedOut>(Assert.Single(Scenario.Registered().When(Sms("Stop texting me, secret-word"))));

        Assert.Equal((OptOutScope.MarketingSms, PreferenceMethod.SmsKeyword, "per-se-word:stop"), (optedOut.Scope, optedOut.Method, optedOut.Reason));
        Assert.DoesNotContain("secret-word", System.Text.Json.JsonSerializer.Serialize<SubjectEvent>(optedOut, DomainJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_subject_When_classification_sent_without_body_Then_opted_out()
    {
        var command = new ReceiveSmsKeyword { SubjectId = Scenario.SubjectId, Classification = InboundTextClassification.Of(InboundTextKind.Revocation, "phrase:remove me") };

        var optedOut = Assert.IsType<OptedOut>(Assert.Single(Scenario.Registered().When(command)));

        Assert.Equal("phrase:remove me", optedOut.Reason);
    }

    [Fact]
    public void Given_stopped_subject_When_start_received_Then_opted_back_in()
    {
        var state = Scenario.Registered().Given(Sms("STOP")).Then(Sms("start"));

        Assert.False(state.IsOptedOut(OptOutScope.MarketingSms));
    }

    [Fact]
    public void Given_stopped_subject_When_yes_received_Then_it_answers_the_prompt_and_opts_back_in()
    {
        var state = Scenario.Registered().Given(Sms("STOP")).Then(Sms("yes"));

        Assert.False(state.IsOptedOut(OptOutScope.MarketingSms));
    }

    [Fact]
    public void Given_subject_never_stopped_When_yes_or_start_received_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().When(Sms("YES")));
        Assert.Empty(Scenario.Registered().When(Sms("START")));
    }

    [Fact]
    public void Given_opted_out_by_unsubscribe_link_When_start_texted_Then_still_opted_out()
    {
        var scenario = Scenario.Registered().Given(new OptOut { SubjectId = Scenario.SubjectId, Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.UnsubscribeLink });

        Assert.Empty(scenario.When(Sms("START")));
    }

    [Fact]
    public void Given_stopped_subject_When_stop_received_again_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().Given(Sms("STOP")).When(Sms("quit")));
    }

    [Theory]
    [InlineData("what time is the event?")]
    [InlineData("HELP")]
    public void Given_subject_When_unclassified_or_help_received_Then_no_events(string body)
    {
        Assert.Empty(Scenario.Registered().When(Sms(body)));
    }

    [Fact]
    public void Given_stopped_and_deactivated_subject_When_start_received_Then_ignored()
    {
        var scenario = Scenario.Registered().Given(Sms("STOP"), new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "request" });

        Assert.Empty(scenario.When(Sms("START")));
    }
}
