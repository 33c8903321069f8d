using System.Collections;
using System.Reflection;
using CallLoop.Domain;
using CallLoop.EventStore.Configuration;
using CallLoop.EventStore.Projections;
using CallLoop.Testing;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace CallLoop.Integration.Tests.Projections;

/// <summary>
/// The daemon loads for each projection only the event types registered for it, so a type its fold reacts to but
/// its list lacks would be skipped for good. For every stored event type, one instance with every member filled,
/// stored and read back as the daemon reads it, is folded alone by each registered projection (after the events of
/// its own list have made the documents it keeps): it must write something exactly when the type is in the list.
/// </summary>
public sealed class ProjectionEventTypesTests
{
    private const string SubjectId = "event-types-1";
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_one_event_of_every_type_When_each_projection_folds_it_Then_it_writes_exactly_for_the_types_it_is_registered_for()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("event-types");
        using var store = DocumentStore.For(options =>
        {
            PrivacyEventStoreExtensions.ConfigureStore(options);
            options.Connection(connectionString);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var events = await StoredAsync(store, EventTypeNames.All.Keys.Select(Sample).ToList());
        Assert.Equal(EventTypeNames.All.Count, events.Count);

        var projections = store.Options.Projections.All.OfType<ProjectionWrapper<IDocumentOperations, IQuerySession>>().ToList();
        Assert.Equal(ProjectionNames.Async.Order(), projections.Select(p => p.Name).Order());
        foreach (var projection in projections)
        {
            var listed = projection.IncludedEventTypes.ToHashSet();
            Assert.NotEmpty(listed);
            Assert.Subset(EventTypeNames.All.Keys.ToHashSet(), listed);

            // The documents the listed events make (a delivery's entry, a request's record) exist before each event is folded alone.
            await using (var seeding = store.LightweightSession())
            {
                await projection.Inner.ApplyAsync(seeding, [.. events.Where(e => listed.Contains(e.EventType))], CancellationToken.None);
                await seeding.SaveChangesAsync();
            }

            var reacting = new List<string>();
            foreach (var e in events)
            {
                await using var session = store.LightweightSession();
                await projection.Inner.ApplyAsync(session, [e], CancellationToken.None);
                if (session.PendingChanges.Operations().Any())
                {
                    reacting.Add(e.EventType.Name);
                }
            }

            Assert.True(
                listed.Select(t => t.Name).Order().SequenceEqual(reacting.Order()),
                $"{projection.Name}: registered for [{string.Join(", ", listed.Select(t => t.Name).Order())}], its fold writes for [{string.Join(", ", reacting.Order())}]");
        }
    }

    private static async Task<IReadOnlyList<IEvent>> StoredAsync(IDocumentStore store, IReadOnlyList<SubjectEvent> samples)
    {
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(SubjectId, samples.Cast<object>().ToArray());
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        return await query.Events.FetchStreamAsync(SubjectId);
    }

    /// <summary>An instance of <paramref name="type"/> with every settable member filled (a collection holds one filled item).</summary>
    private static SubjectEvent Sample(Type type) => (SubjectEvent)Filled(type, depth: 0)! with { SubjectId = SubjectId, OccurredAt = At };

    private static object? Filled(Type type, int depth)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (Simple(plain) is { } simple)
        {
            return simple;
        }

        if (plain.IsEnum)
        {
            return Enum.GetValues(plain).GetValue(0);
        }

        if (plain.IsArray)
        {
            var array = Array.CreateInstance(plain.GetElementType()!, 1);
            array.SetValue(Filled(plain.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (plain.IsGenericType && plain.GetGenericArguments() is [var key, var value] && typeof(IEnumerable).IsAssignableFrom(plain))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value))!;
            dictionary.Add(Filled(key, depth + 1)!, Filled(value, depth + 1));
            return dictionary;
        }

        if (plain.IsGenericType && plain.GetGenericArguments() is [var item] && typeof(IEnumerable).IsAssignableFrom(plain))
        {
            var set = plain.GetGenericTypeDefinition() == typeof(HashSet<>) || plain.GetGenericTypeDefinition() == typeof(ISet<>) || plain.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);
            var collection = Activator.CreateInstance((set ? typeof(HashSet<>) : typeof(List<>)).MakeGenericType(item))!;
            collection.GetType().GetMethod("Add")!.Invoke(collection, [Filled(item, depth + 1)]);
            return collection;
        }

        if (depth > 4)
        {
            return plain.IsValueType ? Activator.CreateInstance(plain) : null;
        }

        var constructor = plain.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke([.. constructor.GetParameters().Select(p => Filled(p.ParameterType, depth + 1))]);
        foreach (var property in plain.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            property.SetValue(instance, Filled(property.PropertyType, depth + 1));
        }

        return instance;
    }

    private static object? Simple(Type type) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => 1,
        _ when type == typeof(long) => 1L,
        _ when type == typeof(double) => 1.0,
        _ when type == typeof(decimal) => 1m,
        _ when type == typeof(DateTimeOffset) => At,
        _ when type == typeof(DateTime) => At.UtcDateTime,
        _ when type == typeof(DateOnly) => DateOnly.FromDateTime(At.UtcDateTime),
        _ when type == typeof(TimeSpan) => TimeSpan.FromDays(1),
        _ when type == typeof(Guid) => new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
        _ => null,
    };
}
