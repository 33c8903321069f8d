using CallLoop.Domain;

namespace CallLoop.Silo.Sms;

/// <summary>An inbound text as the SMS provider forwards it; <c>receivedAt</c> defaults to now.</summary>
public sealed record InboundTextBody(string? From, string? Body, string? ReceivedAt);

/// <summary>
/// What an inbound text did and what may be sent back; deliberately without the phone number or any profile
/// (the caller is an SMS gateway), and never the text.
/// </summary>
public sealed record InboundTextResult(string Classification, string Reason, IReadOnlyList<string> SubjectIds, bool NumberSuppressed, InboundTextReply Reply);
