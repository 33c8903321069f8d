using System.Text.Json.Serialization.Metadata;
using CallLoop.Domain;

namespace CallLoop.EventStore.Projections.Requests;

/// <summary>
/// The store's JSON carries a request record's fold state (<see cref="RequestRecord.Lifecycle"/>, internal so the
/// HTTP API's serializer never sees it); the analysts' views read only the record's own fields.
/// </summary>
internal static class RequestRecordStorage
{
    public static void IncludeLifecycle(JsonTypeInfo info)
    {
        if (info.Type != typeof(RequestRecord))
        {
            return;
        }

        var lifecycle = info.CreateJsonPropertyInfo(typeof(RightsRequest), "lifecycle");
        lifecycle.Get = record => ((RequestRecord)record).Lifecycle;
        lifecycle.Set = (record, value) => ((RequestRecord)record).Lifecycle = (RightsRequest?)value;
        info.Properties.Add(lifecycle);
    }
}
