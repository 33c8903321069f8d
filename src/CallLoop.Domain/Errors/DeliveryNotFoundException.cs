namespace CallLoop.Domain;

/// <summary>No webhook delivery with this id is owed for this subject (HTTP 404). Carries ids only.</summary>
[GenerateSerializer, Alias("callloop.delivery-not-found-exception")]
public sealed class DeliveryNotFoundException : PrivacyDomainException
{
    public DeliveryNotFoundException()
    {
    }

    public DeliveryNotFoundException(string subjectId, string deliveryId)
        : base($"Delivery '{deliveryId}' was not found for subject '{subjectId}'.")
    {
        SubjectId = subjectId;
        DeliveryId = deliveryId;
    }

    [Id(0)]
    public string SubjectId { get; set; } = string.Empty;

    [Id(1)]
    public string DeliveryId { get; set; } = string.Empty;
}
