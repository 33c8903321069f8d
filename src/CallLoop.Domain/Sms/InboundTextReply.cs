namespace CallLoop.Domain;

/// <summary>
/// What the sending system may text back to an inbound text: at most one reply of <see cref="Kind"/>
/// (<c>opt-out-confirmation</c>, <c>opt-in-confirmation</c>, <c>help</c> or <c>none</c>), never marketing,
/// and only before <see cref="SendBefore"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.inbound-text-reply")]
public sealed record InboundTextReply
{
    /// <summary>FCC revocation order: one confirmation text within 5 minutes of the revocation.</summary>
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromMinutes(5);

    [Id(0)]
    public string Kind { get; init; } = "none";

    [Id(1)]
    public DateTimeOffset? SendBefore { get; init; }

    /// <summary>The configured HELP text, for <c>help</c> replies.</summary>
    [Id(2)]
    public string? Text { get; init; }

    public static InboundTextReply For(InboundTextKind kind, DateTimeOffset receivedAt, string helpText)
    {
        var before = receivedAt + ConfirmationWindow;
        return kind switch
        {
            InboundTextKind.Revocation => new() { Kind = "opt-out-confirmation", SendBefore = before },
            InboundTextKind.OptIn => new() { Kind = "opt-in-confirmation", SendBefore = before },
            InboundTextKind.Help => new() { Kind = "help", SendBefore = before, Text = helpText },
            _ => new(),
        };
    }
}
