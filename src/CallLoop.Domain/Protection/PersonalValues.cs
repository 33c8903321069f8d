using System.Globalization;

namespace CallLoop.Domain;

/// <summary>
/// The one place that says which values of events and state are personal, and to which category each belongs.
/// Everything else (categories, sources, purposes, dates, jurisdictions, request metadata, hold reasons) stays
/// in clear so that reports and request records survive erasure.
/// </summary>
/// <remarks>
/// Values are visited in a fixed order, so a caller may collect them with <see cref="Of(SubjectEvent)"/>, transform
/// the batch elsewhere (seal, open, mask) and put the results back with <see cref="Map(SubjectEvent, Func{PersonalValue, string?})"/>.
/// A mapping to null makes the value absent. A birth date is a <see cref="DateOnly"/>; its sealed text travels in the
/// event's <c>SealedBirthDate</c> field instead.
/// </remarks>
public static class PersonalValues
{
    public const string EmailField = ContactFields.Email;
    public const string PhoneField = ContactFields.Phone;
    public const string NameField = ContactFields.Name;
    public const string BirthDateField = "birthDate";
    public const string AgentNameField = "agent.name";
    public const string AgentProofField = "agent.proofOfAuthorization";
    public const string ConsentedNumberField = "consent.consentedNumber";

    /// <summary>Age is a protected classification under California law (category C).</summary>
    public const PersonalInformationCategory BirthDateCategory = PersonalInformationCategory.ProtectedClassifications;

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Event types that can carry personal values, free text (<see cref="FreeText"/>) included.</summary>
    public static IReadOnlySet<Type> CarryingTypes { get; } = new HashSet<Type>(FreeText.CarryingTypes)
    {
        typeof(SubjectRegistered),
        typeof(PersonalInformationCollected),
        typeof(InformationCorrected),
        typeof(RightsRequestReceived),
        typeof(MinorDetected),
        typeof(ConsentGranted),
    };

    public static IReadOnlyList<PersonalValue> Of(SubjectEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!CarryingTypes.Contains(e.GetType()))
        {
            return [];
        }

