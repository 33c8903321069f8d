namespace CallLoop.Domain;

/// <summary>
/// An inbound text from one of the subject's numbers. The HTTP route classifies the text once for the whole number
/// and sends only <see cref="Classification"/>; grain callers may send <see cref="Body"/> instead, which is
/// classified here and goes no further (no event or log carries it). A revocation opts out of marketing texts;
/// a re-subscribe opts back in only after the subject's own texted STOP.
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.receive-sms-keyword")]
public sealed record ReceiveSmsKeyword : SubjectCommand
{
    [Id(0)]
    public string? Body { get; init; }

    [Id(1)]
    public InboundTextClassification? Classification { get; init; }
}

internal static class ReceiveSmsKeywordDecision
{
    public static ReceiveSmsKeyword Validate(ReceiveSmsKeyword command, DateTimeOffset now)
    {
        if (command.Classification is { } classification)
        {
            CommandInput.Defined(classification.Kind, "classification");
            return command with { Body = null, Classification = classification with { Reason = CommandInput.Text(classification.Reason, "classification") } };
        }

        if (command.Body is null)
        {
            throw new InvalidCommandException("body", "Field 'body' is required.");
        }

        return command.Body.Length > CommandInput.MaxValueLength
            ? throw new InvalidCommandException("body", $"Field 'body' must be at most {CommandInput.MaxValueLength} characters.")
            : command;
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ReceiveSmsKeyword command, DateTimeOffset now)
    {
        var classification = command.Classification ?? InboundTextClassifier.Classify(command.Body, StoppedByText(state));
        return classification.Kind switch
        {
            InboundTextKind.Revocation => TextedOptOut.For(state, classification.Reason),

            // Only the subject's own texted STOP is undone by a texted START; a closed or minor's account is ignored, not refused.
            InboundTextKind.OptIn when StoppedByText(state) && state.IsActive && !state.IsMinor =>
                [new OptedBackIn { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword }],
            _ => [],
        };
    }

    private static bool StoppedByText(SubjectState state) =>
        state.OptOuts.TryGetValue(OptOutScope.MarketingSms, out var optOut) && optOut.Method == PreferenceMethod.SmsKeyword;
}
