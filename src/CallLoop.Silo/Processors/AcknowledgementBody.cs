namespace CallLoop.Silo.Processors;

/// <summary>A processor's confirmation that it carried out a webhook's instruction.</summary>
public sealed record AcknowledgementBody(string? DeliveryId, string? SubjectId);
