using System.Security.Cryptography;
using System.Text;

namespace CallLoop.Domain;

/// <summary>
/// A delivery's id is derived from (subject, source event, processor), so planning the same event twice names the
/// same deliveries. It reveals none of its inputs.
/// </summary>
public static class DeliveryIds
{
    public static string Of(string subjectId, long sourceSequence, string processor)
    {
        var input = Encoding.UTF8.GetBytes($"{subjectId}\n{sourceSequence}\n{processor}");
        return "dl-" + Convert.ToHexStringLower(SHA256.HashData(input))[..40];
    }
}
