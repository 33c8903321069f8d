using CallLoop.Domain;
using CsCheck;

namespace CallLoop.Integration.Tests.Reports;

/// <summary>
/// Random but valid histories of one subject's consents and opt-outs: random commands decided by the real
/// <see cref="SubjectDecider"/> (a refused command appends nothing), stamped as the grain stamps them. Grants of every
/// basis (signed, implied and backdated ones too), withdrawals, opt-outs and opt-backs-in by every method, GPC
/// signals, and withdraw-consent, opt-out and limit-sensitive requests whose completion withdraws or opts out on the request's behalf.
/// </summary>
internal static class ConsentHistories
{
    private const int StepKinds = 8;

    /// <summary>A subject id and its stream, oldest first.</summary>
    public static Gen<(string SubjectId, IReadOnlyList<SubjectEvent> Events)> For(string subjectPrefix) =>
        Gen.Select(Gen.Select(Gen.Int[0, StepKinds - 1], Gen.Int[0, 1 << 20]).Array[1, 50], Gen.Int[0, 1 << 30])
            .Select((steps, tag) => Play($"{subjectPrefix}-{tag}", steps));

    private static (string, IReadOnlyList<SubjectEvent>) Play(string subjectId, (int Kind, int Pick)[] steps)
    {
        var history = new History(subjectId, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        history.Run(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Phone = "(555) 123-4567", BirthDate = new DateOnly(1990, 5, 17) });
        foreach (var (kind, pick) in steps)
        {
            history.Step(kind, pick);
        }

        return (subjectId, history.Events);
    }

    private sealed class History(string subjectId, DateTimeOffset start)
    {
        private readonly List<SubjectEvent> events = [];
        private DateTimeOffset now = start;
        private int requests;

        public IReadOnlyList<SubjectEvent> Events => events;

        private SubjectState State { get; set; } = SubjectState.Initial;

        public void Step(int kind, int pick)
        {
            now = now.AddMinutes(1 + (pick % 600));
            var purpose = (ConsentPurpose)(pick % 5);
            var scope = (OptOutScope)(pick % 7);
            var method = (PreferenceMethod)(pick / 7 % 5);
            var request = State.Requests.Values.Where(r => !r.IsCompleted).Select(r => r.RequestId).Order(StringComparer.Ordinal).FirstOrDefault();
            SubjectCommand? command = kind switch
            {
                0 or 1 => Grant(purpose, pick),
                2 => new WithdrawConsent { SubjectId = subjectId, Purpose = purpose, Channel = pick % 2 == 0 ? "email" : null, Evidence = pick % 3 == 0 ? "replied STOP" : null },
                3 => new OptOut { SubjectId = subjectId, Scope = scope, Method = method },
                4 => new OptBackIn { SubjectId = subjectId, Scope = scope, Method = method },
                5 => pick % 3 == 0 ? new ReceiveGpcSignal { SubjectId = subjectId } : new OptBackIn { SubjectId = subjectId, Scope = (OptOutScope)(pick % 2), Method = method },
                6 => new ReceiveRightsRequest
                {
                    SubjectId = subjectId,
                    RequestId = $"r-{++requests}",
                    Type = (pick % 3) switch { 0 => RightsRequestType.WithdrawConsent, 1 => RightsRequestType.OptOutSaleSharing, _ => RightsRequestType.LimitSensitive },
                    Channel = RequestChannel.WebForm,
                    ConsentPurposes = pick % 4 == 0 ? [] : [purpose],
                },
                _ => request is null ? null : new CompleteRequest { SubjectId = subjectId, RequestId = request, Outcome = RequestOutcome.Fulfilled, Explanation = "Done." },
            };

            if (command is not null)
            {
                Run(command);
            }
        }

        public void Run(SubjectCommand command)
        {
            try
            {
                var stamped = SubjectDecider.Decide(State, command, now, caller: null, SubjectPolicy.Default)
                    .Select(e => e with { SubjectId = subjectId, OccurredAt = now })
                    .ToList();
                events.AddRange(stamped);
                State = stamped.Aggregate(State, SubjectEvolver.Evolve);
            }
            catch (PrivacyDomainException)
            {
                // A refused command appends nothing: the history stays valid.
            }
        }

        private GrantConsent Grant(ConsentPurpose purpose, int pick)
        {
            var basis = (ConsentBasis)(pick / 5 % 3);
            return new GrantConsent
            {
                SubjectId = subjectId,
                Purpose = purpose,
                Basis = basis,
                NoticeVersion = $"v{pick % 3}",
                Channel = pick % 4 == 0 ? null : "web-form",
                Evidence = basis == ConsentBasis.ExpressWritten || pick % 2 == 0 ? "checkbox ticked" : null,
                GrantedAt = pick % 3 == 0 ? now.AddDays(-(pick % 40)) : null,
                SignatureMethod = basis == ConsentBasis.Implied ? null : basis == ConsentBasis.ExpressWritten || pick % 2 == 0 ? (SignatureMethod)(pick % 4) : null,
                ImpliedBy = basis == ConsentBasis.Implied && pick % 2 == 0 ? (ImpliedBy)(pick / 2 % 2) : null,
            };
        }
    }
}
