namespace CallLoop.Domain;

/// <summary>
/// Values a right-to-know answer never discloses (CCPA regs 7024(d)): government ids, financial account numbers,
/// health insurance and medical ids, passwords, security questions and answers. Recognised by the field name of the
/// collected value; the answer says the business holds them.
/// </summary>
public static class NeverDisclosedFields
{
    public const string Placeholder = "held, not disclosed";

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ssn", "socialSecurityNumber", "driversLicense", "passport", "governmentId", "accountNumber", "cardNumber",
        "password", "securityQuestion", "securityAnswer", "healthInsuranceId", "medicalId",
    };

    public static bool IsNeverDisclosed(string field) => Names.Contains(field);

    /// <summary>The values with every never-disclosed one replaced by <see cref="Placeholder"/>.</summary>
    public static IReadOnlyDictionary<string, string> Withhold(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.ToDictionary(v => v.Key, v => IsNeverDisclosed(v.Key) ? Placeholder : v.Value, StringComparer.Ordinal);
    }

    /// <summary>The state with every held category's never-disclosed values replaced, for answers that leave the engine.</summary>
    public static SubjectState Withhold(SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with
        {
            Categories = state.Categories.SetItems(state.Categories.Select(c =>
                KeyValuePair.Create(c.Key, c.Value with { Values = Withhold(c.Value.Values).ToImmutableDictionary(StringComparer.Ordinal) }))),
        };
    }
}
