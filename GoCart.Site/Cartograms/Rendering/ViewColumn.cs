namespace GoCart.Site.Cartograms.Rendering;

/// <summary>One value column a panel can show: its header ("Population (people)"), unit and one value per region in the result's order.</summary>
public sealed record ViewColumn(string Name, string Unit, IReadOnlyList<double?> Values)
{
    /// <summary>
    /// The columns of a result, the one place the view takes them from. A result holds one value column today;
    /// when datasets hold several, this returns them all and every panel, selector and export follows.
    /// </summary>
    public static IReadOnlyList<ViewColumn> Of(CartogramSubmission submission, CartogramResult result) =>
        [new ViewColumn(submission.ValueColumn, submission.Unit, [.. result.Regions.Select(r => r.Value)])];
}
