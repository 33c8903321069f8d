using CallLoop.EventStore.Phones;

namespace CallLoop.Silo.Hosting;

public static class PhoneIndexKeyConfiguration
{
    public const string ConfigurationKey = "CallLoop:PhoneIndexKey";

    // Public on purpose: it protects nothing and exists only so a developer's machine and the tests start
    // without a secret store. Any other environment must configure its own key or the host refuses to start.
    private const string DevelopmentKey = PublishedDevelopmentKeys.PhoneIndexKey;

    /// <summary>
    /// Binds <c>CallLoop:PhoneIndexKey</c> (base64, at least 32 bytes) and validates it at start-up.
    /// Failures name the setting, never its value.
    /// </summary>
    public static WebApplicationBuilder AddPhoneIndexKey(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PhoneIndexOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                var text = configuration[ConfigurationKey];
                if (string.IsNullOrWhiteSpace(text) && environment.IsDevelopment())
                {
                    text = DevelopmentKey;
                }

                options.Key = TryDecode(text);
            })
            .Validate(
                options => options.Key.Length >= PhoneIndexOptions.MinimumKeyBytes,
                $"{ConfigurationKey} must be set to a base64 key of at least {PhoneIndexOptions.MinimumKeyBytes} bytes outside Development.")
            .Validate<IConfiguration, IHostEnvironment>(
                (_, configuration, environment) => PublishedDevelopmentKeys.Problem(ConfigurationKey, configuration[ConfigurationKey], environment) is null,
                PublishedDevelopmentKeys.Refusal(ConfigurationKey))
            .ValidateOnStart();
        return builder;
    }

    private static byte[] TryDecode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return [];
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? buffer[..written] : [];
    }
}
