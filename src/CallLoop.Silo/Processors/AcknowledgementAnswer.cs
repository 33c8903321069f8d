namespace CallLoop.Silo.Processors;

/// <summary>What a processor's signed acknowledgement answers: the delivery it settled.</summary>
public sealed record AcknowledgementAnswer(string DeliveryId, string SubjectId, bool Acknowledged);
