using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Serialization;

/// <summary>
/// The subject's fold lists only the events its own facts change; the rest belong to a feature fold
/// (<see cref="ConsentEvolution"/>, <see cref="RightsRequestEvolution"/>, <see cref="DeliveryEvolver"/>). Every event
/// type must still be claimed by one of them, or folding a stored stream would fail.
/// </summary>
public class EveryEventFoldsTests
{
    [Fact]
    public void Given_every_event_type_When_folded_into_a_subject_Then_none_is_unknown()
    {
        // A plan about an opt-out or a correction outside any request names no request.
        Assert.All(SampleEvents.All.Append(new PropagationPlanned()), e => Assert.Equal(1, SubjectEvolver.Evolve(SubjectState.Initial, e).Version));
    }
}
