using CallLoop.EventStore.Incidents;
using CallLoop.EventStore.Subjects;
using CallLoop.Grains.Incidents;
using CallLoop.Grains.Subjects;

namespace CallLoop.Integration.Tests.Architecture;

/// <summary>Grains speak domain types to the event store's ports (ISubjectStreams, IIncidentStreams, RecipientRegistry); Marten stays behind them.</summary>
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

    [Fact]
    public void The_subject_and_incident_grains_take_their_streams_as_ports_not_as_the_Marten_classes_behind_them()
    {
        static Type[] Needs(Type grain) => grain.GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToArray();

        Assert.Contains(typeof(ISubjectStreams), Needs(typeof(DataSubjectGrain)));
        Assert.DoesNotContain(typeof(SubjectStreams), Needs(typeof(DataSubjectGrain)));
        Assert.Contains(typeof(IIncidentStreams), Needs(typeof(IncidentGrain)));
        Assert.DoesNotContain(typeof(IncidentStreams), Needs(typeof(IncidentGrain)));
    }
}
