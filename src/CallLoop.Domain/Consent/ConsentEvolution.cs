namespace CallLoop.Domain;

/// <summary>
/// How each consent and opt-out event changes the subject's <see cref="ConsentChoices"/>: written once, here. The
/// subject's state folds its consents and opt-outs through it (<see cref="SubjectEvolver"/>), and the consent ledger's
/// rows are mapped from what it leaves for the event's purpose or scope. Pure; it calls no other fold.
/// </summary>
public static class ConsentEvolution
{
    /// <summary>Every event type that changes consents or opt-outs (the consent ledger's projection reads exactly these).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [typeof(ConsentGranted), typeof(ConsentWithdrawn), typeof(OptedOut), typeof(OptedBackIn)];

    /// <summary>Whether <paramref name="e"/> changes consents or opt-outs (every other event leaves them as they are).</summary>
    public static bool Changes(SubjectEvent e) => e is ConsentGranted or ConsentWithdrawn or OptedOut or OptedBackIn;

    public static ConsentChoices Evolve(ConsentChoices choices, SubjectEvent e)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            // A grant replaces the whole record: what an earlier grant or withdrawal said no longer holds.
            ConsentGranted granted => choices with
            {
                Consents = choices.Consents.SetItem(granted.Purpose, new ConsentRecord
                {
                    Purpose = granted.Purpose,
                    Granted = true,
                    Basis = granted.Basis,
                    NoticeVersion = granted.NoticeVersion,
                    Channel = granted.Channel,
                    Evidence = granted.Evidence,
                    GrantedAt = granted.GrantedAt ?? granted.OccurredAt,
                    SignatureMethod = granted.SignatureMethod,
                    ImpliedBy = granted.ImpliedBy,
                    ConsentedNumber = granted.ConsentedNumber,
                }),
            },

            // A withdrawal keeps what was granted (the evidence of the consent it ends) and says how it ended.
            ConsentWithdrawn withdrawn => choices with
            {
                Consents = choices.Consents.SetItem(withdrawn.Purpose, (choices.Consents.GetValueOrDefault(withdrawn.Purpose) ?? new ConsentRecord { Purpose = withdrawn.Purpose }) with
                {
                    Granted = false,
                    WithdrawnAt = withdrawn.OccurredAt,
                    WithdrawalEvidence = withdrawn.Evidence,
                    WithdrawalChannel = withdrawn.Channel,
                    WithdrawalRequestId = withdrawn.RequestId,
                }),
            },
            OptedOut optedOut => choices with
            {
                OptOuts = choices.OptOuts.SetItem(optedOut.Scope, new OptOutRecord
                {
                    Scope = optedOut.Scope,
                    Method = optedOut.Method,
                    OptedOutAt = optedOut.OccurredAt,
                    RequestId = optedOut.RequestId,
                }),
            },
            OptedBackIn optedIn => choices with { OptOuts = choices.OptOuts.Remove(optedIn.Scope) },
            _ => choices,
        };
    }
}
