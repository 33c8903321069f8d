namespace CallLoop.Silo.Restriction;

/// <summary><c>requestId</c> links the restriction to the restrict request that asked for it, when there is one.</summary>
public sealed record RestrictionBody(string? Reason, string? RequestId);

public sealed record LiftRestrictionBody(string? Reason);
