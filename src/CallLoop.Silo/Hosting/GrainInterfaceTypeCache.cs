using System.Collections.Concurrent;
using Orleans.Metadata;

namespace CallLoop.Silo.Hosting;

/// <summary>
/// Remembers each grain interface's type id. Orleans works it out again on every <c>GetGrain</c> call (reading the
/// interface's attributes, else formatting and parsing its name), which was about an eighth of what a command
/// allocated; the answer never changes within a process. Registered ahead of Orleans' own providers, it asks them once
/// per interface, and falls back to the same naming convention Orleans uses.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> known = new();
    private IGrainInterfaceTypeProvider[]? others;

    /// <summary>Puts the cache first among the providers Orleans asks.</summary>
    public static void Register(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        ArgumentNullException.ThrowIfNull(type);

        // Generic interfaces get their type arguments added by Orleans after a provider answers: left to Orleans.
        if (type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }

        // A lookup first: GetOrAdd with the instance method would allocate its delegate on every call.
        if (!known.TryGetValue(type, out grainInterfaceType))
        {
            grainInterfaceType = known.GetOrAdd(type, Resolve(type));
        }

        return true;
    }

    private GrainInterfaceType Resolve(Type type)
    {
        others ??= services.GetServices<IGrainInterfaceTypeProvider>().Where(p => !ReferenceEquals(p, this)).ToArray();
        foreach (var provider in others)
        {
            if (provider.TryGetGrainInterfaceType(type, out var answer))
            {
                return answer;
            }
        }

        return services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention(type);
    }
}
