using CallLoop.Domain;

namespace CallLoop.EventStore.Protection;

/// <summary>Seals or opens every personal value of events or a state with one call to the protector.</summary>
public static class PersonalValueProtection
{
    public static async Task<IReadOnlyList<SubjectEvent>> SealAsync(this IPersonalValueProtector protector, IReadOnlyList<SubjectEvent> events)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var values = ValuesOf(events);
        if (values.Count == 0)
        {
            return events;
        }

        var sealedTexts = await protector.SealAsync(values);
        return Replace(events, sealedTexts.Cast<string?>().ToArray());
    }

    public static async Task<IReadOnlyList<SubjectEvent>> OpenAsync(this IPersonalValueProtector protector, IReadOnlyList<SubjectEvent> events)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var values = ValuesOf(events);
        if (values.Count == 0)
        {
            return events;
        }

        return Replace(events, [.. await protector.OpenAsync(values)]);
    }

    /// <summary>Opens a state whose values are sealed (a projection's or a snapshot's); <paramref name="sealedBirthDate"/> restores the birth date.</summary>
    public static async Task<SubjectState> OpenAsync(this IPersonalValueProtector protector, SubjectState state, string? sealedBirthDate = null)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(state);
        var values = PersonalValues.Of(state).ToList();
        if (sealedBirthDate is not null)
        {
            values.Add(new PersonalValue(PersonalValues.BirthDateCategory, PersonalValues.BirthDateField, sealedBirthDate));
        }

        if (values.Count == 0)
        {
            return state;
        }

        var opened = await protector.OpenAsync(values);
        var next = 0;
        var result = PersonalValues.Map(state, _ => opened[next++]);
        return sealedBirthDate is null ? result : result with { BirthDate = PersonalValues.ParseBirthDate(opened[next]) };
    }

    /// <summary>Seals a state for storage (a snapshot): the birth date comes back as sealed text, the state without it.</summary>
    public static async Task<(SubjectState State, string? SealedBirthDate)> SealAsync(this IPersonalValueProtector protector, SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(state);
        var values = PersonalValues.Of(state).ToList();
        var birthDate = PersonalValues.BirthDateText(state.BirthDate);
        if (birthDate is not null)
        {
            values.Add(new PersonalValue(PersonalValues.BirthDateCategory, PersonalValues.BirthDateField, birthDate));
        }

        if (values.Count == 0)
        {
            return (state, null);
        }

        var sealedTexts = await protector.SealAsync(values);
        var next = 0;
        var result = PersonalValues.Map(state, _ => sealedTexts[next++]) with { BirthDate = null };
        return (result, birthDate is null ? null : sealedTexts[next]);
    }

    /// <summary>The events' values in order; no list is made for events that carry none (most commands' events).</summary>
    private static IReadOnlyList<PersonalValue> ValuesOf(IReadOnlyList<SubjectEvent> events)
    {
        List<PersonalValue>? values = null;
        for (var i = 0; i < events.Count; i++)
        {
            if (PersonalValues.Of(events[i]) is { Count: > 0 } found)
            {
                (values ??= []).AddRange(found);
            }
        }

        return values is null ? Array.Empty<PersonalValue>() : values;
    }

    private static IReadOnlyList<SubjectEvent> Replace(IReadOnlyList<SubjectEvent> events, IReadOnlyList<string?> texts)
    {
        var next = 0;
        return events.Select(e => PersonalValues.Map(e, _ => texts[next++])).ToArray();
    }
}
