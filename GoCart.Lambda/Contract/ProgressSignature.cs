using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GoCart.Lambda.Contract;

/// <summary>
/// HMAC-SHA256 signatures of progress posts, shared by the sender (the engine) and the receiver (the site).
/// The signature covers "{unix seconds}.{body}", so neither the body nor the time can be changed, and the secret
/// itself never travels. The receiver refuses timestamps outside a small window (replay protection) and
/// compares in constant time.
/// </summary>
public static class ProgressSignature
{
    public const string TimestampHeader = "X-GoCart-Timestamp";
    public const string SignatureHeader = "X-GoCart-Signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var mac = Compute(secret, unixSeconds, body);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature) || !signature.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(7));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Compute(secret, seconds, body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[] Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
