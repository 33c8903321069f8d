using System.Security.Cryptography.X509Certificates;

namespace CallLoop.Contracts.Connecting;

/// <summary>The authority every peer's certificate must chain to, and this process's own certificate (with its key).</summary>
public sealed record ClusterCredentials(X509Certificate2 Authority, X509Certificate2 Certificate);
