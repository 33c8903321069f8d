namespace CallLoop.Domain;

/// <summary>Record personal information collected in one CCPA category.</summary>
[GenerateSerializer, Immutable, Alias("callloop.collect-personal-information")]
public sealed record CollectPersonalInformation : SubjectCommand
{
    [Id(0)]
    public PersonalInformationCategory Category { get; init; }

    [Id(1)]
    public CollectionSource Source { get; init; }

    /// <summary>e.g. public-database, marketing-partner, social-media, google-sign-in; required for third-party sources.</summary>
    [Id(2)]
    public string? SourceDetail { get; init; }

    [Id(3)]
    public IReadOnlyList<ProcessingPurpose> Purposes { get; init; } = [];

    /// <summary>Field name to value, e.g. email, phone, name, ip.</summary>
    [Id(4)]
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    [Id(5)]
    public DateTimeOffset? CollectedAt { get; init; }
}

internal static class CollectPersonalInformationDecision
{
    private static readonly IReadOnlySet<ProcessingPurpose> LegalOrSecurity =
        new HashSet<ProcessingPurpose> { ProcessingPurpose.LegalCompliance, ProcessingPurpose.Security };

    public static bool IsLegalOrSecurityOnly(IEnumerable<ProcessingPurpose> purposes) => purposes.All(LegalOrSecurity.Contains);

    public static CollectPersonalInformation Validate(CollectPersonalInformation command, DateTimeOffset now)
    {
        var source = CommandInput.Defined(command.Source, "source");
        var detail = CommandInput.OptionalText(command.SourceDetail, "sourceDetail");
        if (source == CollectionSource.ThirdParty && detail is null)
        {
            throw new InvalidCommandException("sourceDetail", "Field 'sourceDetail' is required for third-party sources.");
        }

        var category = CommandInput.Defined(command.Category, "category");
        return command with
        {
            Category = category,
            Source = source,
            SourceDetail = detail,
            Purposes = CommandInput.NonEmpty(command.Purposes, "purposes"),
            Data = NormalizeContactFields(category, ValidData(command.Data)),
            CollectedAt = CommandInput.Timestamp(command.CollectedAt, "collectedAt", now),
        };
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, CollectPersonalInformation command, DateTimeOffset now)
    {
        Preconditions.RequireActiveAdult(state, "collect personal information");
        var legalOrSecurityOnly = IsLegalOrSecurityOnly(command.Purposes);
        if (state.IsRestricted && !legalOrSecurityOnly)
        {
            throw Preconditions.Violation("processing-restricted", "Processing is restricted to legal-compliance and security purposes.");
        }

        if (command.Purposes.Contains(ProcessingPurpose.TargetedAdvertising) && state.IsOptedOut(OptOutScope.TargetedAdvertising))
        {
            throw Preconditions.Violation("opted-out-of-targeted-advertising", "The subject opted out of targeted advertising.");
        }

        if (command.Purposes.Contains(ProcessingPurpose.Profiling) && state.IsOptedOut(OptOutScope.Profiling))
        {
            throw Preconditions.Violation("opted-out-of-profiling", "The subject opted out of profiling.");
        }

        if (command.Category == PersonalInformationCategory.SensitivePersonalInformation)
        {
            RequireSensitiveUseAllowed(state, command, legalOrSecurityOnly, now);
        }

        return
        [
            new PersonalInformationCollected
            {
                Category = command.Category,
                Source = command.Source,
                SourceDetail = command.SourceDetail,
                Purposes = command.Purposes.ToArray(),
                Data = new Dictionary<string, string>(command.Data),
                CollectedAt = command.CollectedAt ?? now,
                LegalOrSecurityOnly = legalOrSecurityOnly,
            },
        ];
    }

    private static void RequireSensitiveUseAllowed(SubjectState state, CollectPersonalInformation command, bool legalOrSecurityOnly, DateTimeOffset now)
    {
        var law = Preconditions.LawOf(state, command.CollectedAt ?? now);
        var permittedOnly = SensitivePurposes.AllPermitted(command.Purposes);
        if (law.SensitiveOnlyWhenStrictlyNecessary && !permittedOnly)
        {
            throw Preconditions.Violation("sensitive-not-strictly-necessary", $"In {law.Code} sensitive personal information is processed only where strictly necessary (providing the service, security, fraud prevention, legal compliance).");
        }

        if (state.IsOptedOut(OptOutScope.SensitiveUse) && !permittedOnly)
        {
            throw Preconditions.Violation("limited-sensitive-use", "The subject limited the use of their sensitive personal information to providing the service, security, fraud prevention and legal compliance.");
        }

        if (!legalOrSecurityOnly && law.SensitiveDataNeedsConsent && !state.HasConsent(ConsentPurpose.SensitiveProcessing))
        {
            throw Preconditions.Violation("sensitive-consent-required", "Sensitive personal information needs opt-in consent in this jurisdiction.");
        }
    }

    private static Dictionary<string, string> ValidData(IReadOnlyDictionary<string, string>? data)
    {
        if (data is null || data.Count == 0)
        {
            throw new InvalidCommandException("data", "Field 'data' must hold at least one value.");
        }

        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in data)
        {
            var field = CommandInput.FieldName(name, "data");
            valid[field] = CommandInput.LongText(value, $"data.{field}");
        }

        return valid;
    }

    /// <summary>Contact details collected as identifiers are kept in the same canonical form as at registration.</summary>
    private static Dictionary<string, string> NormalizeContactFields(PersonalInformationCategory category, Dictionary<string, string> data)
    {
        if (category != PersonalInformationCategory.Identifiers)
        {
            return data;
        }

        foreach (var (field, value) in data.ToArray())
        {
            data[field] = field switch
            {
                ContactFields.Email => EmailAddress.Normalize(value, "data.email"),
                ContactFields.Phone => PhoneNumber.Normalize(value, "data.phone"),
                ContactFields.Name => CommandInput.Text(value, "data.name", 256),
                _ => value,
            };
        }

        return data;
    }
}
