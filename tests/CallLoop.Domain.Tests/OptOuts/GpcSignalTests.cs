using CallLoop.Domain;

namespace CallLoop.Domain.Tests.OptOuts;

public class GpcSignalTests
{
    private static readonly ReceiveGpcSignal Gpc = new() { SubjectId = Scenario.SubjectId };

    [Theory]
    [InlineData("CA")]
    [InlineData("VA")]
    [InlineData("UT")]
    [InlineData("IL")]
    [InlineData("CAN")]
    public void Given_subject_in_any_jurisdiction_When_gpc_received_Then_opted_out_of_sale_sharing_and_targeted_advertising(string jurisdiction)
    {
        var events = Scenario.Registered(jurisdiction).When(Gpc);

        var optOuts = events.Cast<OptedOut>().ToList();
        Assert.Equal(new[] { OptOutScope.Sale, OptOutScope.Sharing, OptOutScope.TargetedAdvertising }, optOuts.Select(o => o.Scope));
        Assert.All(optOuts, o => Assert.Equal(PreferenceMethod.Gpc, o.Method));
    }

    [Fact]
    public void Given_someone_without_an_account_When_gpc_received_Then_the_opt_outs_say_so_and_a_registered_subjects_do_not()
    {
        var withoutAccount = Scenario.Unregistered().When(Gpc).Cast<OptedOut>().ToList();

        Assert.Equal(3, withoutAccount.Count);
        Assert.All(withoutAccount, o => Assert.True(o.FromNonSubject));
        Assert.All(Scenario.Registered().When(Gpc).Cast<OptedOut>(), o => Assert.False(o.FromNonSubject));
    }

    [Fact]
    public void Given_someone_without_an_account_When_a_stop_text_reaches_their_stream_Then_the_opt_out_says_so()
    {
        var stop = new ReceiveSmsKeyword { SubjectId = Scenario.SubjectId, Body = "STOP" };

        Assert.True(Assert.IsType<OptedOut>(Assert.Single(Scenario.Unregistered().When(stop))).FromNonSubject);
        Assert.False(Assert.IsType<OptedOut>(Assert.Single(Scenario.Registered().When(stop))).FromNonSubject);
    }

    [Fact]
    public void Given_gpc_already_honoured_When_gpc_received_again_Then_no_events()
    {
        Assert.Empty(Scenario.Registered().Given(Gpc).When(Gpc));
    }

    [Fact]
    public void Given_opted_out_of_sale_When_gpc_received_Then_only_missing_scopes_opted_out()
    {
        var scenario = Scenario.Registered().Given(new OptOut { SubjectId = Scenario.SubjectId, Scope = OptOutScope.Sale, Method = PreferenceMethod.Request });

        var scopes = scenario.When(Gpc).Cast<OptedOut>().Select(o => o.Scope);

        Assert.Equal(new[] { OptOutScope.Sharing, OptOutScope.TargetedAdvertising }, scopes);
    }

    [Fact]
    public void Given_gpc_opt_out_When_targeted_advertising_collection_Then_rejected()
    {
        var scenario = Scenario.Registered().Given(Gpc);

        var error = scenario.Rejected(new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.InternetActivity,
            Source = CollectionSource.Automatic,
            Purposes = [ProcessingPurpose.TargetedAdvertising],
            Data = new Dictionary<string, string> { ["pageViews"] = "12" },
        });

        Assert.Equal("opted-out-of-targeted-advertising", error.Rule);
    }
}
