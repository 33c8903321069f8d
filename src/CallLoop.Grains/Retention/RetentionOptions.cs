using CallLoop.Domain;

namespace CallLoop.Grains.Retention;

/// <summary>
/// Configuration section "CallLoop:Retention": how long categories are kept after the account ends, overriding
/// <see cref="RetentionTable"/> (the policy: zero). <c>AfterAccountEnds</c> sets every category; <c>Categories</c>
/// sets single ones by letter or name (<c>CallLoop:Retention:Categories:D = 2555.00:00:00</c>) and wins.
/// <c>WithoutAccount</c> is how long the data of someone without an account is kept after their last event
/// (default <see cref="RetentionTable.WithoutAccountAfterLastEvent"/>, 730 days).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "CallLoop:Retention";

    public TimeSpan? AfterAccountEnds { get; set; }

    public TimeSpan WithoutAccount { get; set; } = RetentionTable.WithoutAccountAfterLastEvent;

    public Dictionary<string, TimeSpan> Categories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How soon a reminder whose work failed fires again. Not below Orleans' minimum reminder period (1 minute by default).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether <see cref="ToPeriods"/> succeeds, checked when the silo starts.</summary>
    public bool IsValid()
    {
        try
        {
            ToPeriods();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCommandException)
        {
            return false;
        }
    }

    /// <summary>The periods in force; a key that names no category is a configuration error, reported by name.</summary>
    public RetentionPeriods ToPeriods()
    {
        var periods = AfterAccountEnds is { } all
            ? RetentionTable.Defaults.With(Enum.GetValues<PersonalInformationCategory>().Select(c => KeyValuePair.Create(c, all)))
            : RetentionTable.Defaults;
        var overrides = Categories.Select(entry => KeyValuePair.Create(Category(entry.Key), entry.Value));
        return (periods.With(overrides) with { WithoutAccount = WithoutAccount }).Validate();
    }

    private static PersonalInformationCategory Category(string key) =>
        EnumText.TryParse<PersonalInformationCategory>(key, out var byLetter) ? byLetter
        : Enum.TryParse<PersonalInformationCategory>(key, ignoreCase: true, out var byName) && Enum.IsDefined(byName) ? byName
        : throw new InvalidOperationException($"{Section}:Categories:{key} names no CCPA category (use A-L).");
}
