using System.Globalization;
using System.Text.Json;
using CallLoop.Domain;

namespace CallLoop.Silo.Reports;

/// <summary>
/// RFC 4180 CSV: a header row, then one row per record; fields quoted only when they must be. Text that a spreadsheet
/// would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so a value
/// typed by a subject or a member of staff is shown, never executed, when the file is opened. Rows are kept as values
/// and written by <see cref="CsvFile"/> one at a time; a large source streams (<see cref="Stream"/>).
/// </summary>
internal sealed class CsvText
{
    public const string MediaType = "text/csv";

    private readonly string[] header;

    private readonly List<object?[]> rows = [];

    public CsvText(params string[] header) => this.header = header;

    public static bool Requested(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase))
        || string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase);

    public CsvText Row(params object?[] fields)
    {
        rows.Add(fields);
        return this;
    }

    public CsvFile ToResult(string fileName) => new(fileName, header, rows.ToAsyncEnumerable());

    /// <summary>The rows as <paramref name="source"/> yields them (e.g. from a database reader), none kept.</summary>
    public CsvFile Stream(string fileName, IAsyncEnumerable<object?[]> source) => new(fileName, header, source);

    internal static string Line(IEnumerable<object?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Field(object? value)
    {
        var s = value switch
        {
            null => string.Empty,
            Enum e => JsonSerializer.Serialize(e, e.GetType(), DomainJson.Options).Trim('"'),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Inert(value.ToString() ?? string.Empty),
        };
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// <summary>Numbers, dates and codes are formatted by us and left alone; only free text can start a formula.</summary>
    internal static string Inert(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
