using CallLoop.Contracts.Deadlines;
using CallLoop.Domain;
using CallLoop.EventStore.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Grains.Deadlines;

/// <summary>
/// Keeps each request's reminders in step with committed events: scheduled on receipt (response and receipt confirmation)
/// and on an appeal, moved on extension, removed once met (confirmation, completion, appeal decision). Driven by the publication subscription, so a silo dying after a commit loses no schedule.
/// The grain factory is resolved on first use, after the silo started (see the Orleans stream publisher).
/// </summary>
public sealed class DeadlineSchedulingReactor(IServiceProvider services) : ICommittedEventReactor
{
    public string Name => "deadlines";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        foreach (var committed in page)
        {
            switch (committed.Event)
            {
                case RightsRequestReceived e:
                    await Deadline(committed.SubjectId, e.RequestId).ScheduleAsync(e.DueAt);
                    if (e.ConfirmationDueAt is { } confirmationDueAt)
                    {
                        await Deadline(committed.SubjectId, e.RequestId).ScheduleDeadlineAsync(RequestDeadlineKind.ReceiptConfirmation, confirmationDueAt);
                    }

                    break;
                case RightsRequestExtended e:
                    await Deadline(committed.SubjectId, e.RequestId).ScheduleAsync(e.DueAt);
                    break;
                case RightsRequestReopened e:
                    await Deadline(committed.SubjectId, e.RequestId).ScheduleAsync(e.DueAt);
                    break;
                case RequestReceiptConfirmed e:
                    await Deadline(committed.SubjectId, e.RequestId).CancelDeadlineAsync(RequestDeadlineKind.ReceiptConfirmation);
                    break;
                case RightsRequestCompleted e:
                    await Deadline(committed.SubjectId, e.RequestId).CancelDeadlineAsync(RequestDeadlineKind.Response);
                    await Deadline(committed.SubjectId, e.RequestId).CancelDeadlineAsync(RequestDeadlineKind.ReceiptConfirmation);
                    break;
                case AppealFiled e:
                    await Deadline(committed.SubjectId, e.RequestId).ScheduleDeadlineAsync(RequestDeadlineKind.AppealAnswer, e.AppealDueAt);
                    break;
                case AppealExtended e:
                    await Deadline(committed.SubjectId, e.RequestId).ScheduleDeadlineAsync(RequestDeadlineKind.AppealAnswer, e.AppealDueAt);
                    break;
                case AppealDecided e:
                    await Deadline(committed.SubjectId, e.RequestId).CancelDeadlineAsync(RequestDeadlineKind.AppealAnswer);
                    break;
            }
        }
    }

    private IRequestDeadlineGrain Deadline(string subjectId, string requestId) =>
        services.GetRequiredService<IGrainFactory>().GetGrain<IRequestDeadlineGrain>(RequestDeadlineKey.Of(subjectId, requestId));
}
