using CallLoop.Domain;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// A seeded random population with every fact also kept as a plain record, so the tests can count the
/// expected report figures themselves, independently of the projections and SQL under test.
/// </summary>
internal sealed class KnownPopulation
{
    /// <summary>Other report tests use CO and VA in the present; the population keeps out of their way.</summary>
    public static readonly string[] States = JurisdictionTable.ListedCodes.Where(c => c is not "CO" and not "VA").ToArray();

    private static readonly DateTimeOffset FactsFrom = new(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RequestsFrom = new(2017, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] ThirdPartySources = ["marketing-partner", "public-database"];
    private static readonly DisclosurePurpose[] DisclosurePurposes = Enum.GetValues<DisclosurePurpose>();
    private static readonly RightsRequestType[] RequestTypes = Enum.GetValues<RightsRequestType>();

    private readonly Random random;

    private KnownPopulation(int seed) => random = new Random(seed);

    public List<(string SubjectId, IReadOnlyList<SubjectEvent> Events)> Streams { get; } = [];

    public List<CollectedFact> Collections { get; } = [];

    public List<DisclosedFact> Disclosures { get; } = [];

    public List<RequestFact> Requests { get; } = [];

    public static KnownPopulation Generate(string prefix, int subjects, int seed)
    {
        var population = new KnownPopulation(seed);
        for (var i = 0; i < subjects; i++)
        {
            population.AddSubject($"{prefix}-{i:D5}");
        }

        return population;
    }

    private void AddSubject(string subjectId)
    {
        var state = Pick(States);
        var events = new List<SubjectEvent> { new SubjectRegistered { Jurisdiction = state } };
        var steps = random.Next(1, 8);
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(10))
            {
                case < 5:
                    events.Add(Collect(subjectId, state));
                    break;
                case < 7:
                    events.Add(Disclose(subjectId, state));
                    break;
                case < 9:
                    events.AddRange(Request(subjectId, state, $"r{step}"));
                    break;
                default:
                    var next = Pick(States);
                    if (next != state)
                    {
                        events.Add(new ResidencyChanged { PreviousJurisdiction = state, Jurisdiction = next });
                        state = next;
                    }

                    break;
            }
        }

        Streams.Add((subjectId, events));
    }

    private PersonalInformationCollected Collect(string subjectId, string state)
    {
        var source = Pick(Enum.GetValues<CollectionSource>());
        var detail = source switch
        {
            CollectionSource.ThirdParty => Pick(ThirdPartySources),
            CollectionSource.Direct when random.Next(3) == 0 => "google-sign-in",
            _ => null,
        };
        var purposes = Enum.GetValues<ProcessingPurpose>().OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
        var collected = new PersonalInformationCollected
        {
            Category = Pick(Enum.GetValues<PersonalInformationCategory>()),
            Source = source,
            SourceDetail = detail,
            Purposes = purposes,
            Data = new Dictionary<string, string> { ["note"] = "value" },
            CollectedAt = RandomTime(FactsFrom, 3 * 365),
        };
        Collections.Add(new CollectedFact(subjectId, state, Text(collected.Category), Text(source), detail, purposes.Select(Text).ToArray(), collected.CollectedAt));
        return collected;
    }

    private InformationDisclosed Disclose(string subjectId, string state)
    {
        var categories = Enum.GetValues<PersonalInformationCategory>().OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
        var disclosed = new InformationDisclosed
        {
            DisclosureId = Guid.NewGuid().ToString("N"),
            Recipient = Pick(["Acme Analytics", "Mailers Inc", "Ad Network"]),
            RecipientType = Pick(Enum.GetValues<RecipientType>()),
            Purpose = Pick(DisclosurePurposes),
            Categories = categories,
            DisclosedAt = RandomTime(FactsFrom, 3 * 365),
        };
        // A disclosure for a third party's direct marketing, for value (none of these says otherwise), is a sale in the report.
        var reported = disclosed.Purpose == DisclosurePurpose.DirectMarketing ? DisclosurePurpose.Sale : disclosed.Purpose;
        foreach (var category in categories)
        {
            Disclosures.Add(new DisclosedFact(subjectId, state, Text(category), Text(reported), Text(disclosed.RecipientType), disclosed.DisclosedAt));
        }

        return disclosed;
    }

    private IEnumerable<SubjectEvent> Request(string subjectId, string state, string requestId)
    {
        var type = Pick(RequestTypes);
        var receivedAt = RandomTime(RequestsFrom, 15 * 30);
        yield return new RightsRequestReceived
        {
            RequestId = requestId,
            Type = type,
            Channel = Pick(Enum.GetValues<RequestChannel>()),
            Jurisdiction = state,
            ReceivedAt = receivedAt,
            DueAt = receivedAt.AddDays(45),
        };

        if (random.Next(4) == 0)
        {
            Requests.Add(new RequestFact(type, state, receivedAt, null, null, null));
            yield break;
        }

        var outcome = Pick(Enum.GetValues<RequestOutcome>());
        DenialReason? reason = outcome == RequestOutcome.Denied ? Pick(Enum.GetValues<DenialReason>()) : null;
        var completedAt = receivedAt.AddDays(random.Next(0, 60)).AddHours(random.Next(0, 24));
        Requests.Add(new RequestFact(type, state, receivedAt, completedAt, outcome, reason));
        yield return new RightsRequestCompleted
        {
            RequestId = requestId,
            Outcome = outcome,
            DenialReason = reason,
            Explanation = outcome == RequestOutcome.Fulfilled ? null : "basis",
            CompletedAt = completedAt,
        };
    }

    private DateTimeOffset RandomTime(DateTimeOffset from, int days) => from.AddMinutes(random.Next(0, days * 24 * 60));

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    private static string Text<T>(T value)
        where T : struct, Enum => EnumText.ToText(value);
}

internal sealed record CollectedFact(string SubjectId, string State, string Category, string Source, string? SourceDetail, string[] Purposes, DateTimeOffset At);

internal sealed record DisclosedFact(string SubjectId, string State, string Category, string Purpose, string RecipientType, DateTimeOffset At);

internal sealed record RequestFact(RightsRequestType Type, string Jurisdiction, DateTimeOffset ReceivedAt, DateTimeOffset? CompletedAt, RequestOutcome? Outcome, DenialReason? DenialReason);
