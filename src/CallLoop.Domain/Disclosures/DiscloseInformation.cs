namespace CallLoop.Domain;

/// <summary>Record a disclosure of personal information to a recipient, if the subject's choices allow it.</summary>
[GenerateSerializer, Immutable, Alias("callloop.disclose-information")]
public sealed record DiscloseInformation : SubjectCommand
{
    /// <summary>Optional; a repeated id is ignored. Defaults to a sequence number within the subject.</summary>
    [Id(0)]
    public string? DisclosureId { get; init; }

    [Id(1)]
    public string Recipient { get; init; } = string.Empty;

    [Id(2)]
    public RecipientType RecipientType { get; init; }

    [Id(3)]
    public DisclosurePurpose Purpose { get; init; }

    [Id(4)]
    public IReadOnlyList<PersonalInformationCategory> Categories { get; init; } = [];

    /// <summary>Disclosure needed for legal compliance or security; allowed even while processing is restricted.</summary>
    [Id(5)]
    public bool LegalOrSecurity { get; init; }

    [Id(6)]
    public DateTimeOffset? DisclosedAt { get; init; }

    /// <summary>For a direct-marketing disclosure: nothing of value was received for it, so it is not a sale.</summary>
    [Id(7)]
    public bool NoValuableConsideration { get; init; }
}

internal static class DiscloseInformationDecision
{
    public static DiscloseInformation Validate(DiscloseInformation command, DateTimeOffset now)
    {
        var purpose = CommandInput.Defined(command.Purpose, "purpose");
        if (command.NoValuableConsideration && purpose != DisclosurePurpose.DirectMarketing)
        {
            throw new InvalidCommandException("noValuableConsideration", "Field 'noValuableConsideration' applies only to direct-marketing disclosures.");
        }

        if (command.LegalOrSecurity && purpose is DisclosurePurpose.Sale or DisclosurePurpose.Sharing)
        {
            throw new InvalidCommandException("legalOrSecurity", "A sale or sharing cannot be a legal-compliance or security disclosure.");
        }

        return command with
        {
            DisclosureId = CommandInput.OptionalId(command.DisclosureId, "disclosureId"),
            Recipient = CommandInput.Text(command.Recipient, "recipient", 256),
            RecipientType = CommandInput.Defined(command.RecipientType, "recipientType"),
            Purpose = purpose,
            Categories = CommandInput.NonEmpty(command.Categories, "categories"),
            DisclosedAt = CommandInput.Timestamp(command.DisclosedAt, "disclosedAt", now),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, DiscloseInformation command, DateTimeOffset now)
    {
        var disclosureId = command.DisclosureId ?? $"disclosure-{state.Disclosures.Count + 1}";
        if (state.Disclosures.Any(d => d.DisclosureId == disclosureId))
        {
            return [];
        }

        var saleOrSharing = command.Purpose is DisclosurePurpose.Sale or DisclosurePurpose.Sharing;
        if (command.Purpose == DisclosurePurpose.Sale && state.IsOptedOut(OptOutScope.Sale))
        {
            throw Preconditions.Violation("opted-out-of-sale", "The subject opted out of the sale of their personal information.");
        }

        if (command.Purpose == DisclosurePurpose.DirectMarketing && state.IsOptedOut(OptOutScope.Sale))
        {
            throw Preconditions.Violation("opted-out-of-sale", "The subject opted out of the sale of their personal information, which covers disclosures for a third party's direct marketing.");
        }

        if (command.Purpose == DisclosurePurpose.DirectMarketing && state.IsMinor)
        {
            throw Preconditions.Violation("minor", "Personal information of a subject under 18 is never disclosed for a third party's direct marketing.");
        }

        if (command.Purpose == DisclosurePurpose.Sharing && state.IsOptedOut(OptOutScope.Sharing))
        {
            throw Preconditions.Violation("opted-out-of-sharing", "The subject opted out of the sharing of their personal information.");
        }

        if (saleOrSharing && state.IsMinor)
        {
            throw Preconditions.Violation("minor", "Personal information of a subject under 18 is never sold or shared.");
        }

        if (saleOrSharing
            && command.Categories.Contains(PersonalInformationCategory.SensitivePersonalInformation)
            && state.IsOptedOut(OptOutScope.SensitiveUse))
        {
            throw Preconditions.Violation("limited-sensitive-use", "The subject limited the use of their sensitive personal information.");
        }

        if (saleOrSharing
            && command.Categories.Contains(PersonalInformationCategory.SensitivePersonalInformation)
            && Preconditions.LawOf(state, command.DisclosedAt ?? now).SensitiveOnlyWhenStrictlyNecessary)
        {
            throw Preconditions.Violation("sensitive-never-sold", "In this jurisdiction sensitive personal information is never sold or shared.");
        }

        if (state.IsRestricted && !command.LegalOrSecurity)
        {
            throw Preconditions.Violation("processing-restricted", "Processing is restricted to legal-compliance and security purposes.");
        }

        return
        [
            new InformationDisclosed
            {
                DisclosureId = disclosureId,
                Recipient = command.Recipient,
                RecipientType = command.RecipientType,
                Purpose = command.Purpose,
                Categories = command.Categories.ToArray(),
                LegalOrSecurity = command.LegalOrSecurity,
                DisclosedAt = command.DisclosedAt ?? now,
                NoValuableConsideration = command.Purpose == DisclosurePurpose.DirectMarketing && command.NoValuableConsideration,
            },
        ];
    }
}
