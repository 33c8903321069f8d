using System.Globalization;
using System.Text;

namespace CallLoop.Benchmarks;

/// <summary>The one table of a run, as Markdown; grain rows carry their ratio to each baseline row of the same run.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<Measurement> rows, IReadOnlyList<Measurement> baselines)
    {
        var text = new StringBuilder();
        var ratioHeads = string.Concat(baselines.Select(b => $" ÷ row {b.Row[..2].TrimEnd('.', ' ')}{Shape(b)} |"));
        text.AppendLine(CultureInfo.InvariantCulture, $"| row | rate | unit | p50 ms | p99 ms | p99.9 ms |{ratioHeads} note |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|---:|---|---:|---:|---:|{string.Concat(baselines.Select(_ => "---:|"))}---|");
        foreach (var row in rows)
        {
            var ratios = string.Concat(baselines.Select(b =>
                row.Row.StartsWith("4.", StringComparison.Ordinal) ? $" {row.PerSecond / b.PerSecond:P1} |" : " |"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Row} | {row.PerSecond:N0} | {row.Unit} | {Ms(row.Latency.P50)} | {Ms(row.Latency.P99)} | {Ms(row.Latency.P999)} |{ratios} {row.Note} |");
        }

        return text.ToString();
    }

    private static string Shape(Measurement baseline) =>
        baseline.Row.Contains("1 stream", StringComparison.Ordinal) ? " (1 stream)" : string.Empty;

    private static string Ms(double value) => double.IsNaN(value) ? "" : value.ToString("N1", CultureInfo.InvariantCulture);
}
