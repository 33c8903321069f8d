using System.Reflection;
using CallLoop.Domain;
using Orleans;

namespace CallLoop.Domain.Tests.Serialization;

/// <summary>Guards the Orleans serialization conventions the domain's own code generator relies on.</summary>
public class OrleansConventionTests
{
    private static readonly Type[] DomainTypes = typeof(SubjectEvent).Assembly.GetTypes();

    private static readonly Type[] Messages = DomainTypes
        .Where(t => t.IsPublic && t.GetCustomAttribute<GenerateSerializerAttribute>(inherit: false) is not null)
        .ToArray();

    [Fact]
    public void Given_events_commands_state_and_dtos_When_inspected_Then_all_generate_serializers_with_unique_aliases()
    {
        var required = DomainTypes.Where(t => t.IsPublic && (t.IsSubclassOf(typeof(SubjectEvent)) || t.IsSubclassOf(typeof(SubjectCommand)) || t.IsSubclassOf(typeof(PrivacyDomainException)) || t.IsEnum))
            .Concat([typeof(SubjectState), typeof(SubjectProfile), typeof(RightsRequestView), typeof(ContactDecision)]);

        Assert.All(required, t => Assert.Contains(t, Messages));
        var aliases = Messages.Select(t => t.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias).ToList();
        Assert.All(aliases, Assert.NotNull);
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
    }

    [Fact]
    public void Given_serializable_records_When_inspected_Then_every_settable_member_has_a_unique_id_per_type_level()
    {
        foreach (var type in Messages.Where(t => !t.IsEnum))
        {
            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is not null && p.Name != "EqualityContract")
                .ToList();
            var ids = members.Select(p => p.GetCustomAttribute<IdAttribute>()?.Id).ToList();

            Assert.True(ids.All(id => id is not null), $"{type.Name} has a member without [Id].");
            Assert.True(ids.Distinct().Count() == ids.Count, $"{type.Name} repeats an [Id].");
        }
    }

    [Fact]
    public void Given_events_commands_and_their_values_When_inspected_Then_every_member_is_init_only()
    {
        // Events and commands are facts and requests: once created nobody may change them, only copy them with `with`.
        var members = Messages.Where(t => !t.IsEnum && !t.IsSubclassOf(typeof(PrivacyDomainException)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<IdAttribute>() is not null);

        Assert.All(members, p =>
        {
            Assert.True(p.SetMethod is { IsPublic: true }, $"{p.DeclaringType!.Name}.{p.Name} needs a public init accessor.");
            Assert.Contains(typeof(System.Runtime.CompilerServices.IsExternalInit), p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers());
        });
    }

    [Fact]
    public void Given_exceptions_When_inspected_Then_public_parameterless_constructor_for_the_serializer()
    {
        var exceptions = Messages.Where(t => t.IsSubclassOf(typeof(PrivacyDomainException)) && !t.IsAbstract);

        Assert.All(exceptions, t => Assert.NotNull(t.GetConstructor(Type.EmptyTypes)));
    }
}
