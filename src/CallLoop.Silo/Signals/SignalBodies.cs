namespace CallLoop.Silo.Signals;

public sealed record GpcSignalBody(string? SubjectId);

/// <summary>An inbound text as the SMS provider forwards it.</summary>
public sealed record InboundSmsBody(string? From, string? Body);

/// <summary>What an inbound text did; deliberately without the phone number or the profile (the caller is an SMS gateway).</summary>
public sealed record InboundSmsResult(string SubjectId, string Keyword, bool MarketingSmsOptedOut);
