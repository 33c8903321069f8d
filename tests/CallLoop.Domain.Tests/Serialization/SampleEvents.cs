using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Serialization;

/// <summary>One populated instance of every event type.</summary>
internal static class SampleEvents
{
    private static readonly DateTimeOffset At = Scenario.Now;

    public static IReadOnlyList<SubjectEvent> All { get; } = new SubjectEvent[]
    {
        new SubjectRegistered { Jurisdiction = "CA", Email = "a@example.com", Phone = "+15551234567", Name = "Pat", BirthDate = new DateOnly(1990, 1, 2) },
        new ResidencyChanged { PreviousJurisdiction = "CA", Jurisdiction = "VA" },
        new PersonalInformationCollected
        {
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.ThirdParty,
            SourceDetail = "google-sign-in",
            Purposes = [ProcessingPurpose.AccountManagement, ProcessingPurpose.LegalCompliance],
            Data = new Dictionary<string, string> { ["email"] = "a@example.com" },
            CollectedAt = At,
        },
        new ConsentGranted
        {
            Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.ExpressWritten, NoticeVersion = "v2", Channel = "web", Evidence = "e-signed form 7",
            SignatureMethod = SignatureMethod.ESign, ConsentedNumber = "+15551230000", GrantedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        },
        new MessageSent { Channel = ContactChannel.Sms, Kind = MessageKind.Marketing, Topic = "spring-sale", SentAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) },
        new ConsentWithdrawn { Purpose = ConsentPurpose.MarketingEmail, RequestId = "r-1", Evidence = "called the support line" },
        new OptedOut { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword, Reason = "phrase:remove me" },
        new OptedBackIn { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword },
        new RightsRequestReceived
        {
            RequestId = "r-1",
            Type = RightsRequestType.OptOutSaleSharing,
            Channel = RequestChannel.WebForm,
            Jurisdiction = "CA",
            Agent = new AuthorizedAgent { Name = "Agent", ProofOfAuthorization = "signed" },
            ReceivedAt = At,
            DueAt = At.AddDays(21),
            ConfirmationDueAt = At.AddDays(14),
        },
        new RequestReceiptConfirmed { RequestId = "r-1", ConfirmedAt = At },
        new IdentityVerified { RequestId = "r-1", Method = VerificationMethod.DataPoints, DataPointsMatched = 3, SignedDeclaration = true, VerifiedAt = At },
        new IdentityVerificationFailed { RequestId = "r-1", Method = VerificationMethod.AgentProof, DataPointsMatched = 1, Reason = "mismatch", FailedAt = At },
        new RightsRequestExtended { RequestId = "r-1", Reason = "volume", PreviousDueAt = At, DueAt = At.AddDays(45) },
        new RightsRequestCompleted { RequestId = "r-1", Outcome = RequestOutcome.PartiallyFulfilled, DenialReason = DenialReason.NotAConsumer, Explanation = "orders kept for tax law", CompletedAt = At },
        new AppealFiled { RequestId = "r-1", Reason = "my orders were not listed", FiledAt = At, AppealDueAt = At.AddDays(60) },
        new AppealDecided { RequestId = "r-1", Outcome = AppealOutcome.Reversed, Explanation = "orders listed after review", ComplaintTo = "AG", DecidedAt = At },
        new AppealExtended { RequestId = "r-1", Reason = "complex", PreviousDueAt = At.AddDays(45), AppealDueAt = At.AddDays(105) },
        new RightsRequestReopened { RequestId = "r-1", ReopenedAt = At, DueAt = At.AddDays(15) },
        new InformationDisclosed
        {
            DisclosureId = "d-1",
            Recipient = "Acme",
            RecipientType = RecipientType.ServiceProvider,
            Purpose = DisclosurePurpose.DirectMarketing,
            Categories = [PersonalInformationCategory.SensitivePersonalInformation],
            DisclosedAt = At,
        },
        new InformationCorrected { Category = PersonalInformationCategory.Identifiers, Field = "name", NewValue = "Pat", RequestId = "r-1" },
        new ProcessingRestricted { Reason = "contested", RequestId = "r-1" },
        new ProcessingRestrictionLifted { Reason = "resolved" },
        new LegalHoldPlaced { HoldId = "h-1", Categories = [PersonalInformationCategory.CommercialInformation], Reason = "litigation" },
        new LegalHoldReleased { HoldId = "h-1", Reason = "settled" },
        new MinorDetected { BirthDate = new DateOnly(2012, 1, 1), Evidence = "ticket" },
        new AccountDeactivated { Reason = "minor" },
        new ErasureStarted { Reason = ErasureReason.DeleteRequest, RequestId = "r-1", RetainedCategories = [PersonalInformationCategory.CommercialInformation] },
        new RightsRequestDueSoon { RequestId = "r-1", Type = RightsRequestType.Delete, Jurisdiction = "CA", DueAt = At.AddDays(5) },
        new RightsRequestOverdue { RequestId = "r-1", Type = RightsRequestType.Delete, Jurisdiction = "CA", DueAt = At },
        new RequestDeadlineDueSoon { RequestId = "r-1", Deadline = RequestDeadlineKind.ReceiptConfirmation, Type = RightsRequestType.Delete, Jurisdiction = "CA", DueAt = At.AddDays(5) },
        new RequestDeadlineOverdue { RequestId = "r-1", Deadline = RequestDeadlineKind.AppealAnswer, Type = RightsRequestType.Delete, Jurisdiction = "CA", DueAt = At },
        new RightsRequestAwaitingProcessors { RequestId = "r-1", Outcome = RequestOutcome.Fulfilled, Explanation = "erased here, processors told", FulfilledAt = At },
        new PropagationPlanned
        {
            SourceSequence = 42,
            Action = PropagationAction.Correct,
            Category = PersonalInformationCategory.Identifiers,
            Scope = OptOutScope.Sale,
            Purpose = ConsentPurpose.MarketingSms,
            RequestId = "r-1",
            Deliveries = [new PlannedDelivery { DeliveryId = "dl-1", Processor = "Acme" }],
        },
        new WebhookDelivered { DeliveryId = "dl-1", Processor = "Acme", Attempt = 2, StatusCode = 204 },
        new WebhookAttemptFailed { DeliveryId = "dl-1", Processor = "Acme", Attempt = 1, Failure = "timeout" },
        new WebhookDeadLettered { DeliveryId = "dl-1", Processor = "Acme", Attempts = 8 },
        new ProcessorAcknowledged { DeliveryId = "dl-1", Processor = "Acme", RequestId = "r-1" },
        new WebhookRedeliveryRequested { DeliveryId = "dl-1", Processor = "Acme", PreviousAttempts = 8, Reason = "endpoint fixed" },
        new ProcessorDeliveryWaived { DeliveryId = "dl-1", Processor = "Acme", RequestId = "r-1", Reason = "went out of business", WaivedBy = "admin-1" },
        new PersonalDataAccessed
        {
            AccessedBy = "officer-1",
            Purpose = AccessPurpose.RightsRequest,
            View = AccessedView.Export,
            RequestId = "r-1",
            Categories = [PersonalInformationCategory.Identifiers, PersonalInformationCategory.CommercialInformation],
        },
        new PersonalDataErased
        {
            Reason = ErasureReason.DeleteRequest,
            RequestId = "r-1",
            ErasedCategories = [PersonalInformationCategory.Identifiers],
            DestroyedKeyIds = ["A1"],
            Retained = [new RetainedCategory { Category = PersonalInformationCategory.CommercialInformation, HoldId = "h-1", Reason = "litigation" }],
            MaskedEvents = 2,
        },
        new BreachNoticeSent { IncidentId = "incident-1", Channel = NoticeChannel.Mail, SentAt = At, Jurisdiction = "FL" },
    }.Select(e => e with { SubjectId = Scenario.SubjectId, OccurredAt = At, IdempotencyKey = "k-1" }).ToArray();
}
