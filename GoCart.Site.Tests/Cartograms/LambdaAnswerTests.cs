using System.Text;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Pipeline;

namespace GoCart.Site.Tests.Cartograms;

/// <summary>Which 200 answers from the engine are retried (not JSON) and which the site can show (a cartogram).</summary>
public sealed class LambdaAnswerTests
{
    [LibraryTheory]
    [InlineData("{\"status\":\"converged\",\"regions\":[]}", true)]
    [InlineData("  {\"message\":\"Internal server error\"}\n", true)]
    [InlineData("", false)]
    [InlineData("<html><body>502 Bad Gateway</body></html>", false)]
    [InlineData("{\"status\":\"converged\",\"regions\":[{\"id\":", false)]
    [InlineData("{} {}", false)]
    public void Only_one_complete_json_value_counts_as_json(string body, bool complete)
    {
        Assert.Equal(complete, LambdaAnswer.IsCompleteJson(Encoding.UTF8.GetBytes(body)));
    }

    [LibraryFact]
    public async Task The_engines_answer_is_a_cartogram_and_half_of_it_is_not_json()
    {
        var answer = await new InProcessCartogramInvoker().InvokeAsync(PipelineRequests.ForMap("concentric_circles"), null, CancellationToken.None);

        Assert.True(LambdaAnswer.IsCartogram(answer));
        Assert.False(LambdaAnswer.IsCompleteJson(answer.AsSpan(0, answer.Length / 2)));
    }

    [LibraryTheory]
    [InlineData("{\"message\":\"Internal server error\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"status\":\"converged\",\"regions\":\"none\"}")]
    [InlineData("{\"status\":\"converged\",\"regions\":[{\"id\":")]
    public void Json_that_is_not_a_cartogram_is_refused(string body)
    {
        Assert.False(LambdaAnswer.IsCartogram(Encoding.UTF8.GetBytes(body)));
    }
}
