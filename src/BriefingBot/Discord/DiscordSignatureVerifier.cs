using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace BriefingBot.Discord;

/// <summary>Why an interaction request was accepted or refused.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary><c>X-Signature-Ed25519</c> or <c>X-Signature-Timestamp</c> is absent or empty.</summary>
    MissingHeaders,

    /// <summary>The signature is not 128 hex characters, or the timestamp is not Unix seconds.</summary>
    Malformed,

    /// <summary>The signature does not verify over timestamp + body with the application's public key.</summary>
    BadSignature,

    /// <summary>Correctly signed, but the timestamp is further from our clock than <see cref="DiscordOptions.MaxClockSkew"/>.</summary>
    Stale,
}

/// <summary>
/// Verifies that a request comes from Discord: an Ed25519 signature (<c>X-Signature-Ed25519</c>) over the
/// UTF-8 timestamp (<c>X-Signature-Timestamp</c>) followed by the raw body bytes, exactly as received.
/// Run it before parsing anything. Discord probes the endpoint with bad signatures and drops endpoints that
/// accept them.
/// </summary>
public sealed class DiscordSignatureVerifier
{
    private const int SignatureBytes = 64;

    // DateTimeOffset.FromUnixTimeSeconds throws beyond year 9999.
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly PublicKey publicKey;
    private readonly TimeSpan maxSkew;
    private readonly TimeProvider time;

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Span<byte> raw = stackalloc byte[32];
        if (Convert.FromHexString(options.Value.PublicKey, raw, out _, out var written) != OperationStatus.Done || written != raw.Length
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
            throw new ArgumentException("Discord:PublicKey is not a raw Ed25519 public key (64 hex characters).", nameof(options));
        publicKey = key;
        maxSkew = options.Value.MaxClockSkew;
        this.time = time;
    }

    /// <summary>Checks one request. Never throws on attacker-controlled input.</summary>
    public SignatureCheck Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp)) return SignatureCheck.MissingHeaders;

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (signatureHex.Length != SignatureBytes * 2
            || Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done
            || written != SignatureBytes
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
            return SignatureCheck.Malformed;

        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var prefix = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(prefix));
        if (!SignatureAlgorithm.Ed25519.Verify(publicKey, signed, signature)) return SignatureCheck.BadSignature;

        // Checked after the signature, so a probe with a bad signature always reads as BadSignature.
        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(unixSeconds, MaxUnixSeconds));
        return skew.Duration() > maxSkew ? SignatureCheck.Stale : SignatureCheck.Valid;
    }
}
