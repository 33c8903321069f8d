namespace CallLoop.Silo.Processors;

/// <summary>
/// A processor's registration. <see cref="Name"/> is used by POST (PUT takes it from the route);
/// <see cref="SigningSecret"/> is required when the processor is new and kept when an update leaves it out.
/// </summary>
public sealed record ProcessorBody(
    string? Name,
    string? Type,
    string? Address,
    IReadOnlyList<string?>? Categories,
    string? WebhookUrl,
    string? SigningSecret);
