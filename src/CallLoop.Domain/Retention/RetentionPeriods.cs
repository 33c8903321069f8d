namespace CallLoop.Domain;

/// <summary>How long each category is kept after the account ends; a category not listed is kept for zero time.</summary>
[GenerateSerializer, Immutable, Alias("callloop.retention-periods")]
public sealed record RetentionPeriods
{
    [Id(0)]
    public ImmutableDictionary<PersonalInformationCategory, TimeSpan> AfterAccountEnds { get; init; } =
        ImmutableDictionary<PersonalInformationCategory, TimeSpan>.Empty;

    /// <summary>How long the data of someone without an account is kept after their last event.</summary>
    [Id(1)]
    public TimeSpan WithoutAccount { get; init; } = RetentionTable.WithoutAccountAfterLastEvent;

    public TimeSpan For(PersonalInformationCategory category) => AfterAccountEnds.GetValueOrDefault(category, TimeSpan.Zero);

    /// <summary>The shortest period of any category: the earliest moment retention can end for anything.</summary>
    public TimeSpan Shortest => Enum.GetValues<PersonalInformationCategory>().Min(For);

    /// <summary>These periods with <paramref name="overrides"/> replacing theirs.</summary>
    public RetentionPeriods With(IEnumerable<KeyValuePair<PersonalInformationCategory, TimeSpan>> overrides) =>
        this with { AfterAccountEnds = AfterAccountEnds.SetItems(overrides) };

    /// <summary>Every period is a non-negative span, else an invalid "periods[X]" field (X the category letter).</summary>
    public RetentionPeriods Validate()
    {
        if (AfterAccountEnds is null)
        {
            throw new InvalidCommandException("periods", "Field 'periods' is required.");
        }

        if (WithoutAccount < TimeSpan.Zero)
        {
            throw new InvalidCommandException("periods.withoutAccount", "Field 'periods.withoutAccount' must be zero or more.");
        }

        foreach (var (category, period) in AfterAccountEnds)
        {
            if (!Enum.IsDefined(category) || period < TimeSpan.Zero)
            {
                var field = Enum.IsDefined(category) ? $"periods[{EnumText.ToText(category)}]" : "periods";
                throw new InvalidCommandException(field, $"Field '{field}' must be a known category with a period of zero or more.");
            }
        }

        return this;
    }
}
