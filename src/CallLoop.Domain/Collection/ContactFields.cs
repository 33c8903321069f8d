namespace CallLoop.Domain;

/// <summary>Field names in the identifiers category that also update the subject's contact details.</summary>
public static class ContactFields
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Name = "name";
}
