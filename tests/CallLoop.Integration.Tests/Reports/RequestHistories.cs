using CallLoop.Domain;
using CsCheck;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// Random but valid histories of one subject's rights requests: random commands decided by the real
/// <see cref="SubjectDecider"/> (a refused command appends nothing), the propagation plans the reactor would send for
/// each committed event, and the erasures the erasure grain would record. Requests of every kind, several per subject,
/// and corrections that owe a processor more than one delivery about the same request.
/// </summary>
internal static class RequestHistories
{
    private const int StepKinds = 17;

    private static readonly string[] Jurisdictions = ["CA", "CO", "VA", "MN", "CT"];

    private static readonly RightsRequestType[] Types =
        [RightsRequestType.Delete, RightsRequestType.Correct, RightsRequestType.KnowCategories, RightsRequestType.WithdrawConsent, RightsRequestType.OptOutSaleSharing];

    private static readonly ProcessorTarget[] Processors =
    [
        new() { Processor = "crm", Categories = [PersonalInformationCategory.Identifiers, PersonalInformationCategory.CommercialInformation] },
        new() { Processor = "mailer", Categories = [PersonalInformationCategory.Identifiers] },
    ];

    /// <summary>A subject id and its stream, oldest first, each event stamped as the grain stamps it.</summary>
    public static Gen<(string SubjectId, IReadOnlyList<SubjectEvent> Events)> For(string subjectPrefix) =>
        Gen.Select(Gen.Int[0, Jurisdictions.Length - 1], Gen.Select(Gen.Int[0, StepKinds - 1], Gen.Int[0, 1 << 20]).Array[1, 60], Gen.Int[0, 1 << 30])
            .Select((jurisdiction, steps, tag) => Play($"{subjectPrefix}-{tag}", Jurisdictions[jurisdiction], steps));

