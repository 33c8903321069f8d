using CallLoop.Domain;
using Marten.Events.Projections;

namespace CallLoop.EventStore.Projections.Requests;

/// <summary>One <see cref="RequestRecord"/> per rights request, keyed by subject and request id (async).</summary>
public sealed partial class RequestRecordProjection : MultiStreamProjection<RequestRecord, string>
{
    public RequestRecordProjection()
    {
        Name = ProjectionNames.RequestRecords;
        Identity<RightsRequestReceived>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<RequestReceiptConfirmed>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<IdentityVerified>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<IdentityVerificationFailed>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<RightsRequestExtended>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<RightsRequestCompleted>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<AppealFiled>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<AppealDecided>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<AppealExtended>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<RightsRequestReopened>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identity<RightsRequestAwaitingProcessors>(e => RequestRecord.KeyOf(e.SubjectId, e.RequestId));
        Identities<PropagationPlanned>(e => KeysOf(e.SubjectId, e.RequestId));
        Identities<ProcessorAcknowledged>(e => KeysOf(e.SubjectId, e.RequestId));
        Identities<ProcessorDeliveryWaived>(e => KeysOf(e.SubjectId, e.RequestId));
        Identities<ErasureStarted>(e => KeysOf(e.SubjectId, e.RequestId));
        Identities<PersonalDataErased>(e => KeysOf(e.SubjectId, e.RequestId));
    }

    /// <summary>The record an event about a request belongs to; none for an event that names no request.</summary>
    private static string[] KeysOf(string subjectId, string? requestId) => requestId is null ? [] : [RequestRecord.KeyOf(subjectId, requestId)];

    public static RequestRecord Create(RightsRequestReceived e) => new()
    {
        Id = RequestRecord.KeyOf(e.SubjectId, e.RequestId),
        SubjectId = e.SubjectId,
        RequestId = e.RequestId,
        Type = e.Type,
        Channel = e.Channel,
        Jurisdiction = e.Jurisdiction,
        ViaAuthorizedAgent = e.Agent is not null,
        Status = RightsRequestStatus.Received,
        ReceivedAt = e.ReceivedAt,
        ConfirmationDueAt = e.ConfirmationDueAt,
        DueAt = e.DueAt,
        IsOpen = true,
        CurrentDueAt = e.DueAt,
    };

    public static void Apply(RequestReceiptConfirmed e, RequestRecord record) => record.ReceiptConfirmedAt = e.ConfirmedAt;

    public static void Apply(IdentityVerified e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.Verified;
        record.VerifiedAt = e.VerifiedAt;
        record.VerificationMethod = e.Method;
    }

    public static void Apply(IdentityVerificationFailed e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.VerificationFailed;
        record.VerificationFailedAt = e.FailedAt;
        record.VerificationMethod = e.Method;
    }

    public static void Apply(RightsRequestExtended e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.Extended;
        record.Extended = true;
        record.DueAt = e.DueAt;
        record.CurrentDueAt = record.IsOpen ? e.DueAt : record.CurrentDueAt;
    }

    public static void Apply(RightsRequestCompleted e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.Completed;
        record.RespondedAt = e.CompletedAt;
        record.Outcome = e.Outcome;
        record.DenialReason = e.DenialReason;
        record.IsOpen = false;
        record.CurrentDueAt = null;
    }

    public static void Apply(AppealFiled e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.Appealed;
        record.AppealFiledAt = e.FiledAt;
        record.AppealDueAt = e.AppealDueAt;
        record.IsOpen = true;
        record.CurrentDueAt = e.AppealDueAt;
    }

    public static void Apply(AppealDecided e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.AppealDecided;
        record.AppealDecidedAt = e.DecidedAt;
        record.AppealOutcome = e.Outcome;
        record.IsOpen = false;
        record.CurrentDueAt = null;
    }

    public static void Apply(AppealExtended e, RequestRecord record)
    {
        record.AppealDueAt = e.AppealDueAt;
        record.CurrentDueAt = record.IsOpen ? e.AppealDueAt : record.CurrentDueAt;
    }

    /// <summary>Open again after a reversed appeal; the first answer stays in the stream, the record shows the current one.</summary>
    public static void Apply(RightsRequestReopened e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.Reopened;
        record.ReopenedAt = e.ReopenedAt;
        record.DueAt = e.DueAt;
        record.IsOpen = true;
        record.CurrentDueAt = e.DueAt;
    }

    public static void Apply(RightsRequestAwaitingProcessors e, RequestRecord record)
    {
        record.Status = RightsRequestStatus.AwaitingProcessors;
        record.AwaitingProcessorsSince = e.FulfilledAt;
    }

    public static void Apply(PropagationPlanned e, RequestRecord record) =>
        record.ProcessorsNotified = record.ProcessorsNotified.Union(e.Deliveries.Select(d => d.Processor)).ToList();

    /// <summary>Counts the processor once its delivery is acknowledged (a request has one erasure, so one delivery per processor).</summary>
    public static void Apply(ProcessorAcknowledged e, RequestRecord record) =>
        record.ProcessorsAcknowledged = record.ProcessorsAcknowledged.Union([e.Processor]).ToList();

    /// <summary>Names the processor only: the reason is free text and stays out of the analysts' records.</summary>
    public static void Apply(ProcessorDeliveryWaived e, RequestRecord record) =>
        record.ProcessorsWaived = record.ProcessorsWaived.Union([e.Processor]).ToList();

    public static void Apply(ErasureStarted e, RequestRecord record) =>
        record.RetainedCategories = e.RetainedCategories.Distinct().Order().ToList();

    /// <summary>What the erasure actually kept; a later erasure after a hold's release keeps less.</summary>
    public static void Apply(PersonalDataErased e, RequestRecord record) =>
        record.RetainedCategories = e.Retained.Select(r => r.Category).Distinct().Order().ToList();
}
