namespace CallLoop.Domain;

/// <summary>
/// Whether a granted consent is valid for marketing messages under the law of the subject's jurisdiction.
/// US texts (TCPA): prior express written consent naming the number, signed, with evidence; implied never counts.
/// Canada (CASL, texts and email): express never expires; implied from a purchase lasts 2 years, from an inquiry 6 months.
/// </summary>
/// <remarks>
/// Consents recorded before basis evidence existed read as: no signature method, no implied-by, and (for texts) the
/// subject's phone as the consented number. An older <c>express</c> consent therefore still allows US marketing texts
/// only once it is granted again with a signature method and evidence.
/// </remarks>
public static class TextConsentValidity
{
    public const string Canada = "CAN";


    /// <summary>Null when valid; otherwise the stable reason code.</summary>
    public static string? Problem(SubjectState state, ConsentRecord consent, ContactChannel channel, DateTimeOffset at)
    {
        if (state.Jurisdiction == Canada)
        {
            return ExpiresAt(consent, state.Jurisdiction) is { } expiry && expiry <= at ? "consent-expired" : null;
        }

        if (channel != ContactChannel.Sms)
        {
            return null;
        }

        if (consent.Basis == ConsentBasis.Implied)
        {
            return "implied-consent-not-enough";
        }

        if (consent.SignatureMethod is null || string.IsNullOrWhiteSpace(consent.Evidence) || string.IsNullOrWhiteSpace(consent.NoticeVersion))
        {
            return "written-consent-evidence-missing";
        }

        return (consent.ConsentedNumber ?? state.Phone) == state.Phone ? null : "consent-for-another-number";
    }

    /// <summary>When a consent lapses under the jurisdiction's law; null when it does not (or nothing says how long).</summary>
    public static DateTimeOffset? ExpiresAt(ConsentRecord consent, string? jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (jurisdiction != Canada || consent.Basis != ConsentBasis.Implied || consent.GrantedAt is not { } from)
        {
            return null;
        }

        return consent.ImpliedBy switch
        {
            ImpliedBy.Purchase => from.AddYears(2),
            ImpliedBy.Inquiry => from.AddMonths(6),

            // An implied consent with nothing to rest on lasts no time at all.
            _ => from,
        };
    }
}
