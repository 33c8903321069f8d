namespace CallLoop.Domain;

/// <summary>
/// The phone numbers we hold for a subject, in canonical form: the contact phone and any collected
/// <c>phone</c> value. An inbound text from any of them reaches the subject, so the SMS index mirrors this set.
/// </summary>
public static class SubjectPhones
{
    public static IReadOnlySet<string> Known(SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        if (state.Phone is { } contact)
        {
            phones.Add(contact);
        }

        foreach (var held in state.Categories.Values)
        {
            if (held.Values.TryGetValue(ContactFields.Phone, out var value) && PhoneNumber.TryNormalize(value, out var normalized))
            {
                phones.Add(normalized);
            }
        }

        return phones;
    }
}
