namespace CallLoop.Domain;

/// <summary>What a right-to-know answer may cover: its window (CCPA regs 7024(h)) and whether specific pieces may be given.</summary>
public static class RightToKnowAnswer
{
    /// <summary>
    /// The window's start: 12 months before the request was received when the answer is for a request, else 12 months
    /// before <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset WindowStart(RightsRequestView? request, DateTimeOffset now) =>
        (request?.ReceivedAt ?? now).AddMonths(-12);

    /// <summary>Specific pieces of information go only to a verified know-specific (or portability) request.</summary>
    public static void RequireSpecificPiecesAllowed(RightsRequestView? request)
    {
        if (request is null)
        {
            throw new RuleViolationException("specific-pieces-need-verified-request", "Specific pieces of information are given only to answer a verified know-specific request: name it with requestId.");
        }

        if (request.Type is not (RightsRequestType.KnowSpecific or RightsRequestType.Portability))
        {
            throw new RuleViolationException("specific-pieces-need-verified-request", $"Rights request '{request.RequestId}' is not a know-specific request.");
        }

        if (request.VerifiedAt is null)
        {
            throw new RuleViolationException("specific-pieces-need-verified-request", $"Rights request '{request.RequestId}' is not verified to the degree specific pieces need.");
        }
    }
}
