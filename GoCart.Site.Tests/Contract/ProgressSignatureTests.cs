using System.Text;
using GoCart.Lambda.Contract;

namespace GoCart.Site.Tests.Contract;

public class ProgressSignatureTests
{
    private const string Secret = "a-long-random-progress-secret";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"key":"k","order":3,"progress":0.5,"maxAreaError":0.2,"stage":"integrating"}""");

    [Fact]
    public void A_fresh_signature_over_the_same_body_verifies()
    {
        var signature = ProgressSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.True(ProgressSignature.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, Body, Now, ProgressSignature.DefaultTolerance));
        Assert.DoesNotContain(Secret, signature);
    }

    [Fact]
    public void A_wrong_secret_is_rejected()
    {
        var signature = ProgressSignature.Sign("another-secret", Now.ToUnixTimeSeconds(), Body);

        Assert.False(ProgressSignature.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, Body, Now, ProgressSignature.DefaultTolerance));
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var signature = ProgressSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;

        Assert.False(ProgressSignature.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, tampered, Now, ProgressSignature.DefaultTolerance));
    }

    [Fact]
    public void A_stale_or_future_timestamp_is_rejected_even_with_a_valid_signature()
    {
        var stale = Now.AddMinutes(-6).ToUnixTimeSeconds();
        var future = Now.AddMinutes(6).ToUnixTimeSeconds();

        Assert.False(ProgressSignature.Verify(Secret, stale.ToString(), ProgressSignature.Sign(Secret, stale, Body), Body, Now, ProgressSignature.DefaultTolerance));
        Assert.False(ProgressSignature.Verify(Secret, future.ToString(), ProgressSignature.Sign(Secret, future, Body), Body, Now, ProgressSignature.DefaultTolerance));
    }

    [Fact]
    public void A_timestamp_that_differs_from_the_signed_one_is_rejected()
    {
        var signature = ProgressSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.False(ProgressSignature.Verify(Secret, (Now.ToUnixTimeSeconds() - 1).ToString(), signature, Body, Now, ProgressSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("md5=0011")]
    public void Missing_or_malformed_signatures_are_rejected(string? signature)
    {
        Assert.False(ProgressSignature.Verify(Secret, Now.ToUnixTimeSeconds().ToString(), signature, Body, Now, ProgressSignature.DefaultTolerance));
    }
}
