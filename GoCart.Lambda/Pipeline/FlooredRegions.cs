using System.Globalization;
using GoCart.Lambda.Engine;

namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Says which regions the small-value floor raised: a value at or below 1e-4 of the total is drawn at that
/// share so the region stays visible (both reference engines do the same), and its area error is measured
/// against the floored target. The response, the result page and the CLI summary carry this sentence.
/// </summary>
public static class FlooredRegions
{
    private const int NamesListed = 10;

    public static string? Message(IReadOnlyList<string> ids, IReadOnlyList<bool> floored)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(floored);
        var names = ids.Where((_, i) => floored[i]).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var floor = (TargetAreas.SmallValueThreshold * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var subject = names.Count == 1 ? "1 region is too small to draw at its true size" : $"{names.Count} regions are too small to draw at their true size";
        var listed = string.Join(", ", names.Take(NamesListed)) + (names.Count > NamesListed ? $" and {names.Count - NamesListed} more" : "");
        var errors = names.Count == 1 ? "Its area error is" : "Their area errors are";
        return $"{subject} (drawn at {floor} % of the map): {listed}. {errors} measured against that floor.";
    }
}
