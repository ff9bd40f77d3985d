using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace GoCart.Site.Contact;

/// <summary>
/// The self-hosted spam challenge: a small sum asked in words ("What is four plus seven?"), readable by screen
/// readers and answerable in digits or words. The answer travels with the form in a token that Data Protection
/// encrypts, signs and limits in time, so nothing is stored on the server and no third party is involved.
/// </summary>
public sealed class ContactChallenge(IDataProtectionProvider protection)
{
    /// <summary>How long a question may be answered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private static readonly string[] Numbers =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    ];

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("GoCart.Contact.Challenge").ToTimeLimitedDataProtector();

    /// <summary>A new question and the token that carries its answer.</summary>
    public (string Question, string Token) Next()
    {
        var first = RandomNumberGenerator.GetInt32(1, 10);
        var second = RandomNumberGenerator.GetInt32(1, 10);
        var token = _protector.Protect((first + second).ToString(CultureInfo.InvariantCulture), Lifetime);
        return ($"What is {Numbers[first]} plus {Numbers[second]}?", token);
    }

    /// <summary>Whether the answer matches the token; a token that is forged, altered or too old is <see cref="ChallengeVerdict.Expired"/>.</summary>
    public ChallengeVerdict Check(string? token, string? answer)
    {
        string expected;
        try
        {
            expected = _protector.Unprotect(token ?? "");
        }
        catch (CryptographicException)
        {
            return ChallengeVerdict.Expired;
        }

        var given = (answer ?? "").Trim().ToLowerInvariant();
        var asNumber = Array.IndexOf(Numbers, given) is >= 0 and var index ? index.ToString(CultureInfo.InvariantCulture) : given;
        return asNumber == expected ? ChallengeVerdict.Correct : ChallengeVerdict.Wrong;
    }
}
