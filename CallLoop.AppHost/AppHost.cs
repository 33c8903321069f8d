using Microsoft.Extensions.Configuration;
using CallLoop.AppHost.Database;
using CallLoop.AppHost.Orleans;

var builder = DistributedApplication.CreateBuilder(args);

var database = builder.AddCallLoopDatabase();

// The silos connect as the role that owns the database; Orleans clients as one that reads the membership table only.
var orleans = builder.AddOrleans("callloop")
    .WithClusterId("callloop")
    .WithServiceId("callloop-actors")
    .WithClustering(new AdoNetProvider(database.Silo))
    .WithReminders(new AdoNetProvider(database.Silo))
    .WithGrainStorage("Default", new AdoNetProvider(database.Silo));
var orleansClients = builder.AddOrleans("callloop-clients")
    .WithClusterId("callloop")
    .WithServiceId("callloop-actors")
    .WithClustering(new AdoNetProvider(database.Client));

// Published deployments hand every Orleans process the authority that issues the cluster's certificates (PEM text).
var orleansAuthority = builder.ExecutionContext.IsPublishMode ? builder.AddParameter("orleans-ca-certificate") : null;

var silo = builder.AddProject<Projects.CallLoop_Silo>("silo")
    .WithReference(orleans)
    .WithReference(database.Silo)
    .WaitFor(database.Server)
    .WithReplicas(builder.Configuration.GetValue("CallLoop:SiloReplicas", 2))
    .WithHttpHealthCheck("/health");

// How fast the cluster declares a silo dead, and so how soon its grains and daemon shards move: the silos' defaults
// unless the deployment sets "CallLoop:Membership:<option>" here, handed to every silo alike (docs/admins.md).
foreach (var membership in builder.Configuration.GetSection("CallLoop:Membership").GetChildren())
{
    silo.WithEnvironment($"CallLoop__Membership__{membership.Key}", membership.Value);
}

if (builder.ExecutionContext.IsRunMode)
{
    // Local processes reach each other on loopback; the machine's external address may not route.
    silo.WithEnvironment("CallLoop__AdvertisedAddress", "127.0.0.1");
}
else
{
    // A deployed silo refuses to start without its own key for the inbound-SMS phone index (base64, >= 32 bytes);
    // locally it runs in Development, which uses a fixed public key.
    silo.WithEnvironment("CallLoop__PhoneIndexKey", builder.AddParameter("phone-index-key", secret: true));

    // ... and without a master key that wraps the subjects' data keys (base64, 32 bytes), published as key id "primary".
    // Rotation: add the new key under a new id (CallLoop__Encryption__MasterKeys__<id>), make it current, re-wrap.
    silo.WithEnvironment("CallLoop__Encryption__MasterKeys__primary", builder.AddParameter("encryption-master-key", secret: true));
    silo.WithEnvironment("CallLoop__Encryption__CurrentMasterKeyId", "primary");

    // ... and without its own key for signing bearer tokens (base64, >= 32 bytes); the development key is published
    // with the source code, and a deployed silo refuses it (or any other published development key) by value.
    silo.WithEnvironment("CallLoop__Auth__SigningKey", builder.AddParameter("auth-signing-key", secret: true));

    // ... and without TLS for every Orleans connection: the authority, and the silo's own certificate (organisational
    // unit "silo"), PEM text. Locally, Development creates throwaway ones for every process.
    silo.WithEnvironment("CallLoop__Orleans__Tls__CertificateAuthority", orleansAuthority!);
    silo.WithEnvironment("CallLoop__Orleans__Tls__Certificate", builder.AddParameter("silo-certificate"));
    silo.WithEnvironment("CallLoop__Orleans__Tls__CertificateKey", builder.AddParameter("silo-certificate-key", secret: true));
}

// The web console for privacy officers, analysts and admins. It calls the silos' HTTP API (found by service discovery)
// with the signed-in person's token, so the API stays the one place where roles are checked and reads are audited.
var console = builder.AddProject<Projects.CallLoop_Console>("console")
    .WithReference(silo.GetEndpoint("http"))
    .WaitFor(silo)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

if (!builder.ExecutionContext.IsRunMode)
{
    // Deployed, people sign in through the organisation's OpenID Connect provider (locally: a development sign-in
    // page); the provider's access tokens must be ones the API accepts.
    var oidcAuthority = builder.AddParameter("console-oidc-authority");
    console.WithEnvironment("CallLoop__Console__Oidc__Authority", oidcAuthority);
    console.WithEnvironment("CallLoop__Console__Oidc__ClientId", builder.AddParameter("console-oidc-client-id"));
    console.WithEnvironment("CallLoop__Console__Oidc__ClientSecret", builder.AddParameter("console-oidc-client-secret", secret: true));

    // The silos accept that provider's access tokens (keys from its discovery document), made for the API's audience.
    silo.WithEnvironment("CallLoop__Auth__Oidc__Authority", oidcAuthority);
    silo.WithEnvironment("CallLoop__Auth__Oidc__Audience", builder.AddParameter("api-oidc-audience"));
}

// A sample internal service: an Orleans client that records a consent and an SMS STOP once the silos are up, then exits.
var consentRecorder = builder.AddProject<Projects.CallLoop_Samples_ConsentRecorder>("consent-recorder")
    .WithReference(orleansClients.AsClient())
    .WaitFor(database.Server)
    .WaitFor(silo);

if (builder.ExecutionContext.IsRunMode)
{
    // Locally it runs in Development, like the silos, and connects with the throwaway "service" certificate.
    consentRecorder.WithEnvironment("DOTNET_ENVIRONMENT", "Development");
}
else
{
    // Its client certificate: organisational unit "service" (its role), common name recorded as the actor.
    consentRecorder.WithEnvironment("CallLoop__Orleans__Tls__CertificateAuthority", orleansAuthority!);
    consentRecorder.WithEnvironment("CallLoop__Orleans__Tls__Certificate", builder.AddParameter("consent-recorder-certificate"));
    consentRecorder.WithEnvironment("CallLoop__Orleans__Tls__CertificateKey", builder.AddParameter("consent-recorder-certificate-key", secret: true));
}

// Demo data on demand: the dashboard's Start button on "seed" runs the silo's seed command as an Orleans client of the
// running cluster (no launch profile, so no HTTP port), with the silos' database role (it reads the recipient registry
// besides the membership table). Not part of the published manifest.
builder.AddProject<Projects.CallLoop_Silo>("seed", launchProfileName: null)
    .WithArgs("seed", "--subjects", builder.Configuration.GetValue("CallLoop:SeedSubjects", 2000).ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithReference(orleans.AsClient())
    .WithReference(database.Silo)
    .WaitFor(silo)
    .WithEnvironment("DOTNET_ENVIRONMENT", "Development") // the throwaway "seed" certificate, like the silos' own
    .WithExplicitStart()
    .ExcludeFromManifest();

builder.Build().Run();
