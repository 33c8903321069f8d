using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallLoop.EventStore.Appending;

public static class AppendingServiceCollectionExtensions
{
    /// <summary>The silo's group-commit writer, tuned by the <c>CallLoop:GroupCommit</c> configuration section.</summary>
    public static IServiceCollection AddGroupCommitWriter(this IServiceCollection services)
    {
        services.AddOptions<GroupCommitOptions>().BindConfiguration(GroupCommitOptions.Section);
        services.TryAddSingleton<GroupCommitWriter>();
        return services;
    }
}
