namespace CallLoop.Domain;

/// <summary>Record the subject's consent to a purpose, with the notice shown and the evidence.</summary>
[GenerateSerializer, Immutable, Alias("callloop.grant-consent")]
public sealed record GrantConsent : SubjectCommand
{
    [Id(0)]
    public ConsentPurpose Purpose { get; init; }

    [Id(1)]
    public ConsentBasis Basis { get; init; }

    [Id(2)]
    public string NoticeVersion { get; init; } = string.Empty;

    [Id(3)]
    public string? Channel { get; init; }

    [Id(4)]
    public string? Evidence { get; init; }

    /// <summary>When the consent was captured, if earlier than now (never in the future).</summary>
    [Id(5)]
    public DateTimeOffset? GrantedAt { get; init; }

    /// <summary>How an express written consent was signed.</summary>
    [Id(6)]
    public SignatureMethod? SignatureMethod { get; init; }

    /// <summary>What an implied consent rests on, dated by <see cref="GrantedAt"/>.</summary>
    [Id(7)]
    public ImpliedBy? ImpliedBy { get; init; }

    /// <summary>The number a text-message consent names; defaults to the subject's phone.</summary>
    [Id(8)]
    public string? ConsentedNumber { get; init; }
}

internal static class GrantConsentDecision
{
    public static GrantConsent Validate(GrantConsent command, DateTimeOffset now)
    {
        var valid = command with
        {
            Purpose = CommandInput.Defined(command.Purpose, "purpose"),
            Basis = CommandInput.Defined(command.Basis, "basis"),
            NoticeVersion = CommandInput.Text(command.NoticeVersion, "noticeVersion"),
            Channel = CommandInput.OptionalText(command.Channel, "channel"),
            Evidence = CommandInput.OptionalLongText(command.Evidence, "evidence"),
            GrantedAt = command.GrantedAt is { } at && at.ToUniversalTime() > now
                ? throw new InvalidCommandException("grantedAt", "Field 'grantedAt' must not be in the future.")
                : command.GrantedAt?.ToUniversalTime(),
            SignatureMethod = command.SignatureMethod is { } method ? CommandInput.Defined(method, "signatureMethod") : null,
            ImpliedBy = command.ImpliedBy is { } impliedBy ? CommandInput.Defined(impliedBy, "impliedBy") : null,
            ConsentedNumber = string.IsNullOrWhiteSpace(command.ConsentedNumber) ? null : PhoneNumber.Normalize(command.ConsentedNumber, "consentedNumber"),
        };

        return valid.Basis switch
        {
            ConsentBasis.ExpressWritten when valid.SignatureMethod is null =>
                throw new InvalidCommandException("signatureMethod", "Field 'signatureMethod' is required for express-written consent."),
            ConsentBasis.ExpressWritten when valid.Evidence is null =>
                throw new InvalidCommandException("evidence", "Field 'evidence' (what was signed, when and where) is required for express-written consent."),
            ConsentBasis.Implied when valid.SignatureMethod is not null =>
                throw new InvalidCommandException("signatureMethod", "Field 'signatureMethod' applies only to express and express-written consent."),
            not ConsentBasis.Implied when valid.ImpliedBy is not null =>
                throw new InvalidCommandException("impliedBy", "Field 'impliedBy' applies only to implied consent."),
            _ => valid,
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, GrantConsent command, DateTimeOffset now)
    {
        Preconditions.RequireActiveAdult(state, "grant consent");
        if (command.Purpose == ConsentPurpose.SensitiveProcessing && command.Basis == ConsentBasis.Implied)
        {
            throw Preconditions.Violation("express-consent-required", "Sensitive processing needs express (opt-in) consent.");
        }

        if (state.Consents.TryGetValue(command.Purpose, out var current)
            && current.Granted
            && current.Basis == command.Basis
            && current.NoticeVersion == command.NoticeVersion
            && current.SignatureMethod == command.SignatureMethod
            && current.ImpliedBy == command.ImpliedBy
            && current.ConsentedNumber == ConsentedNumber(state, command))
        {
            return [];
        }

        return
        [
            new ConsentGranted
            {
                Purpose = command.Purpose,
                Basis = command.Basis,
                NoticeVersion = command.NoticeVersion,
                Channel = command.Channel,
                Evidence = command.Evidence,
                GrantedAt = command.GrantedAt,
                SignatureMethod = command.SignatureMethod,
                ImpliedBy = command.ImpliedBy,
                ConsentedNumber = ConsentedNumber(state, command),
            },
        ];
    }

    /// <summary>A text-message consent names a number: the one given, else the subject's phone.</summary>
    private static string? ConsentedNumber(SubjectState state, GrantConsent command) =>
        command.Purpose == ConsentPurpose.MarketingSms ? command.ConsentedNumber ?? state.Phone : command.ConsentedNumber;
}
