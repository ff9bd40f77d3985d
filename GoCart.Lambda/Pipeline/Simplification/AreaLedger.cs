namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// Each region's area in one map and how far the removals so far have moved it (drift), with the whole map's: a
/// removal may move a region by at most <see cref="MaxRegionDrift"/> of its area and the map by at most
/// <see cref="MaxTotalDrift"/> of its total, unless it moves them back.
/// </summary>
internal sealed class AreaLedger(double[] areas)
{
    public const double MaxRegionDrift = 5e-3;
    public const double MaxTotalDrift = 1e-4;

    private readonly double[] _drift = new double[areas.Length];

    public double TotalArea { get; } = areas.Sum();

    public double TotalDrift { get; private set; }

    public double Area(int region) => areas[region];

    public double Drift(int region) => _drift[region];

    public bool Allows(ReadOnlySpan<(int Region, double Change)> changes)
    {
        var total = TotalDrift;
        foreach (var (region, change) in changes)
        {
            total += change;
            if (!(areas[region] > 0))
            {
                return false;
            }

            var drift = _drift[region] + change;
            if (Math.Abs(drift) > MaxRegionDrift * areas[region] && Math.Abs(drift) >= Math.Abs(_drift[region]))
            {
                return false;
            }
        }

        return Math.Abs(total) <= MaxTotalDrift * TotalArea || Math.Abs(total) < Math.Abs(TotalDrift);
    }

    public void Apply(ReadOnlySpan<(int Region, double Change)> changes)
    {
        foreach (var (region, change) in changes)
        {
            _drift[region] += change;
            TotalDrift += change;
        }
    }
}
