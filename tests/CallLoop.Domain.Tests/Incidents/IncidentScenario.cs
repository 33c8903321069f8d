using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Incidents;

/// <summary>Given/When/Then over one incident: state is built by deciding and evolving real commands.</summary>
internal sealed class IncidentScenario
{
    public const string IncidentId = "incident-1";

    /// <summary>Discovered on a Monday in 2026 (California's 30-day row is in force).</summary>
    public static readonly DateTimeOffset Discovered = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private IncidentScenario(DateTimeOffset now, BreachPolicy policy)
    {
        Clock = now;
        Policy = policy;
    }

    public IncidentState State { get; private set; } = IncidentState.Initial;

    public DateTimeOffset Clock { get; private set; }

    public BreachPolicy Policy { get; }

    public static IncidentFacts Facts(
        BreachDataElement[]? elements = null,
        bool encrypted = false,
        bool keyCompromised = false,
        bool realRisk = false,
        DateTimeOffset? discovered = null) => new()
    {
        DiscoveredAt = discovered ?? Discovered,
        OccurredFrom = (discovered ?? Discovered).AddDays(-20),
        OccurredTo = (discovered ?? Discovered).AddDays(-10),
        Description = "an attacker copied a customer database through a stolen administrator password.",
        Categories = [PersonalInformationCategory.Identifiers],
        DataElements = elements ?? [BreachDataElement.Name, BreachDataElement.Ssn],
        Encrypted = encrypted,
        KeyCompromised = keyCompromised,
        Systems = ["crm"],
        RealRiskOfSignificantHarm = realRisk,
        StepsTaken = "We reset every administrator password and added a second factor.",
    };

    public static IncidentScenario Reported(IncidentFacts? facts = null, BreachPolicy? policy = null) =>
        new IncidentScenario(Discovered.AddHours(1), policy ?? BreachPolicy.Default)
            .Given(new ReportIncident { IncidentId = IncidentId, Facts = facts ?? Facts() });

    /// <summary>Reported, then assessed with these affected (and, unless said, all notifiable) counts.</summary>
    public static IncidentScenario Assessed(IncidentFacts? facts, params (string Jurisdiction, long Affected)[] counts) =>
        Reported(facts)
            .Given(new StartAssessment { IncidentId = IncidentId })
            .Given(new RecordAssessment
            {
                IncidentId = IncidentId,
                Assessment = 1,
                Jurisdictions = counts.Select(c => new AffectedJurisdiction { Jurisdiction = c.Jurisdiction, Affected = c.Affected, Notifiable = c.Affected }).ToArray(),
            });

    public IncidentScenario Given(params IncidentCommand[] commands)
    {
        foreach (var command in commands)
        {
            State = When(command).Aggregate(State, IncidentEvolver.Evolve);
        }

        return this;
    }

    public IncidentScenario At(DateTimeOffset now)
    {
        Clock = now;
        return this;
    }

    public IReadOnlyList<IncidentEvent> When(IncidentCommand command) => IncidentDecider.Decide(State, command, Clock, Policy);

    public RuleViolationException Rejected(IncidentCommand command) => Assert.Throws<RuleViolationException>(() => When(command));

    public InvalidCommandException Invalid(IncidentCommand command) => Assert.Throws<InvalidCommandException>(() => When(command));

    public JurisdictionObligation Obligation(string jurisdiction) =>
        BreachObligations.For(State, Policy, Clock).Single(o => o.Jurisdiction == jurisdiction);
}
