using CallLoop.Grains.Keys;

namespace CallLoop.Silo.Hosting;

public static class EncryptionKeyConfiguration
{
    public const string DevelopmentMasterKeyId = "development";

    // Public on purpose: it protects nothing and exists only so a developer's machine and the tests start without
    // a secret store. Any other environment must configure its own master keys or the host refuses to start.
    private const string DevelopmentMasterKey = PublishedDevelopmentKeys.MasterKey;

    /// <summary>
    /// Binds <c>CallLoop:Encryption</c> (<see cref="EncryptionOptions"/>) and validates it at start-up; in Development
    /// with no master key configured, a fixed public key is used. Failures name settings and ids, never keys.
    /// </summary>
    public static WebApplicationBuilder AddEncryptionKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EncryptionOptions>()
            .Bind(builder.Configuration.GetSection(EncryptionOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.MasterKeys.Count == 0 && environment.IsDevelopment())
                {
                    options.MasterKeys[DevelopmentMasterKeyId] = DevelopmentMasterKey;
                    options.CurrentMasterKeyId ??= DevelopmentMasterKeyId;
                }
            })
            .Validate(options => MasterKeyRing.Problem(options) is null, "CallLoop:Encryption must name master keys (base64, 32 bytes each) and a CurrentMasterKeyId among them outside Development.")
            .Validate<IHostEnvironment>(
                (options, environment) => options.MasterKeys.Values.All(key => PublishedDevelopmentKeys.Problem(EncryptionOptions.SectionName, key, environment) is null),
                PublishedDevelopmentKeys.Refusal($"{EncryptionOptions.SectionName}:MasterKeys"))
            .ValidateOnStart();
        return builder;
    }
}
