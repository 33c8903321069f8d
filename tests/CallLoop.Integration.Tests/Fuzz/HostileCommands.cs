using System.Collections;
using System.Reflection;
using CallLoop.Domain;
using CsCheck;

namespace CallLoop.Integration.Tests.Fuzz;

/// <summary>Every command type of the domain, with each settable property filled by a hostile value of its type.</summary>
internal static class HostileCommands
{
    public static readonly Type[] CommandTypes = typeof(SubjectCommand).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(SubjectCommand)) && !type.IsAbstract)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] Texts =
    [
        "", " ", "..", "../../etc/passwd", "a/b", "\u0000\u001f", "sub-\u202e", "<script>", "'; DROP TABLE mt_events; --",
        new string('x', 5000), "STOP", " stop ", "START", "CA", "CAN", "XX", "marketing-sms", "sale", "A", "L",
        "valid-id-1", "req-1", "hold-1", .. HostileInput.PlantedPersonalValues,
    ];

    private static readonly DateTimeOffset[] Times =
    [
        DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(2999, 1, 1, 0, 0, 0, TimeSpan.Zero), new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero),
        DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(30),
    ];

    public static Gen<SubjectCommand> For(string subjectId) =>
        Gen.Select(Gen.OneOf(CommandTypes), Gen.UInt, (type, seed) => Fill(type, subjectId, new Random((int)seed)));

    private static SubjectCommand Fill(Type type, string subjectId, Random random)
    {
        var command = (SubjectCommand)Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(command, ValueFor(property.PropertyType, random));
        }

        return command with { SubjectId = random.Next(4) == 0 ? Pick(Texts, random) : subjectId };
    }

    private static object? ValueFor(Type type, Random random)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && random.Next(3) == 0)
        {
            return null;
        }

        type = underlying ?? type;
        if (type == typeof(string))
        {
            return random.Next(6) == 0 ? null : Pick(Texts, random);
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return random.Next(5) == 0 ? Enum.ToObject(type, random.Next(-5, 500)) : values.GetValue(random.Next(values.Length));
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return Convert.ChangeType(random.Next(-3, 10), type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (type == typeof(DateTimeOffset))
        {
            return Pick(Times, random);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(random.Next(-100, 100_000));
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(DateTime.UtcNow.AddDays(random.Next(-40000, 400)));
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var keyType, var valueType])
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyType, valueType))!;
            for (var i = random.Next(4); i > 0; i--)
            {
                var key = ValueFor(keyType, random);
                if (key is not null && !dictionary.Contains(key))
                {
                    dictionary[key] = ValueFor(valueType, random);
                }
            }

            return type.IsAssignableFrom(dictionary.GetType()) ? dictionary : null;
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var itemType])
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            for (var i = random.Next(4); i > 0; i--)
            {
                list.Add(ValueFor(itemType, random));
            }

            return type.IsAssignableFrom(list.GetType()) ? list : null;
        }

        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            var nested = constructor.Invoke(null);
            foreach (var property in type.GetProperties().Where(p => p.CanWrite))
            {
                property.SetValue(nested, ValueFor(property.PropertyType, random));
            }

            return nested;
        }

        return null;
    }

    private static T Pick<T>(T[] values, Random random) => values[random.Next(values.Length)];
}
