namespace CallLoop.Domain;

/// <summary>No incident was reported under this id (HTTP 404).</summary>
[GenerateSerializer, Alias("callloop.incident-not-found-exception")]
public sealed class IncidentNotFoundException : PrivacyDomainException
{
    public IncidentNotFoundException()
    {
    }

    public IncidentNotFoundException(string incidentId)
        : base($"Incident '{incidentId}' is not reported.")
    {
        IncidentId = incidentId;
    }

    [Id(0)]
    public string IncidentId { get; set; } = string.Empty;
}
