namespace CallLoop.Domain;

/// <summary>An inbound SMS; STOP-style keywords opt out of marketing texts, START-style ones opt back in.</summary>
[GenerateSerializer, Immutable, Alias("callloop.receive-sms-keyword")]
public sealed record ReceiveSmsKeyword : SubjectCommand
{
    [Id(0)]
    public string Body { get; set; } = string.Empty;
}

internal static class ReceiveSmsKeywordDecision
{
    public static ReceiveSmsKeyword Validate(ReceiveSmsKeyword command, DateTimeOffset now)
    {
        if (command.Body is null)
        {
            throw new InvalidCommandException("body", "Field 'body' is required.");
        }

        return command.Body.Length > Require.MaxValueLength
            ? throw new InvalidCommandException("body", $"Field 'body' must be at most {Require.MaxValueLength} characters.")
            : command;
    }

    public static IReadOnlyList<SubjectEvent> Decide(SubjectState state, ReceiveSmsKeyword command, DateTimeOffset now) =>
        SmsKeywords.Classify(command.Body) switch
        {
            SmsKeywordKind.OptOut => OptOutEvents.For(state, PreferenceMethod.SmsKeyword, null, OptOutScope.MarketingSms),

            // A texted START never resurrects marketing for a closed or minor's account; it is ignored, not refused.
            SmsKeywordKind.OptIn when state.IsOptedOut(OptOutScope.MarketingSms) && state.IsActive && !state.IsMinor =>
                [new OptedBackIn { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword }],
            _ => [],
        };
}
