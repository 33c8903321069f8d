using CallLoop.Contracts.Access;
using CallLoop.Contracts.Connecting;
using CallLoop.Contracts.Keys;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.GrainAccess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace CallLoop.Integration.Tests.Security;

/// <summary>
/// The grain API through a real silo's gateway, as other processes reach it: TLS with the cluster's certificates,
/// roles from the client certificate, internal grains and commands refused, the certificate's name as the actor.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class GrainAccessTests(SiloApplicationFactory silo)
{
    [Fact]
    public async Task Given_a_client_without_a_certificate_or_with_another_authoritys_When_it_connects_Then_the_gateway_refuses_it()
    {
        _ = silo.Services;
        var strangers = Path.Combine(Path.GetTempPath(), $"callloop-other-ca-{Guid.NewGuid():N}");
        try
        {
            // A client that cannot connect keeps retrying: ten seconds is many times what a certified client takes.
            await Task.WhenAll(new[] { null, DevelopmentCertificates.Load(strangers, "privacy-officer") }.Select(async credentials =>
            {
                using var client = Client(credentials);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartAsync(timeout.Token));
            }));
        }
        finally
        {
            Directory.Delete(strangers, recursive: true);
        }
    }

    [Fact]
    public async Task Given_a_service_certificate_When_it_calls_keys_personal_values_or_internal_commands_Then_refused_and_nothing_changed()
    {
        var subjectId = $"sub-grain-access-{Guid.NewGuid():N}";
        await using var service = await ConnectedAsync("service");
        var grains = service.Services.GetRequiredService<IClusterClient>();
        var subject = grains.GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Phone = "(555) 010-4200" });

        var destroy = await Assert.ThrowsAsync<CallRefusedException>(() =>
            grains.GetGrain<ISubjectKeyGrain>(subjectId).DestroyAsync([PersonalInformationCategory.Identifiers]));
        Assert.Equal((CallRefusedException.InternalOnly, "ISubjectKeyGrain.DestroyAsync"), (destroy.Rule, destroy.Call));

        var read = await Assert.ThrowsAsync<CallRefusedException>(() =>
            subject.ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "privacy-officer", Purpose = AccessPurpose.CustomerSupport }));
        Assert.Equal(CallRefusedException.RoleRequired, read.Rule);
        Assert.Equal(["privacy-officer"], read.Roles);

        var retention = await Assert.ThrowsAsync<CallRefusedException>(() => subject.ExecuteAsync(new ApplyRetention { SubjectId = subjectId }));
        Assert.Equal((CallRefusedException.InternalOnly, "IDataSubjectGrain.ExecuteAsync(ApplyRetention)"), (retention.Rule, retention.Call));
        await Assert.ThrowsAsync<CallRefusedException>(() => subject.ApplyRetentionAsync(new ApplyRetention { SubjectId = subjectId }));
        await Assert.ThrowsAsync<CallRefusedException>(() =>
            subject.ExecuteAsync(new AcknowledgeDelivery { SubjectId = subjectId, DeliveryId = "d-1", Processor = "p" }));

        // A client cannot pass for a grain of the cluster by naming the internal mark.
        RequestContext.Set("callloop.internal-call", "development.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        try
        {
            await Assert.ThrowsAsync<CallRefusedException>(() =>
                grains.GetGrain<ISubjectKeyGrain>(subjectId).DestroyAsync([PersonalInformationCategory.Identifiers]));
        }
        finally
        {
            RequestContext.Clear();
        }

        await using var officer = await ConnectedAsync("privacy-officer");
        var profile = await officer.Services.GetRequiredService<IClusterClient>().GetGrain<IDataSubjectGrain>(subjectId)
            .ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "someone-else", Purpose = AccessPurpose.CustomerSupport });
        Assert.Equal("+15550104200", profile.Phone);
        Assert.Equal(2, profile.Version);
    }

    [Fact]
    public async Task Given_a_client_certificate_When_it_names_another_actor_Then_its_events_and_reads_record_the_certificates_name()
    {
        var subjectId = $"sub-grain-actor-{Guid.NewGuid():N}";
        await using var service = await ConnectedAsync("service");
        var subject = service.Services.GetRequiredService<IClusterClient>().GetGrain<IDataSubjectGrain>(subjectId);
        await subject.RegisterAsync(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA", Phone = "(555) 010-4300" }, actor: "privacy-officer:alice");
        await subject.GrantConsentAsync(
            new GrantConsent
            {
                SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.ExpressWritten, NoticeVersion = "v1",
                SignatureMethod = SignatureMethod.KeywordDoubleOptIn, Evidence = "JOIN texted, YES confirmed",
            },
            actor: "someone-else");

        await using var officer = await ConnectedAsync("privacy-officer");
        var officersView = officer.Services.GetRequiredService<IClusterClient>().GetGrain<IDataSubjectGrain>(subjectId);
        await officersView.ReadPersonalDataAsync(new PersonalDataAccess { AccessedBy = "admin:bob", Purpose = AccessPurpose.CustomerSupport });

        Assert.Equal(["service", "service", "privacy-officer"], await ActorsAsync(subjectId));
        Assert.Equal(["privacy-officer"], (await officersView.GetAuditTrailAsync()).Select(r => r.AccessedBy));
    }

    [Fact]
    public void Every_subject_command_is_either_admitted_for_named_roles_or_internal()
    {
        var commands = typeof(SubjectCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SubjectCommand)) && !t.IsAbstract).ToHashSet();

        Assert.Empty(commands.Except(GrainAccessTable.CommandRoles.Keys).Except(GrainAccessTable.InternalCommands));
        Assert.Empty(GrainAccessTable.CommandRoles.Keys.Intersect(GrainAccessTable.InternalCommands));
    }

    private async Task<ConnectedClient> ConnectedAsync(string identity)
    {
        _ = silo.Services;
        var client = Client(DevelopmentCertificates.Load(DevelopmentCertificates.DefaultFolder, identity));
        await client.StartAsync();
        return new ConnectedClient(client);
    }

    /// <summary>A started client, stopped (the gateway told) before it is disposed.</summary>
    private sealed class ConnectedClient(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private IHost Client(ClusterCredentials? credentials)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("http-tests", "http-tests"));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", silo.ConnectionString));
            if (credentials is not null)
            {
                client.UseCallLoopTls(credentials);
            }
        });
        return builder.Build();
    }

    private async Task<List<string?>> ActorsAsync(string subjectId)
    {
        await using var connection = new NpgsqlConnection(silo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT headers->>'actor' FROM privacy.mt_events WHERE stream_id = $1 ORDER BY version", connection);
        command.Parameters.AddWithValue(subjectId);
        var actors = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actors.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return actors;
    }
}
