namespace CallLoop.Benchmarks;

/// <summary>What a benchmark silo runs besides the grains.</summary>
public enum SiloWork
{
    /// <summary>The write path alone: no async daemon, like rows 1–3, which run no projections either.</summary>
    WritePathOnly,

    /// <summary>The async daemon with the analysts' projections, without publication.</summary>
    Projections,

    /// <summary>As production runs: the async daemon with the analysts' projections and publication to the Orleans streams.</summary>
    Production,
}
