using System.Text;
using BriefingBot.Discord;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Discord;

public sealed class DiscordSignatureVerifierTests : IDisposable
{
    // Vector A (specs/discord.md §1): a PING captured from Discord.
    private const string VectorAKey = "c5568d0facd66bddee281dcb9c8ac02e169c5c20741b215b2539a96bb183c5d6";
    private const string VectorATimestamp = "1657322078";
    private const long VectorASignedAt = 1657322078;
    private const string VectorASignature = "28b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a009";
    private const string VectorABody = """{"application_id":"827290144020496384","id":"995105663481028770","token":"aW50ZXJhY3Rpb246OTk1MTA1NjYzNDgxMDI4NzcwOmlReEtWOXNxMTJWYXF4UlRkc2RyVEp0MDdDMlVyem1na0FTT21xNTZQNHR0MUlORDU1bmNCUTZZdTI5akJkb3FycjBuUDltNVp3VVVJbnA0UUkzMG13cVBGWE5qZFQyb1dkZEpqVVFEdmZEcGE2UHV5dFAyTE5rS2c2a2lZNDlx","type":1,"user":{"avatar":"27aeb42cc902f7d8712aa64ff15bfb7d","avatar_decoration":null,"discriminator":"6969","id":"170531778354741248","public_flags":576,"username":"miles"},"version":1}""";

    // Vector B: RFC 8032 test 1's key signing a PING.
    internal const string Rfc8032Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    internal const string Rfc8032PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string VectorBBody = """{"type":1,"id":"1100000000000000001","application_id":"1100000000000000000","token":"test-token","version":1}""";
    private const string Rfc8032EmptyMessageSignature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    private const string VectorBSignature = "3ee48d92a7982e6712ca71c41e6a90100e36d80ed2a99b489aa200cec269b68db6beb6a75f2d1c3a6e0099928b83af1cc9518441a0d2263147761782a5f3ef00";

