namespace CallLoop.Silo.Seeding;

/// <summary>What a seed run did: subjects created, found already there, failed; commands the privacy rules refused.</summary>
public sealed record SeedOutcome(int Seeded, int Existing, int Failed, int Refused);
