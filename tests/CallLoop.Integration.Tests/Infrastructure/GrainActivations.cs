namespace CallLoop.Integration.Tests.Infrastructure;

internal static class GrainActivations
{
    /// <summary>
    /// Deactivates <paramref name="grain"/> wherever it is active and returns once that is done, so the next call
    /// activates it afresh (on any silo) from storage.
    /// </summary>
    public static Task DeactivateAsync(this IGrainFactory grains, IAddressable grain) =>
        grains.GetGrain<IManagementGrain>(0).DeactivateGrain(grain.GetGrainId(), CancellationToken.None);
}