    private readonly Ed25519TestKey key = Ed25519TestKey.Generate();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private DiscordSignatureVerifier Verifier(string publicKeyHex, long? nowUnixSeconds = null) =>
        new(Options.Create(new DiscordOptions { PublicKey = publicKeyHex }),
            nowUnixSeconds is { } now ? new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)) : clock);

    private string Now => clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void PublishedVectorA_CapturedFromDiscord_Verifies()
    {
        Assert.Equal(SignatureCheck.Valid, Verifier(VectorAKey, VectorASignedAt).Verify(VectorASignature, VectorATimestamp, Bytes(VectorABody)));
    }

    [Fact]
    public void PublishedVectorA_WithNextSecondAsTimestamp_IsRejected()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verifier(VectorAKey, VectorASignedAt).Verify(VectorASignature, "1657322079", Bytes(VectorABody)));
    }

    [Fact]
    public void Rfc8032Key_SigningVectorB_Verifies()
    {
        Assert.Equal(SignatureCheck.Valid, Verifier(Rfc8032PublicKey, 1_700_000_000).Verify(VectorBSignature, "1700000000", Bytes(VectorBBody)));
    }

    [Fact]
    public void Rfc8032TestKey_ReproducesItsPublishedPublicKeyAndSignatures()
    {
        using var rfc = Ed25519TestKey.FromSeed(Rfc8032Seed);

        Assert.Equal(Rfc8032PublicKey, rfc.PublicKeyHex);
        Assert.Equal(VectorBSignature, rfc.Sign("1700000000", Bytes(VectorBBody)));
        Assert.Equal(Rfc8032EmptyMessageSignature, rfc.Sign("", []));
    }

    [Fact]
    public void KeyGeneratedInTest_ValidSignature_Verifies()
    {
        const string body = """{"type":1,"id":"1","application_id":"2","token":"t","version":1}""";

        Assert.Equal(SignatureCheck.Valid, Verifier(key.PublicKeyHex).Verify(key.Sign(Now, Bytes(body)), Now, Bytes(body)));
    }

    [Fact]
    public void TamperedBody_OneByteChanged_IsRejected()
    {
        var body = Bytes("""{"type":1,"id":"1","application_id":"2","token":"t","version":1}""");
        var signature = key.Sign(Now, body);
        body[9] ^= 0x01;

        Assert.Equal(SignatureCheck.BadSignature, Verifier(key.PublicKeyHex).Verify(signature, Now, body));
    }

    [Fact]
    public void BodyReserialized_WithDifferentWhitespace_IsRejected()
    {
        // The signature covers the bytes as sent, not their meaning.
        var signature = key.Sign(Now, Bytes("""{"type":1}"""));

        Assert.Equal(SignatureCheck.BadSignature, Verifier(key.PublicKeyHex).Verify(signature, Now, Bytes("""{"type": 1}""")));
    }

    [Fact]
    public void TamperedTimestamp_IsRejected()
    {
        var body = Bytes("""{"type":1}""");
        var signature = key.Sign(Now, body);
        var otherSecond = (clock.GetUtcNow().ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(SignatureCheck.BadSignature, Verifier(key.PublicKeyHex).Verify(signature, otherSecond, body));
    }

    [Fact]
    public void SignedByAnotherKey_IsRejected()
    {
        using var other = Ed25519TestKey.Generate();
        var body = Bytes("""{"type":1}""");

        Assert.Equal(SignatureCheck.BadSignature, Verifier(key.PublicKeyHex).Verify(other.Sign(Now, body), Now, body));
    }

    [Theory]
    [InlineData(null, "1800000000")]
    [InlineData("", "1800000000")]
    [InlineData("aa", null)]
    [InlineData("aa", "")]
    [InlineData(null, null)]
    public void MissingHeader_IsRejected(string? signature, string? timestamp) =>
        Assert.Equal(SignatureCheck.MissingHeaders, Verifier(key.PublicKeyHex).Verify(signature, timestamp, Bytes("{}")));

    [Theory]
    [InlineData("zz")] // not hex
    [InlineData("abcd")] // too short
    public void SignatureNotSixtyFourBytesOfHex_IsMalformed(string signature) =>
        Assert.Equal(SignatureCheck.Malformed, Verifier(key.PublicKeyHex).Verify(signature, Now, Bytes("{}")));

    [Fact]
    public void TimestampNotUnixSeconds_IsMalformed()
    {
        var body = Bytes("{}");

        Assert.Equal(SignatureCheck.Malformed, Verifier(key.PublicKeyHex).Verify(key.Sign("2026-01-01T00:00:00Z", body), "2026-01-01T00:00:00Z", body));
    }

    [Theory]
    [InlineData(-301)] // an old request replayed
    [InlineData(301)] // from a clock running ahead
    public void CorrectlySignedButBeyondFiveMinutesOfSkew_IsStale(int secondsFromNow)
    {
        var timestamp = (clock.GetUtcNow().ToUnixTimeSeconds() + secondsFromNow).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Bytes("""{"type":1}""");

        Assert.Equal(SignatureCheck.Stale, Verifier(key.PublicKeyHex).Verify(key.Sign(timestamp, body), timestamp, body));
    }

    [Fact]
    public void CorrectlySignedWithinFiveMinutesOfSkew_Verifies()
    {
        var timestamp = (clock.GetUtcNow().ToUnixTimeSeconds() - 299).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Bytes("""{"type":1}""");

        Assert.Equal(SignatureCheck.Valid, Verifier(key.PublicKeyHex).Verify(key.Sign(timestamp, body), timestamp, body));
    }

    [Fact]
    public void PublicKeyThatIsNotHex_IsRefusedAtConstruction() =>
        Assert.Throws<ArgumentException>(() => Verifier(new string('x', 64)));

    public void Dispose() => key.Dispose();
}
