using System.Diagnostics;
using CallLoop.Benchmarks.Rows;
using CallLoop.EventStore.Appending;
using CallLoop.EventStore.Configuration;
using CallLoop.Silo.Hosting;
using CallLoop.Testing;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CallLoop.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CallLoop.Benchmarks -- [--quick]</c>: starts a private PostgreSQL,
/// measures every row on one database in one run, and prints one table.
/// </summary>
public static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains(SecondSilo.Argument))
        {
            return await SecondSilo.RunAsync(args);
        }

        var scale = BenchScale.FromArgs(args);
        GcPauses.PrintSequence = args.Contains("--gc-sequence");
        Stalls.Print = args.Contains("--stalls");
        var clock = Stopwatch.StartNew();
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("bench");
        // A service's pool: larger than a test database's, and with Npgsql's default idle lifetime and pruning (a test
        // database closes idle connections after 5 s, since many share one server).
        var deployed = new NpgsqlConnectionStringBuilder();
        connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            MaxPoolSize = 100,
            ConnectionIdleLifetime = deployed.ConnectionIdleLifetime,
            ConnectionPruningInterval = deployed.ConnectionPruningInterval,
        }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var store = DocumentStore.For(options =>
        {
            PrivacyEventStoreExtensions.ConfigureStore(options);
            options.Connection(dataSource);
        });
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent));
        Console.WriteLine(await MachineDescription.DescribeAsync(dataSource, scale));
        Console.WriteLine(await SteadyStateWal.PrepareUnlessFreshAsync(args, dataSource));

        var rows = new List<Measurement>();
        void Done(Measurement row)
        {
            rows.Add(row);
            Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {row.Row}: {row.PerSecond:N0} {row.Unit}, p99 {row.Latency.P99:N1} ms");
        }

        if (args.Contains("--reports-only"))
        {
            await ReportRowsAsync();
            Console.WriteLine(ResultTable.Render(rows, []));
            return 0;
        }

        if (args.Contains("--breach-only"))
        {
            // The breach assessment alone over only the facts it reads: --breach-only --report-subjects 1000000.
            var seeded = await BreachAssessment.SeedPopulationAsync(store, dataSource, scale.ReportSubjects);
            Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] seeded {scale.ReportSubjects:N0} subjects' facts in {seeded.TotalSeconds:N1} s");
            Done(await BreachAssessment.RunAsync(dataSource, scale.ReportSubjects));
            Console.WriteLine(ResultTable.Render(rows, []));
            Console.WriteLine($"Run took {clock.Elapsed:mm\\:ss}; seeding {seeded.TotalSeconds:N1} s.");
            return 0;
        }

        if (args.Contains("--production-only"))
        {
            // The production rows alone (one silo, then two silo processes), e.g. --tiny --production-only to check they run.
            await using (var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased))
            {
                await GrainCommands.RegisterAsync(silo.Grains, scale.Subjects);
                // The write path's rates of this run, which the daemon rows compare with.
                foreach (var concurrency in new[] { 64, 256 })
                {
                    Done(await GrainCommands.RunAsync(silo.Grains, scale, concurrency, cpu: dataSource));
                }
            }

            await ProductionRowsAsync(inMemoryToo: false);
            Console.WriteLine(ResultTable.Render(rows, []));
            return 0;
        }

        if (args.Contains("--grains-only"))
        {
            // Row 4 alone, for quick comparisons while tuning: no baselines, so no ratios. --work Projections|Production adds the daemon.
            var work = BenchArguments.ValueAfter(args, "--work") is { } named ? Enum.Parse<SiloWork>(named, ignoreCase: true) : SiloWork.WritePathOnly;
            var streams = BenchArguments.ValueAfter(args, "--streams") ?? SubjectEventStreamsHosting.AdoNetProvider;
            await using var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased, work, streams);
            await GrainCommands.RegisterAsync(silo.Grains, scale.Subjects);
            foreach (var concurrency in scale.GrainConcurrency)
            {
                // --allocations: which types the row at concurrency 256 allocates, sampled by the runtime.
                using var sampler = concurrency == 256 && args.Contains("--allocations") ? new AllocationSampler() : null;
                Done(await GrainCommands.RunAsync(silo.Grains, scale, concurrency, cpu: dataSource));
                if (sampler is not null)
                {
                    Console.WriteLine($"Allocated at concurrency 256, by type (sampled):{Environment.NewLine}{sampler.Top(20)}");
                    Console.WriteLine($"Marked alive at concurrency 256, by root:{Environment.NewLine}{sampler.MarkedByRoot()}");
                }
            }

            if (args.Contains("--reads"))
            {
                Done(await GrainCommands.ReadProfilesAsync(silo.Grains, scale));
            }

            Console.WriteLine(ResultTable.Render(rows, []));
            return 0;
        }

        Done(await PostgresCeiling.RunAsync(dataSource, scale, writers: 2));
        Done(await MartenCeiling.RunAsync(store, scale, writers: 2, streamsPerTransaction: 1_000));
        Done(await MartenCeiling.RunAsync(store, scale, writers: 2, streamsPerTransaction: 1));
        Done(await NaiveService.RunAsync(store, scale));
        await ColdActivation.SeedAsync(store, scale);

        await using (var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased))
        {
            var memory = GrainMemory.Start();
            await GrainCommands.RegisterAsync(silo.Grains, scale.Subjects);
            var memoryRow = memory.Stop(scale.Subjects);
            foreach (var concurrency in scale.GrainConcurrency)
            {
                Done(await GrainCommands.RunAsync(silo.Grains, scale, concurrency, cpu: dataSource));
            }

            Done(await GrainCommands.ReadProfilesAsync(silo.Grains, scale));
            Done(await ColdActivation.RunAsync(silo.Grains, scale, snapshotted: false));
            Done(memoryRow);
        }

        // The same grains, their group commit writing through one Marten session per batch instead: the path not chosen.
        await using (var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.MartenSession))
        {
            Done(await ColdActivation.RunAsync(silo.Grains, scale, snapshotted: true));
            await GrainCommands.ActivateAllAsync(silo.Grains, scale.Subjects);
            var row = await GrainCommands.RunAsync(silo.Grains, scale, 256);
            Done(row with { Row = "4. (alternative) grains, Marten session per batch, concurrency 256" });
        }

        await ProductionRowsAsync(inMemoryToo: true);
        await ReportRowsAsync();
        Console.WriteLine(ResultTable.Render(rows, rows.Take(4).ToList()));
        Console.WriteLine($"Run took {clock.Elapsed:mm\\:ss}.");
        return 0;

        // As production runs: the daemon folds the analysts' projections and publishes every committed event to the
        // partition streams; then the same with the in-memory stream provider, which prices the ADO.NET queue; then
        // two silo processes on the one database, the daemon's shards split between them.
        async Task ProductionRowsAsync(bool inMemoryToo)
        {
            foreach (var inMemory in inMemoryToo ? new[] { false, true } : [false])
            {
                await ProductionLoad.PrepareAsync(dataSource);
                var streams = inMemory ? SubjectEventStreamsHosting.MemoryProvider : SubjectEventStreamsHosting.AdoNetProvider;
                await using var silo = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased, SiloWork.Production, streams);
                await ProductionLoad.WaitForShardsAsync(silo.Grains, silos: 1);
                await GrainCommands.ActivateAllAsync(silo.Grains, scale.Subjects);
                foreach (var row in await ProductionLoad.RunAsync(silo.Grains, dataSource, scale, 256, inMemory))
                {
                    Done(row);
                }

                // In the same silo, caught up: does the daemon follow the write path's concurrency-64 rate without a growing lag?
                if (!inMemory && rows.FirstOrDefault(r => r.Row == "4. CallLoop.Actors grains, concurrency 64") is { } writePath64)
                {
                    Done(await DaemonLag.RunAsync(silo.Grains, dataSource, scale, writePath64.PerSecond));
                }
            }

            // The daemon's capacity: each shard catching up a backlog written while no daemon ran.
            foreach (var row in await DaemonCatchUp.RunAsync(connectionString, dataSource, scale))
            {
                Done(row);
            }

            await ProductionLoad.PrepareAsync(dataSource);
            await using var first = await BenchSilo.StartAsync(connectionString, GroupCommitPath.SetBased, SiloWork.Production);
            await using var second = await SecondSilo.StartAsync(connectionString, SubjectEventStreamsHosting.AdoNetProvider);
            var split = await ProductionLoad.WaitForShardsAsync(first.Grains, silos: 2);
            await GrainCommands.ActivateAllAsync(first.Grains, scale.Subjects);
            foreach (var row in await ProductionLoad.RunAsync(first.Grains, dataSource, scale, 256, shards: split))
            {
                Done(row);
            }
        }

        async Task ReportRowsAsync()
        {
            await ReportQueries.SeedAsync(store, dataSource, scale.ReportSubjects);
            foreach (var row in await ReportQueries.RunAsync(store, dataSource, scale.ReportSubjects))
            {
                Done(row);
            }

            await BreachRowAsync();
        }

        async Task BreachRowAsync()
        {
            await BreachAssessment.SeedAsync(store, dataSource);
            Done(await BreachAssessment.RunAsync(dataSource, scale.ReportSubjects));
        }
    }
}
