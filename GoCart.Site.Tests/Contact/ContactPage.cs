using System.Net;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Site;

namespace GoCart.Site.Tests.Contact;

/// <summary>Fills in /contact like a person: reads the antiforgery token and the question, answers it, posts.</summary>
public static partial class ContactPage
{
    private static readonly string[] Numbers =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    ];

    public static Dictionary<string, string> Valid(string name = "Ada Lovelace", string email = "ada@example.org", string subject = "Population of Tuvalu", string message = "Hello,\nthe map is lovely.") =>
        new() { ["Form.Name"] = name, ["Form.Email"] = email, ["Form.Subject"] = subject, ["Form.Message"] = message };

    /// <summary>Posts the fields with the page's token and the right answer (or <paramref name="answer"/>).</summary>
    public static async Task<HttpResponseMessage> PostAsync(SiteClient client, IDictionary<string, string> fields, string? answer = null)
    {
        var page = await client.GetPageAsync("/contact");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = SiteClient.Token(page),
            ["Form.ChallengeToken"] = ChallengeToken(page),
            ["Form.ChallengeAnswer"] = answer ?? RightAnswer(page),
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.Http.PostAsync("/contact", content);
    }

    public static string ChallengeToken(string page) => WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    public static string RightAnswer(string page)
    {
        var question = QuestionPattern().Match(page);
        Assert.True(question.Success, "The contact page asks no question.");
        return (Array.IndexOf(Numbers, question.Groups[1].Value) + Array.IndexOf(Numbers, question.Groups[2].Value)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("name=\"Form.ChallengeToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"What is (\w+) plus (\w+)\?")]
    private static partial Regex QuestionPattern();
}
