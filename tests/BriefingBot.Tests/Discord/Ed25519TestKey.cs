using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Tests.Discord;

/// <summary>An Ed25519 key pair made in the test, signing requests the way Discord does: timestamp + raw body.</summary>
public sealed class Ed25519TestKey : IDisposable
{
    private readonly Key key;

    private Ed25519TestKey(Key key) => this.key = key;

    /// <summary>A fresh random key.</summary>
    public static Ed25519TestKey Generate() =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>The key of a 32-byte seed in hex (RFC 8032 test 1 is the spec's vector B).</summary>
    public static Ed25519TestKey FromSeed(string seedHex) =>
        new(Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(seedHex), KeyBlobFormat.RawPrivateKey));

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    public string Sign(long unixSeconds, string body) =>
        Sign(unixSeconds.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(body));

    public void Dispose() => key.Dispose();
}
