using CallLoop.Grains.Keys;
using CallLoop.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>The sealer alone, over real master key rings: what a sealed secret opens for, and what it does not.</summary>
public sealed class SigningSecretSealerTests
{
    private const string Secret = "sealer-test-secret-0123456789-abcdefgh";

    [Fact]
    public void Given_sealed_secret_When_opened_for_its_processor_Then_it_opens_and_for_another_or_altered_it_fails_without_quoting_it()
    {
        var sealer = Sealer((TestMasterKeys.FirstId, TestMasterKeys.First));

        var sealedText = sealer.Seal("Mail House", Secret);

        Assert.StartsWith($"secret:1:{TestMasterKeys.FirstId}:", sealedText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, sealedText, StringComparison.Ordinal);
        Assert.NotEqual(sealedText, sealer.Seal("Mail House", Secret));
        Assert.Equal(Secret, sealer.Open("Mail House", sealedText));
        Assert.True(sealer.IsCurrent(sealedText));
        var moved = Assert.Throws<InvalidOperationException>(() => sealer.Open("Other House", sealedText));
        var altered = sealedText[..^6] + (sealedText[^6] == 'A' ? 'B' : 'A') + sealedText[^5..];
        var tampered = Assert.Throws<InvalidOperationException>(() => sealer.Open("Mail House", altered));
        Assert.All(new[] { moved.Message, tampered.Message }, m => Assert.DoesNotContain(Secret[..12], m, StringComparison.Ordinal));
        Assert.Contains("'Other House'", moved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_secret_sealed_under_the_old_master_key_When_rotated_Then_it_opens_while_the_old_key_is_configured_reseals_and_then_needs_it_no_more()
    {
        var old = Sealer((TestMasterKeys.FirstId, TestMasterKeys.First)).Seal("Mail House", Secret);
        var rotated = Sealer((TestMasterKeys.SecondId, TestMasterKeys.Second), (TestMasterKeys.FirstId, TestMasterKeys.First));
        var retired = Sealer((TestMasterKeys.SecondId, TestMasterKeys.Second));

        Assert.Equal(Secret, rotated.Open("Mail House", old));
        Assert.False(rotated.IsCurrent(old));
        var resealed = rotated.Reseal("Mail House", old);
        Assert.StartsWith($"secret:1:{TestMasterKeys.SecondId}:", resealed, StringComparison.Ordinal);
        Assert.Same(resealed, rotated.Reseal("Mail House", resealed));

        Assert.Equal(Secret, retired.Open("Mail House", resealed));
        var missing = Assert.Throws<InvalidOperationException>(() => retired.Open("Mail House", old));
        Assert.Contains($"'{TestMasterKeys.FirstId}'", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..12], missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_secret_stored_in_clear_before_sealing_When_opened_and_resealed_Then_it_opens_as_is_and_reseals_under_the_current_key()
    {
        var sealer = Sealer((TestMasterKeys.FirstId, TestMasterKeys.First));

        Assert.Equal(Secret, sealer.Open("Mail House", Secret));
        Assert.False(sealer.IsCurrent(Secret));
        var resealed = sealer.Reseal("Mail House", Secret);
        Assert.StartsWith($"secret:1:{TestMasterKeys.FirstId}:", resealed, StringComparison.Ordinal);
        Assert.Equal(Secret, sealer.Open("Mail House", resealed));
    }

    private static SigningSecretSealer Sealer(params (string Id, string Key)[] keys)
    {
        var options = new EncryptionOptions { CurrentMasterKeyId = keys[0].Id };
        foreach (var (id, key) in keys)
        {
            options.MasterKeys[id] = key;
        }

        return new SigningSecretSealer(new MasterKeyRing(Options.Create(options)));
    }
}
