using System.Text;
using Npgsql;

namespace CallLoop.Integration.Tests.Erasure;

/// <summary>
/// Reads every row of every table of every schema of a database as text (jsonb, bytea as hex, everything) and
/// reports which of the given secrets appear in any reversible form.
/// </summary>
internal static class DatabaseScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, IReadOnlyCollection<string> secrets)
    {
        var forms = secrets.SelectMany(secret => Forms(secret).Select(form => (Secret: secret, Form: form.Form, Text: form.Text))).ToArray();
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Table)>();
        await using (var command = new NpgsqlCommand(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')",
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(tables, t => t.Schema == "privacy");
        Assert.Contains(tables, t => t.Schema == "callloop_keys");
        foreach (var (schema, table) in tables)
        {
            await using var command = new NpgsqlCommand($"select t::text from \"{schema}\".\"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                foreach (var (secret, form, text) in forms)
                {
                    if (row.Contains(text, StringComparison.Ordinal))
                    {
                        found.Add($"{schema}.{table}: {form} of a secret of length {secret.Length}");
                    }
                }
            }
        }

        return found.Distinct().ToList();
    }

    /// <summary>The secret as stored by anything that did not encrypt it: plain, lowercased, digits only, base64, hex, URL-encoded.</summary>
    public static IEnumerable<(string Form, string Text)> Forms(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return ("plaintext", secret);
        yield return ("lowercase", secret.ToLowerInvariant());
        // Digits only is how a phone number may be stored; for a text that has letters (an email or an order number
        // with a random tag), its digits are no longer the secret and turn up by chance in unrelated data (the subject
        // id carries the same tag).
        var digits = new string(secret.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 7 && !secret.Any(char.IsAsciiLetter))
        {
            yield return ("digits", digits);
        }

        yield return ("hex", Convert.ToHexStringLower(bytes));
        yield return ("HEX", Convert.ToHexString(bytes));
        yield return ("url-encoded", Uri.EscapeDataString(secret));
        foreach (var core in Base64Cores(bytes))
        {
            yield return ("base64", core);
        }
    }

    /// <summary>Base64 of the secret at each of the three byte alignments it can have inside a longer blob, without the edges that depend on neighbours.</summary>
    private static IEnumerable<string> Base64Cores(byte[] bytes)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var encoded = Convert.ToBase64String([.. new byte[offset], .. bytes]);
            var start = offset == 0 ? 0 : 4;
            var end = (offset + bytes.Length) / 3 * 4;
            if (end - start >= 8)
            {
                yield return encoded[start..end];
            }
        }
    }
}
