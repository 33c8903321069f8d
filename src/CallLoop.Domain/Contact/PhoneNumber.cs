using System.Diagnostics.CodeAnalysis;

namespace CallLoop.Domain;

/// <summary>
/// Phone numbers in one E.164-like form (<c>+15551234567</c>), so the inbound-SMS index hashes
/// the same number the same way whatever punctuation the sender used.
/// </summary>
public static class PhoneNumber
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    public static string Normalize(string? raw, string field = "phone") =>
        TryNormalize(raw, out var normalized)
            ? normalized
            : throw new InvalidCommandException(field, $"Field '{field}' must be a phone number of {MinDigits}-{MaxDigits} digits, optionally starting with '+'.");

    public static bool TryNormalize(string? raw, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 64)
        {
            return false;
        }

        var text = raw.Trim();
        var international = text.StartsWith('+');
        var digits = new System.Text.StringBuilder(MaxDigits);
        foreach (var c in international ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        var number = digits.ToString();
        if (!international)
        {
            number = number.Length switch
            {
                10 => "1" + number,
                11 when number[0] == '1' => number,
                _ => string.Empty,
            };
        }

        if (number.Length is < MinDigits or > MaxDigits || number[0] == '0')
        {
            return false;
        }

        normalized = "+" + number;
        return true;
    }
}
