using System.Text;

namespace CallLoop.Domain;

/// <summary>
/// Classifies an inbound text. Revocation wins over everything else and, when in doubt, a text is read as a
/// revocation (a marketing text after a revocation costs $500-1,500); re-subscribing needs an unambiguous
/// whole-text keyword. The body is read here and goes nowhere else.
/// </summary>
public static class InboundTextClassifier
{
    /// <summary>Longest text classified: ten concatenated segments of 160 characters.</summary>
    public const int MaxLength = 1600;

    /// <param name="body">The text as received.</param>
    /// <param name="awaitingResubscribe">The number's STOP was confirmed with a re-subscribe prompt, so YES answers it.</param>
    public static InboundTextClassification Classify(string? body, bool awaitingResubscribe)
    {
        var text = Normalize(body);
        var padded = $" {text} ";
        foreach (var word in InboundTextVocabulary.PerSeWords)
        {
            if (padded.Contains($" {word} ", StringComparison.Ordinal))
            {
                return InboundTextClassification.Of(InboundTextKind.Revocation, $"per-se-word:{word}");
            }
        }

        foreach (var (variant, word) in InboundTextVocabulary.Variants)
        {
            if (padded.Contains($" {variant} ", StringComparison.Ordinal))
            {
                return InboundTextClassification.Of(InboundTextKind.Revocation, $"per-se-word:{word}");
            }
        }

        foreach (var phrase in InboundTextVocabulary.Phrases)
        {
            if (padded.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return InboundTextClassification.Of(InboundTextKind.Revocation, $"phrase:{phrase}");
            }
        }

        if (InboundTextVocabulary.ResubscribeWords.Contains(text))
        {
            return InboundTextClassification.Of(InboundTextKind.OptIn, $"resubscribe-word:{text}");
        }

        if (text == InboundTextVocabulary.ReplyToPromptWord)
        {
            return awaitingResubscribe
                ? InboundTextClassification.Of(InboundTextKind.OptIn, "yes-to-resubscribe-prompt")
                : InboundTextClassification.Of(InboundTextKind.Unclassified, "yes-without-prompt");
        }

        foreach (var word in InboundTextVocabulary.HelpWords)
        {
            if (padded.Contains($" {word} ", StringComparison.Ordinal))
            {
                return InboundTextClassification.Of(InboundTextKind.Help, $"help-word:{word}");
            }
        }

        return InboundTextClassification.Of(InboundTextKind.Unclassified, "no-rule-matched");
    }

    /// <summary>Lower case, apostrophes dropped ("don't" is "dont"), any other non-letter a single space, trimmed.</summary>
    public static string Normalize(string? body)
    {
        var text = new StringBuilder(body?.Length ?? 0);
        var space = true;
        foreach (var c in body ?? string.Empty)
        {
            if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                text.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                text.Append(' ');
                space = true;
            }
        }

        return text.ToString().TrimEnd();
    }
}
