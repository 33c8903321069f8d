namespace CallLoop.Domain;

/// <summary>
/// The words and phrases that classify an inbound text, as data (FCC revocation order, 47 CFR 64.1200(a)(10)-(12),
/// in force 2025-04-11; CTIA messaging principles). Texts are compared after <see cref="InboundTextClassifier.Normalize"/>:
/// lower case, apostrophes dropped, every other non-letter a space.
/// </summary>
public static class InboundTextVocabulary
{
    public static readonly DateOnly RevocationOrderInForce = new(2025, 4, 11);

    /// <summary>The FCC's per-se revocation words, anywhere in the text ("please stop", "STOP!!").</summary>
    public static IReadOnlyList<string> PerSeWords { get; } = ["stop", "quit", "end", "revoke", "cancel", "unsubscribe", "opt out"];

    /// <summary>Common spellings of the per-se words, each with the word it stands for.</summary>
    public static IReadOnlyDictionary<string, string> Variants { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["stopall"] = "stop",
        ["stop all"] = "stop",
        ["stopp"] = "stop",
        ["optout"] = "opt out",
        ["unsub"] = "unsubscribe",
        ["unsubscribed"] = "unsubscribe",
        ["unsuscribe"] = "unsubscribe",
        ["cancell"] = "cancel",
        ["revoked"] = "revoke",
    };

    /// <summary>Other wording a reasonable person reads as a revocation.</summary>
    public static IReadOnlyList<string> Phrases { get; } =
    [
        "dont text me", "do not text", "dont text", "dont message me", "do not message", "dont contact me", "do not contact",
        "remove me", "remove my number", "take me off", "take my number off", "delete my number", "lose my number",
        "no more texts", "no more text", "no more messages", "no more msgs", "no texts", "not interested",
        "wrong number", "wrong person", "leave me alone", "never text", "stop texting", "stop messaging",
        "i didnt sign up", "i did not sign up", "didnt sign up", "block", "report spam", "spam",
    ];

    /// <summary>Words that ask for help (the whole text or a word in it).</summary>
    public static IReadOnlyList<string> HelpWords { get; } = ["help", "info"];

    /// <summary>Carrier re-subscribe words: the whole text must be one of them.</summary>
    public static IReadOnlyList<string> ResubscribeWords { get; } = ["start", "unstop"];

    /// <summary>Counts as a re-subscribe only as the reply to a re-subscribe prompt (the confirmation of a STOP).</summary>
    public const string ReplyToPromptWord = "yes";
}
