namespace CallLoop.Domain;

public static class IncidentIds
{
    /// <summary>Returns the id, or throws <see cref="InvalidCommandException"/> naming <c>incidentId</c>.</summary>
    public static string Validate(string? incidentId) => CommandInput.Id(incidentId, "incidentId");
}
