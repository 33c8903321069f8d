using Npgsql;

namespace CallLoop.Benchmarks;

public static class MachineDescription
{
    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource, BenchScale scale)
    {
        await using var command = dataSource.CreateCommand("SHOW server_version");
        var postgres = await command.ExecuteScalarAsync();
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"CallLoop.Actors benchmark ({scale.Name}): {Environment.ProcessorCount} cores, {memoryGiB:N0} GiB, " +
            $"PostgreSQL {postgres}, .NET {Environment.Version}, {scale.Subjects:N0} subjects, {scale.Duration.TotalSeconds:N0} s per load row\n";
    }
}
