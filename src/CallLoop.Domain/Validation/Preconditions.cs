namespace CallLoop.Domain;

/// <summary>Preconditions shared by several decisions: each throws the typed error naming the rule it enforces.</summary>
internal static class Preconditions
{
    public static RuleViolationException Violation(string rule, string message) => new(rule, message);

    /// <summary>The request; a subject never registered and without it is unknown altogether.</summary>
    public static RightsRequest FindRequest(SubjectState state, string subjectId, string requestId) =>
        state.Requests.TryGetValue(requestId, out var request)
            ? request
            : state.IsRegistered ? throw new RequestNotFoundException(subjectId, requestId) : throw new SubjectNotFoundException(subjectId);

    /// <summary>Only an appeal may follow a completed request.</summary>
    public static RightsRequest RequireOpen(RightsRequest request) =>
        request.IsCompleted
            ? throw Violation("request-already-completed", $"Rights request '{request.RequestId}' is already completed.")
            : request;

    public static void RequireActiveAdult(SubjectState state, string action)
    {
        if (state.IsMinor)
        {
            throw Violation("minor", $"Cannot {action}: the subject is known to be under 18.");
        }

        if (!state.IsActive)
        {
            throw Violation("account-deactivated", $"Cannot {action}: the account is deactivated.");
        }
    }

    /// <summary>The law of the subject's jurisdiction as in force at <paramref name="at"/>.</summary>
    public static JurisdictionRule LawOf(SubjectState state, DateTimeOffset at) => JurisdictionTable.On(state.Jurisdiction, at);

    /// <summary>The law that governs a request: its jurisdiction's, as in force on the day it was received.</summary>
    public static JurisdictionRule LawOf(RightsRequest request) => JurisdictionTable.On(request.Jurisdiction, request.ReceivedAt);
}