        // Each value is answered with itself, so an event Map returns as is (one without values, a consent grant) is not
        // copied; a list is made only once a value is found.
        List<PersonalValue>? found = null;
        Map(e, value =>
        {
            (found ??= []).Add(value);
            return value.Value;
        });
        return found is null ? Array.Empty<PersonalValue>() : found;
    }

    public static IReadOnlyList<PersonalValue> Of(SubjectState state)
    {
        var found = new List<PersonalValue>();
        Map(state, value =>
        {
            found.Add(value);
            return value.Value;
        });
        return found;
    }

    /// <summary>
    /// A copy of <paramref name="e"/> with its personal values withheld, for unaudited reads: absent, except that a
    /// collection keeps its field names (with empty values). An event without personal values is returned as is.
    /// </summary>
    public static SubjectEvent Withhold(SubjectEvent e) => e switch
    {
        PersonalInformationCollected collected => collected with { Data = collected.Data.ToDictionary(v => v.Key, _ => string.Empty, StringComparer.Ordinal) },
        _ when CarryingTypes.Contains(e.GetType()) => Map(e, _ => null),
        _ => e,
    };

    /// <summary>
    /// A copy of <paramref name="e"/> with every personal value, then every free text, replaced by <paramref name="map"/>'s
    /// answer; a consent grant whose answers are its own values, and an event without any, is returned as is.
    /// </summary>
    public static SubjectEvent Map(SubjectEvent e, Func<PersonalValue, string?> map)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(map);
        return FreeText.Map(MapValues(e, map), map);
    }

    private static SubjectEvent MapValues(SubjectEvent e, Func<PersonalValue, string?> map)
    {
        const PersonalInformationCategory identifiers = PersonalInformationCategory.Identifiers;
        switch (e)
        {
            case SubjectRegistered registered:
                var email = Optional(registered.Email, identifiers, EmailField, map);
                var phone = Optional(registered.Phone, identifiers, PhoneField, map);
                var name = Optional(registered.Name, identifiers, NameField, map);
                var (birthDate, sealedBirthDate) = BirthDate(registered.BirthDate, registered.SealedBirthDate, map);
                return registered with { Email = email, Phone = phone, Name = name, BirthDate = birthDate, SealedBirthDate = sealedBirthDate };
            case PersonalInformationCollected collected:
                return collected with { Data = Values(collected.Data, collected.Category, map) };
            case InformationCorrected corrected:
                return corrected with { NewValue = map(new PersonalValue(corrected.Category, corrected.Field, corrected.NewValue)) ?? string.Empty };
            case RightsRequestReceived { Agent: { } agent } received:
                return received with { Agent = Agent(agent, map) };
            case ConsentGranted granted:
                var number = Optional(granted.ConsentedNumber, identifiers, ConsentedNumberField, map);
                return FreeText.Changed(granted, granted.ConsentedNumber, number, static (x, v) => x with { ConsentedNumber = v });
            case MinorDetected minor:
                var (minorBirthDate, minorSealed) = BirthDate(minor.BirthDate, minor.SealedBirthDate, map);
                return minor with { BirthDate = minorBirthDate, SealedBirthDate = minorSealed };
            default:
                return e;
        }
    }

    /// <summary>
    /// A copy of <paramref name="state"/> with its personal values replaced: contact details, held values, agents of
    /// requests, then free text. The birth date is left to the caller (a state has no field for its sealed text).
    /// </summary>
    public static SubjectState Map(SubjectState state, Func<PersonalValue, string?> map)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(map);
        const PersonalInformationCategory identifiers = PersonalInformationCategory.Identifiers;
        var email = Optional(state.Email, identifiers, EmailField, map);
        var phone = Optional(state.Phone, identifiers, PhoneField, map);
        var name = Optional(state.Name, identifiers, NameField, map);
        var categories = state.Categories
            .OrderBy(c => c.Key)
            .Select(c => c.Value with { Values = Values(c.Value.Values, c.Key, map).ToImmutableDictionary(StringComparer.Ordinal) })
            .ToImmutableDictionary(c => c.Category);
        var requests = state.Requests
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Value.Agent is { } agent ? r.Value with { Agent = Agent(agent, map) } : r.Value)
            .ToImmutableDictionary(r => r.RequestId, StringComparer.Ordinal);
        var consents = state.Consents
            .OrderBy(c => c.Key)
            .Select(c => c.Value with { ConsentedNumber = Optional(c.Value.ConsentedNumber, identifiers, ConsentedNumberField, map) })
            .ToImmutableDictionary(c => c.Purpose);
        return FreeText.Map(state with { Email = email, Phone = phone, Name = name, Categories = categories, Requests = requests, Consents = consents }, map);
    }

    /// <summary>The birth date as text (the form it is sealed in), or null.</summary>
    public static string? BirthDateText(DateOnly? birthDate) => birthDate?.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Text back to a birth date; anything that is not a date (sealed or erased text) gives null.</summary>
    public static DateOnly? ParseBirthDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Optional(string? value, PersonalInformationCategory category, string field, Func<PersonalValue, string?> map) =>
        value is null ? null : map(new PersonalValue(category, field, value));

    private static Dictionary<string, string> Values(IReadOnlyDictionary<string, string> data, PersonalInformationCategory category, Func<PersonalValue, string?> map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in data.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (map(new PersonalValue(category, field, value)) is { } mapped)
            {
                result[field] = mapped;
            }
        }

        return result;
    }

    private static AuthorizedAgent Agent(AuthorizedAgent agent, Func<PersonalValue, string?> map) => agent with
    {
        Name = map(new PersonalValue(PersonalInformationCategory.Identifiers, AgentNameField, agent.Name)) ?? string.Empty,
        ProofOfAuthorization = map(new PersonalValue(PersonalInformationCategory.Identifiers, AgentProofField, agent.ProofOfAuthorization)) ?? string.Empty,
    };

    private static (DateOnly? Date, string? Sealed) BirthDate(DateOnly? date, string? sealedText, Func<PersonalValue, string?> map)
    {
        var text = sealedText ?? BirthDateText(date);
        if (text is null)
        {
            return (null, null);
        }

        var mapped = map(new PersonalValue(BirthDateCategory, BirthDateField, text));
        return ParseBirthDate(mapped) is { } parsed ? (parsed, null) : (null, mapped);
    }
}
