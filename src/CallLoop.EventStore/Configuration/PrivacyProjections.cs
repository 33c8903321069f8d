using Marten.Events.Projections;

namespace CallLoop.EventStore.Configuration;

internal static class PrivacyProjections
{
    /// <summary>Projections registered with the store; analysts' read models are added here.</summary>
    public static void AddPrivacyProjections(this ProjectionOptions projections)
    {
        _ = projections;
    }
}
