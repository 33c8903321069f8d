using CallLoop.Contracts.Connecting;

namespace CallLoop.Silo.GrainAccess;

/// <summary>
/// Every call a silo makes (from a grain, a reminder, a stream or the HTTP API) carries an <see cref="InternalCallStamp"/>,
/// and never a client's <see cref="CallerAssertion"/> that arrived with the call being served.
/// </summary>
public sealed class InternalCallStamping(InternalCallStamp stamp) : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequestContext.Remove(CallerAssertion.CertificateKey);
        RequestContext.Remove(CallerAssertion.SignatureKey);
        RequestContext.Set(InternalCallStamp.RequestContextKey, stamp.Stamp(context));
        return context.Invoke();
    }
}
