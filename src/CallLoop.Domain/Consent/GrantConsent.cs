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
}

internal static class GrantConsentDecision
{
    public static GrantConsent Validate(GrantConsent command, DateTimeOffset now) => command with
    {
        Purpose = Require.Defined(command.Purpose, "purpose"),
        Basis = Require.Defined(command.Basis, "basis"),
        NoticeVersion = Require.Text(command.NoticeVersion, "noticeVersion"),
        Channel = Require.OptionalText(command.Channel, "channel"),
        Evidence = Require.OptionalLongText(command.Evidence, "evidence"),
        GrantedAt = command.GrantedAt is { } at && at.ToUniversalTime() > now
            ? throw new InvalidCommandException("grantedAt", "Field 'grantedAt' must not be in the future.")
            : command.GrantedAt?.ToUniversalTime(),
    };

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, GrantConsent command, DateTimeOffset now)
    {
        Rules.RequireActiveAdult(state, "grant consent");
        if (command.Purpose == ConsentPurpose.SensitiveProcessing && command.Basis != ConsentBasis.Express)
        {
            throw Rules.Violation("express-consent-required", "Sensitive processing needs express (opt-in) consent.");
        }

        if (state.Consents.TryGetValue(command.Purpose, out var current)
            && current.Granted
            && current.Basis == command.Basis
            && current.NoticeVersion == command.NoticeVersion)
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
            },
        ];
    }
}
