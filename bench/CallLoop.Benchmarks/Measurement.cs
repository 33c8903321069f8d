namespace CallLoop.Benchmarks;

/// <summary>One row of the table: throughput and latency of one way of writing (or reading), measured in this run.</summary>
public sealed record Measurement(string Row, string Unit, double PerSecond, LatencySummary Latency, string Note = "");
