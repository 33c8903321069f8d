namespace CallLoop.Silo.Reports.Subjects;

/// <summary>Civ. Code 1798.83: categories disclosed in a calendar year to third parties for their direct marketing.</summary>
public sealed record ShineTheLightReport(string SubjectId, int Year, string? Jurisdiction, IReadOnlyList<ShineTheLightRecipient> Recipients);

/// <summary>A third party by name, with its address from the recipient registry (null if not registered).</summary>
public sealed record ShineTheLightRecipient(string Name, string? Address, IReadOnlyList<string> Categories);
