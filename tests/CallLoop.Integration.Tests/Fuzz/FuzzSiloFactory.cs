using CallLoop.Integration.Tests.Infrastructure;

namespace CallLoop.Integration.Tests.Fuzz;

/// <summary>A silo of its own, so that the fuzzer can count every event in its database between requests.</summary>
public sealed class FuzzSiloFactory : SiloApplicationFactory;
