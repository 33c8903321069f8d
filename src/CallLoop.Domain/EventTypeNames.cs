namespace CallLoop.Domain;

/// <summary>
/// Stable stored names of every event type. Marten maps each type to its name here, so renaming a
/// class never orphans history. Never change a value once shipped.
/// </summary>
public static class EventTypeNames
{
    public static IReadOnlyDictionary<Type, string> All { get; } = new Dictionary<Type, string>
    {
        [typeof(SubjectRegistered)] = "subject_registered",
        [typeof(ResidencyChanged)] = "residency_changed",
        [typeof(PersonalInformationCollected)] = "personal_information_collected",
        [typeof(ConsentGranted)] = "consent_granted",
        [typeof(ConsentWithdrawn)] = "consent_withdrawn",
        [typeof(OptedOut)] = "opted_out",
        [typeof(OptedBackIn)] = "opted_back_in",
        [typeof(RightsRequestReceived)] = "rights_request_received",
        [typeof(RequestReceiptConfirmed)] = "rights_request_receipt_confirmed",
        [typeof(IdentityVerified)] = "identity_verified",
        [typeof(IdentityVerificationFailed)] = "identity_verification_failed",
        [typeof(RightsRequestExtended)] = "rights_request_extended",
        [typeof(RightsRequestCompleted)] = "rights_request_completed",
        [typeof(AppealFiled)] = "appeal_filed",
        [typeof(AppealDecided)] = "appeal_decided",
        [typeof(InformationDisclosed)] = "personal_information_disclosed",
        [typeof(InformationCorrected)] = "personal_information_corrected",
        [typeof(ProcessingRestricted)] = "processing_restricted",
        [typeof(ProcessingRestrictionLifted)] = "processing_restriction_lifted",
        [typeof(LegalHoldPlaced)] = "legal_hold_placed",
        [typeof(LegalHoldReleased)] = "legal_hold_released",
        [typeof(MinorDetected)] = "minor_detected",
        [typeof(AccountDeactivated)] = "account_deactivated",
        [typeof(ErasureStarted)] = "erasure_started",
        [typeof(RightsRequestDueSoon)] = "rights_request_due_soon",
        [typeof(RightsRequestOverdue)] = "rights_request_overdue",
        [typeof(RightsRequestAwaitingProcessors)] = "rights_request_awaiting_processors",
        [typeof(PropagationPlanned)] = "propagation_planned",
        [typeof(WebhookDelivered)] = "webhook_delivered",
        [typeof(WebhookAttemptFailed)] = "webhook_attempt_failed",
        [typeof(WebhookDeadLettered)] = "webhook_dead_lettered",
        [typeof(ProcessorAcknowledged)] = "processor_acknowledged",
        [typeof(WebhookRedeliveryRequested)] = "webhook_redelivery_requested",
        [typeof(ProcessorDeliveryWaived)] = "processor_delivery_waived",
        [typeof(PersonalDataAccessed)] = "personal_data_accessed",
        [typeof(PersonalDataErased)] = "personal_data_erased",
        [typeof(MessageSent)] = "message_sent",
        [typeof(BreachNoticeSent)] = "breach_notice_sent",
        [typeof(AppealExtended)] = "appeal_extended",
        [typeof(RightsRequestReopened)] = "rights_request_reopened",
        [typeof(RequestDeadlineDueSoon)] = "request_deadline_due_soon",
        [typeof(RequestDeadlineOverdue)] = "request_deadline_overdue",
    };
}
