using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class ShineTheLightTests
{
    private static ReceiveRightsRequest ShineTheLight(string requestId) => new()
    {
        SubjectId = Scenario.SubjectId,
        RequestId = requestId,
        Type = RightsRequestType.ShineTheLight,
        Channel = RequestChannel.Email,
    };

    [Fact]
    public void Given_CA_customer_When_shine_the_light_received_Then_due_in_30_days()
    {
        var received = Assert.IsType<RightsRequestReceived>(Assert.Single(Scenario.Registered("CA").When(ShineTheLight("stl-1"))));

        Assert.Equal(Scenario.Now.AddDays(30), received.DueAt);
    }

    [Fact]
    public void Given_shine_the_light_this_year_When_another_received_Then_refused_and_next_year_accepted()
    {
        var scenario = Scenario.Registered("CA").Given(ShineTheLight("stl-1"));

        Assert.Equal("shine-the-light-once-a-year", scenario.Later(TimeSpan.FromDays(200)).Rejected(ShineTheLight("stl-2")).Rule);
        Assert.Single(scenario.At(new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero)).When(ShineTheLight("stl-2")));
    }

    [Fact]
    public void Given_virginia_subject_When_shine_the_light_received_Then_right_not_offered()
    {
        Assert.Equal("right-not-offered", Scenario.Registered("VA").Rejected(ShineTheLight("stl-1")).Rule);
    }
}
