namespace CallLoop.Domain;

/// <summary>Which of a request's deadlines a reminder is about.</summary>
[GenerateSerializer, Alias("callloop.request-deadline-kind")]
public enum RequestDeadlineKind
{
    /// <summary>The answer to the request (<see cref="RightsRequest.DueAt"/>).</summary>
    [JsonStringEnumMemberName("response")]
    Response = 0,

    /// <summary>Telling the requester the request arrived, where the law sets a period (<see cref="RightsRequest.ConfirmationDueAt"/>).</summary>
    [JsonStringEnumMemberName("receipt-confirmation")]
    ReceiptConfirmation = 1,

    /// <summary>The answer to an open appeal (<see cref="RightsRequest.AppealDueAt"/>).</summary>
    [JsonStringEnumMemberName("appeal-answer")]
    AppealAnswer = 2,
}