    private static (string, IReadOnlyList<SubjectEvent>) Play(string subjectId, string jurisdiction, (int Kind, int Pick)[] steps)
    {
        var history = new History(subjectId, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        history.Run(new RegisterSubject { SubjectId = subjectId, Jurisdiction = jurisdiction });
        history.Run(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["email"] = "person@example.com" },
        });
        history.Run(new CollectPersonalInformation
        {
            SubjectId = subjectId,
            Category = PersonalInformationCategory.CommercialInformation,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["orders"] = "3" },
        });
        foreach (var (kind, pick) in steps)
        {
            history.Step(kind, pick);
        }

        return (subjectId, history.Events);
    }

    private sealed class History(string subjectId, DateTimeOffset start)
    {
        private readonly List<SubjectEvent> events = [];
        private readonly HashSet<int> planned = [];
        private readonly HashSet<int> erased = [];
        private DateTimeOffset now = start;
        private int requests;

        public IReadOnlyList<SubjectEvent> Events => events;

        private SubjectState State { get; set; } = SubjectState.Initial;

        public void Step(int kind, int pick)
        {
            now = now.AddHours(1 + (pick % 30));
            var request = Pick(State.Requests.Keys.Order(StringComparer.Ordinal).ToList(), pick);
            var delivery = Pick(State.Propagation.Deliveries.Keys.Order(StringComparer.Ordinal).ToList(), pick);
            SubjectCommand? command = kind switch
            {
                0 => new ReceiveRightsRequest
                {
                    SubjectId = subjectId,
                    RequestId = $"r-{++requests}",
                    Type = Types[pick % Types.Length],
                    Channel = RequestChannel.WebForm,
                    Agent = pick % 5 == 0 ? new AuthorizedAgent { Name = "Agent Example", ProofOfAuthorization = "signed letter" } : null,
                },
                1 => request is null ? null : new ConfirmReceipt { SubjectId = subjectId, RequestId = request },
                2 => request is null ? null : new VerifyIdentity { SubjectId = subjectId, RequestId = request, Method = VerificationMethod.DataPoints, DataPointsMatched = 2 + (pick % 2), SignedDeclaration = true },
                3 => request is null ? null : new FailVerification { SubjectId = subjectId, RequestId = request, Method = VerificationMethod.DataPoints, DataPointsMatched = 1 },
                4 => request is null ? null : new ExtendRequest { SubjectId = subjectId, RequestId = request, Reason = "Complex request." },
                5 => request is null ? null : Complete(request, pick),
                6 => request is null ? null : new FileAppeal { SubjectId = subjectId, RequestId = request, Reason = "Disagree." },
                7 => request is null ? null : new DecideAppeal { SubjectId = subjectId, RequestId = request, Outcome = pick % 2 == 0 ? AppealOutcome.Reversed : AppealOutcome.Upheld, Explanation = "Reviewed." },
                8 => request is null ? null : new ExtendAppeal { SubjectId = subjectId, RequestId = request, Reason = "Needs review." },
                9 => request is null ? null : new MarkRequestDueSoon { SubjectId = subjectId, RequestId = request, Deadline = (RequestDeadlineKind)(pick % 3) },
                10 => request is null ? null : new MarkRequestOverdue { SubjectId = subjectId, RequestId = request, Deadline = (RequestDeadlineKind)(pick % 3) },
                11 => delivery is null ? null : new AcknowledgeDelivery { SubjectId = subjectId, DeliveryId = delivery, Processor = State.Propagation.Deliveries[delivery].Processor },
                12 => delivery is null ? null : new WaiveDelivery { SubjectId = subjectId, DeliveryId = delivery, Reason = "Processor closed.", WaivedBy = "admin" },
                13 => delivery is null ? null : new RecordDeliveryAttempt { SubjectId = subjectId, DeliveryId = delivery, Attempt = 1 + (pick % 3), StatusCode = pick % 2 == 0 ? 200 : 500, LastAttempt = pick % 4 == 0 },
                14 => request is null ? null : new CorrectInformation { SubjectId = subjectId, Category = PersonalInformationCategory.Identifiers, Field = "email", NewValue = $"person{pick % 7}@example.com", RequestId = request },
                15 => new PlaceLegalHold { SubjectId = subjectId, HoldId = $"hold-{pick % 2}", Categories = [PersonalInformationCategory.CommercialInformation], Reason = "Pending litigation." },
                _ => null,
            };

            if (command is not null)
            {
                // Deployments differ: most wait for processors' acknowledgements before a delete completes.
                Run(command, new SubjectPolicy { DeleteRequiresAcknowledgements = pick % 3 != 0 });
            }

            PlanOne(pick);
            if (kind == 16)
            {
                EraseOne();
            }
        }

        public void Run(SubjectCommand command, SubjectPolicy? policy = null)
        {
            try
            {
                Append(SubjectDecider.Decide(State, command, now, caller: null, policy ?? SubjectPolicy.Default));
            }
            catch (PrivacyDomainException)
            {
                // A refused command appends nothing: the history stays valid.
            }
        }

        private SubjectCommand Complete(string request, int pick)
        {
            var outcome = (RequestOutcome)(pick % 3);
            return new CompleteRequest
            {
                SubjectId = subjectId,
                RequestId = request,
                Outcome = outcome,
                DenialReason = outcome == RequestOutcome.Denied ? DenialReason.Exempt : null,
                Explanation = "Done.",
            };
        }

        /// <summary>What the propagation reactor does for a committed event: plan it once with the registry as it stands.</summary>
        private void PlanOne(int pick)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (!planned.Contains(i) && PlanPropagation.For(events[i], i + 1) is { } plan)
                {
                    planned.Add(i);
                    Run(plan with { Processors = pick % 7 == 0 ? [Processors[0]] : Processors });
                    return;
                }
            }
        }

        /// <summary>What the erasure grain records once an erasure's keys are destroyed: the categories held, less those kept.</summary>
        private void EraseOne()
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is ErasureStarted started && erased.Add(i))
                {
                    var state = State;
                    var kept = started.RetainedCategories.ToHashSet();
                    Append(
                    [
                        new PersonalDataErased
                        {
                            Reason = started.Reason,
                            RequestId = started.RequestId,
                            ErasedCategories = [.. state.Categories.Keys.Where(c => !kept.Contains(c)).Order()],
                            Retained = [.. kept.Select(c => new RetainedCategory { Category = c, HoldId = "hold-0", Reason = "Pending litigation." })],
                        },
                    ]);
                    return;
                }
            }
        }

        private void Append(IReadOnlyList<SubjectEvent> decided)
        {
            var stamped = decided.Select(e => e with { SubjectId = subjectId, OccurredAt = now }).ToList();
            events.AddRange(stamped);
            State = stamped.Aggregate(State, SubjectEvolver.Evolve);
        }

        private static string? Pick(IReadOnlyList<string> from, int pick) => from.Count == 0 ? null : from[pick % from.Count];
    }
}
