using CallLoop.Domain;

namespace CallLoop.Domain.Tests;

/// <summary>Given/When/Then helpers: state is built by deciding and evolving real commands.</summary>
internal sealed class Scenario
{
    public const string SubjectId = "subject-1";

    /// <summary>A Monday, so business-day arithmetic is easy to read.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 12, 0, 0, TimeSpan.Zero);

    private Scenario(SubjectState state, DateTimeOffset now)
    {
        State = state;
        Clock = now;
    }

    public SubjectState State { get; private set; }

    public DateTimeOffset Clock { get; private set; }

    /// <summary>How the deployment decides (<see cref="SubjectPolicy"/>); the default unless <see cref="With"/> says otherwise.</summary>
    public SubjectPolicy Policy { get; private set; } = SubjectPolicy.Default;

    public static Scenario Unregistered() => new(SubjectState.Initial, Now);

    public static Scenario Registered(string jurisdiction = "CA") =>
        Unregistered().Given(new RegisterSubject
        {
            SubjectId = SubjectId,
            Jurisdiction = jurisdiction,
            Email = "person@example.com",
            Phone = "(555) 123-4567",
            Name = "Pat Example",
            BirthDate = new DateOnly(1990, 5, 17),
        });

    public Scenario Given(params SubjectCommand[] commands)
    {
        foreach (var command in commands)
        {
            State = SubjectDecider.Decide(State, command, Clock, caller: null, Policy).Aggregate(State, SubjectEvolver.Evolve);
        }

        return this;
    }

    public Scenario GivenEvents(params SubjectEvent[] events)
    {
        State = events.Aggregate(State, SubjectEvolver.Evolve);
        return this;
    }

    public Scenario With(SubjectPolicy policy)
    {
        Policy = policy;
        return this;
    }

    public Scenario At(DateTimeOffset now)
    {
        Clock = now;
        return this;
    }

    public Scenario Later(TimeSpan by) => At(Clock + by);

    public IReadOnlyList<SubjectEvent> When(SubjectCommand command) => SubjectDecider.Decide(State, command, Clock, caller: null, Policy);

    /// <summary>Decides and evolves, returning the new state.</summary>
    public SubjectState Then(SubjectCommand command) => Given(command).State;

    public RuleViolationException Rejected(SubjectCommand command) =>
        Assert.Throws<RuleViolationException>(() => When(command));

    public InvalidCommandException Invalid(SubjectCommand command) =>
        Assert.Throws<InvalidCommandException>(() => When(command));

    public Scenario GivenRequest(string requestId, RightsRequestType type, AuthorizedAgent? agent = null) =>
        Given(new ReceiveRightsRequest { SubjectId = SubjectId, RequestId = requestId, Type = type, Channel = RequestChannel.WebForm, Agent = agent });

    public Scenario GivenVerified(string requestId) =>
        Given(new VerifyIdentity { SubjectId = SubjectId, RequestId = requestId, Method = VerificationMethod.Login });

    public Scenario GivenCompleted(string requestId, RequestOutcome outcome, DenialReason? reason = null) =>
        Given(new CompleteRequest
        {
            SubjectId = SubjectId,
            RequestId = requestId,
            Outcome = outcome,
            DenialReason = reason,
            Explanation = outcome == RequestOutcome.Fulfilled ? null : "Exempt records are kept.",
        });

    public RightsRequest Request(string requestId) => State.Requests[requestId];
}
