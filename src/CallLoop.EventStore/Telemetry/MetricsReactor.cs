using CallLoop.Domain;
using CallLoop.EventStore.Publication;
using CallLoop.EventStore.Subjects;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.EventStore.Telemetry;

/// <summary>
/// Counts committed events into <see cref="PrivacyMetrics"/>. <see cref="SubjectStreams"/> is resolved on first use:
/// it needs the document store, whose construction builds this reactor (a constructor dependency would be a cycle).
/// </summary>
public sealed class MetricsReactor(IServiceProvider services) : ICommittedEventReactor
{
    public string Name => "metrics";

    public async Task HandleAsync(IReadOnlyList<CommittedSubjectEvent> page, CancellationToken cancellationToken)
    {
        foreach (var committed in page)
        {
            switch (committed.Event)
            {
                case RightsRequestReceived e:
                    PrivacyMetrics.RequestsReceived.Add(1, PrivacyMetrics.Tags(("type", EnumText.ToText(e.Type)), ("jurisdiction", e.Jurisdiction)));
                    break;
                case RightsRequestCompleted e:
                    // The completion names only the request; its type and law are on the request's record.
                    var (state, _) = await services.GetRequiredService<SubjectStreams>().LoadAsync(committed.SubjectId, cancellationToken);
                    var request = state.Requests.GetValueOrDefault(e.RequestId);
                    PrivacyMetrics.RequestsCompleted.Add(1, PrivacyMetrics.Tags(
                        ("type", request is null ? "unknown" : EnumText.ToText(request.Type)),
                        ("jurisdiction", request?.Jurisdiction ?? "unknown"),
                        ("outcome", EnumText.ToText(e.Outcome))));
                    break;
                case RightsRequestDueSoon e:
                    PrivacyMetrics.RequestsDueSoon.Add(1, PrivacyMetrics.Tags(("type", EnumText.ToText(e.Type)), ("jurisdiction", e.Jurisdiction)));
                    break;
                case RightsRequestOverdue e:
                    PrivacyMetrics.RequestsOverdue.Add(1, PrivacyMetrics.Tags(("type", EnumText.ToText(e.Type)), ("jurisdiction", e.Jurisdiction)));
                    break;
                case OptedOut e:
                    PrivacyMetrics.OptOuts.Add(1, PrivacyMetrics.Tags(("method", EnumText.ToText(e.Method)), ("scope", EnumText.ToText(e.Scope))));
                    break;
                case ConsentWithdrawn e:
                    PrivacyMetrics.ConsentWithdrawals.Add(1, PrivacyMetrics.Tags(("purpose", EnumText.ToText(e.Purpose))));
                    break;
                case ErasureStarted e:
                    PrivacyMetrics.Erasures.Add(1, PrivacyMetrics.Tags(("reason", EnumText.ToText(e.Reason))));
                    break;
            }
        }
    }
}
