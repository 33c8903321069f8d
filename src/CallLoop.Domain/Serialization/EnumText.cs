using System.Collections.Concurrent;
using System.Reflection;

namespace CallLoop.Domain;

/// <summary>
/// Reads and writes enum values by their wire names (the <see cref="JsonStringEnumMemberNameAttribute"/>
/// on each member), the same names <see cref="DomainJson.Options"/> uses.
/// </summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Type, EnumNames> Cache = new();

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (text is not null && Names<T>().ByText.TryGetValue(text.Trim(), out var found))
        {
            value = (T)found;
            return true;
        }

        value = default;
        return false;
    }

    public static string ToText<T>(T value)
        where T : struct, Enum =>
        Names<T>().ByValue.TryGetValue(value, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(value), $"Undefined {typeof(T).Name} value.");

    /// <summary>Every wire name of <typeparamref name="T"/>, in declaration order (for "expected one of" messages).</summary>
    public static IReadOnlyList<string> AllTexts<T>()
        where T : struct, Enum => Names<T>().Ordered;

    private static EnumNames Names<T>()
        where T : struct, Enum => Cache.GetOrAdd(typeof(T), static type => EnumNames.Build(type));

    private sealed record EnumNames(
        IReadOnlyDictionary<string, object> ByText,
        IReadOnlyDictionary<object, string> ByValue,
        IReadOnlyList<string> Ordered)
    {
        public static EnumNames Build(Type type)
        {
            var byText = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            var byValue = new Dictionary<object, string>();
            var ordered = new List<string>();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var text = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                var value = field.GetValue(null)!;
                byText[text] = value;
                byValue[value] = text;
                ordered.Add(text);
            }

            return new EnumNames(byText, byValue, ordered);
        }
    }
}
