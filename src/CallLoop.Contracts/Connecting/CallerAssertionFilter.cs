namespace CallLoop.Contracts.Connecting;

/// <summary>Adds the client's <see cref="CallerAssertion"/> to every call it makes (a signature is reused for a minute).</summary>
public sealed class CallerAssertionFilter(ClusterCredentials credentials, TimeProvider time) : IOutgoingGrainCallFilter
{
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(1);

    private readonly string certificate = Convert.ToBase64String(credentials.Certificate.RawData);

    private (DateTimeOffset SignedAt, string Value)? signature;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var current = signature;
        if (current is null || now - current.Value.SignedAt > Reuse || now < current.Value.SignedAt)
        {
            current = (now, CallerAssertion.Sign(credentials.Certificate, now));
            signature = current;
        }

        RequestContext.Set(CallerAssertion.CertificateKey, certificate);
        RequestContext.Set(CallerAssertion.SignatureKey, current.Value.Value);
        return context.Invoke();
    }
}
