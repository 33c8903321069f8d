namespace CallLoop.Silo.Minors;

/// <summary>Both fields are optional: learning the subject is under 18 is enough to act.</summary>
public sealed record MinorBody(string? BirthDate, string? Evidence);
