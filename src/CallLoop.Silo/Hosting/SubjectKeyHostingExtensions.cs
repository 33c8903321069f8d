using CallLoop.EventStore.Protection;
using CallLoop.Grains.Keys;
using CallLoop.Orleans.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace CallLoop.Silo.Hosting;

/// <summary>The subjects' data keys: master keys from configuration, and grain storage in a schema of its own.</summary>
public static class SubjectKeyHostingExtensions
{
    /// <summary>Service key of the data source whose search path is <see cref="OrleansPostgresSchema.KeyStorageSchema"/>.</summary>
    public const string KeyDataSource = "subject-keys";

    /// <summary>Master keys (<see cref="EncryptionOptions"/>, configured by the host), the erasure masking and the processors' secret sealer.</summary>
    public static IServiceCollection AddSubjectKeys(this IServiceCollection services)
    {
        services.TryAddSingleton<MasterKeyRing>();
        services.TryAddSingleton<SigningSecretSealer>();
        services.TryAddSingleton<PersonalValueMasking>();
        services.TryAddKeyedSingleton(KeyDataSource, (provider, _) => KeyStorageDataSource(provider));
        return services;
    }

    /// <summary>ADO.NET grain storage <see cref="SubjectKeyGrain.StorageName"/> on its own schema (tables and named queries there).</summary>
    public static ISiloBuilder AddSubjectKeyStorage(this ISiloBuilder silo)
    {
        silo.AddAdoNetGrainStorage(SubjectKeyGrain.StorageName, (OptionsBuilder<AdoNetGrainStorageOptions> o) =>
            o.Configure<IServiceProvider>((options, provider) =>
                (options.Invariant, options.DataSource, options.ConnectionString) =
                    (SiloHostingExtensions.Invariant, provider.GetRequiredKeyedService<NpgsqlDataSource>(KeyDataSource), null)));
        return silo;
    }

    /// <summary>
    /// The shared database, with the key schema alone on the search path. Built from the configured connection string
    /// (which carries the password); a host without one (the test cluster) reuses the shared data source's settings.
    /// </summary>
    private static NpgsqlDataSource KeyStorageDataSource(IServiceProvider provider)
    {
        var configured = provider.GetService<IConfiguration>()?.GetConnectionString(SiloHostingExtensions.DatabaseConnectionName);
        var connection = new NpgsqlConnectionStringBuilder(configured ?? provider.GetRequiredService<NpgsqlDataSource>().ConnectionString)
        {
            SearchPath = OrleansPostgresSchema.KeyStorageSchema,
            MaxPoolSize = 10,
        };
        return NpgsqlDataSource.Create(connection);
    }
}
