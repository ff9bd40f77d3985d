namespace GoCart.Lambda.Engine;

/// <summary>Checks that look at each region on its own: run in parallel, merged in region order (deterministic).</summary>
internal static class PerRegion
{
    /// <summary>The union of what <paramref name="ofRegion"/> finds in every region (null: nothing).</summary>
    public static HashSet<int> Union(int regionCount, Func<int, List<int>?> ofRegion)
    {
        var perRegion = new List<int>?[regionCount];
        Parallel.For(0, regionCount, region => perRegion[region] = ofRegion(region));
        var union = new HashSet<int>();
        foreach (var found in perRegion)
        {
            if (found is not null)
            {
                union.UnionWith(found);
            }
        }

        return union;
    }
}
