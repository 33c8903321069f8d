namespace CallLoop.Integration.Tests.Appending;

/// <summary>A document stored together with an append.</summary>
public sealed class AppendProbe
{
    public string Id { get; set; } = string.Empty;

    public string Note { get; set; } = string.Empty;
}
