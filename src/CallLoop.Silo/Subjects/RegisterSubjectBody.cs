namespace CallLoop.Silo.Subjects;

public sealed record RegisterSubjectBody(string? Jurisdiction, string? Email, string? Phone, string? Name, DateOnly? BirthDate);
