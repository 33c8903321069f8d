namespace CallLoop.Console.Api;

/// <summary>
/// The wire names the API accepts for the console's choice fields (a test holds each list to the domain's enum).
/// </summary>
public static class Choices
{
    public static IReadOnlyList<string> RequestTypes { get; } =
        ["know-categories", "know-specific", "delete", "correct", "portability", "restrict", "opt-out-sale-sharing", "limit-sensitive", "withdraw-consent", "terminate-account", "shine-the-light"];

    public static IReadOnlyList<string> VerificationMethods { get; } = ["login", "data-points", "agent-proof", "email-confirmation", "phone-confirmation"];

    public static IReadOnlyList<string> Outcomes { get; } = ["fulfilled", "partially-fulfilled", "denied"];

    public static IReadOnlyList<string> DenialReasons { get; } = ["unverifiable", "not-a-consumer", "exempt", "other", "fraud"];

    public static IReadOnlyList<string> AppealOutcomes { get; } = ["reversed", "upheld"];

    public static IReadOnlyList<string> AccessPurposes { get; } = ["rights-request", "customer-support", "legal-compliance", "fraud-prevention", "security-investigation"];

    /// <summary>The marketing channels whose consent the ledger counts over time.</summary>
    public static IReadOnlyList<string> MarketingConsents { get; } = ["marketing-email", "marketing-sms"];

    /// <summary>The work queue's status filter (open, overdue, closed, any).</summary>
    public static IReadOnlyList<string> QueueStatuses { get; } = ["open", "overdue", "closed", "any"];

    /// <summary>Jurisdictions with a state privacy law the reports cover.</summary>
    public static IReadOnlyList<string> States { get; } = ["CA", "CO", "CT", "VA", "UT", "TX", "OR", "MN", "NJ"];
}
