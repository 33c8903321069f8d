namespace CallLoop.Domain;

/// <summary>The shape every subject id must have, checked before any read or write touches the store.</summary>
public static class SubjectIds
{
    /// <summary>Returns the id, or throws <see cref="InvalidCommandException"/> naming <c>subjectId</c>.</summary>
    public static string Validate(string? subjectId) => CommandInput.Id(subjectId, "subjectId");
}
