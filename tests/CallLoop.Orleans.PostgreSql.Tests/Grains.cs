using System.Collections.Concurrent;
using Orleans.Runtime;

namespace CallLoop.Orleans.PostgreSql.Tests;

public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Returns the address of the silo hosting the activation.</summary>
    Task<string> PingAsync();
}

public sealed class PingGrain(ILocalSiloDetails silo) : Grain, IPingGrain
{
    public Task<string> PingAsync() => Task.FromResult(silo.SiloAddress.ToString());
}

[GenerateSerializer]
[Alias("callloop.tests.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public List<string> History { get; set; } = [];
}

[GenerateSerializer]
[Alias("callloop.tests.CounterSnapshot")]
public sealed class CounterSnapshot
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public string? ETag { get; set; }

    [Id(2)]
    public bool RecordExists { get; set; }

    /// <summary>Unique per activation: changes when the grain was deactivated and activated again.</summary>
    [Id(3)]
    public Guid Activation { get; set; }

    [Id(4)]
    public List<string> History { get; set; } = [];
}

public interface ICounterGrain : IGrainWithGuidKey
{
    Task<int> IncrementAsync(string note);

    Task<CounterSnapshot> GetAsync();

    Task ClearAsync();

    Task DeactivateAsync();
}

public interface INamedCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync(string note);

    Task<CounterSnapshot> GetAsync();

    Task DeactivateAsync();
}

public sealed class CounterGrain(
    [PersistentState("state", "store")] IPersistentState<CounterState> state) : Grain, ICounterGrain, INamedCounterGrain
{
    private readonly Guid activation = Guid.NewGuid();

    public async Task<int> IncrementAsync(string note)
    {
        state.State.Value++;
        state.State.History.Add(note);
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(new CounterSnapshot
    {
        Value = state.State.Value,
        ETag = state.Etag,
        RecordExists = state.RecordExists,
        Activation = activation,
        History = [.. state.State.History],
    });

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public interface IReminderGrain : IGrainWithStringKey
{
    Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task<List<string>> ListAsync();

    Task<bool> ExistsAsync(string reminderName);

    Task StopAsync(string reminderName);
}

public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    /// <summary>Ticks per "grain key/reminder name", observed from the test (same process).</summary>
    public static readonly ConcurrentDictionary<string, int> Ticks = new();

    public static string TickKey(string grainKey, string reminderName) => $"{grainKey}/{reminderName}";

    public Task StartAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task<List<string>> ListAsync() =>
        [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public async Task<bool> ExistsAsync(string reminderName) => await this.GetReminder(reminderName) is not null;

    public async Task StopAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName)
            ?? throw new InvalidOperationException($"reminder {reminderName} not found");
        await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.AddOrUpdate(TickKey(this.GetPrimaryKeyString(), reminderName), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
