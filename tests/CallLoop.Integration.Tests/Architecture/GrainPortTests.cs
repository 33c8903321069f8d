using CallLoop.Grains.Subjects;

namespace CallLoop.Integration.Tests.Architecture;

/// <summary>Grains speak domain types to the event store's ports (ISubjectStreams, IncidentStreams, RecipientRegistry); Marten stays behind them.</summary>
public sealed class GrainPortTests
{
    [Fact]
    public void The_grains_assembly_references_no_Marten_Weasel_or_Npgsql_assembly()
    {
        // JasperFx.Events is not checked: its source generator stamps an attribute on every assembly that can see it.
        var referenced = typeof(DataSubjectGrain).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("CallLoop.EventStore", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("Marten", StringComparison.Ordinal)
            || name.StartsWith("Weasel", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
