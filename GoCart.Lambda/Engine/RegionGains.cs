namespace GoCart.Lambda.Engine;

/// <summary>
/// Per-region over-relaxation of the density ratio. A region only a few cells across converges by a constant
/// factor per integration: the blur and the lattice dilute its density, so one integration achieves a fixed
/// fraction of the change it asks for (the world's smallest regions kept 89% of their error per integration,
/// 35 integrations from 50% to 1%). Seen on the log error l = ln(A/T) the response is close to linear,
/// l' = l·(1 − a·g) for a gain g on the log density ratio, so after each integration the gain is set to the
/// fraction <see cref="Safety"/> of the one that would have hit the target, g·/(1 − l'/l), within
/// [1, <see cref="MaxGain"/>]. A region that overshoots (l changes sign) or gets worse drops back to gain 1.
/// </summary>
internal sealed class RegionGains
{
    /// <summary>Aim for this fraction of the full correction, so an underestimated response does not overshoot.</summary>
    public const double Safety = 0.5;

    public const double MaxGain = 4;

    /// <summary>A gain at most doubles per integration, so one lucky measurement cannot jump it to the maximum.</summary>
    public const double MaxGrowth = 2;

    /// <summary>Log errors below this are noise from the neighbours' moves, not a region's own response.</summary>
    public const double MeaningfulLogError = 1e-3;

    /// <summary>
    /// Regions further off than this (|ln(A/T)|) keep gain 1: their density ratio is mostly at the per-integration
    /// cap anyway, and a sub-cell region far off responds erratically (to its neighbours' moves more than its own).
    /// </summary>
    public const double MaxLogError = 0.4;

    /// <summary>
    /// Gains apply only once every region is within this relative error: while many regions are far off,
    /// neighbours amplified together push into each other and fold the map (the county map did).
    /// </summary>
    public const double MaxMapError = 0.5;

    private readonly double[] _gain;
    private readonly double[] _previousLogError;

    public RegionGains(int regions)
    {
        _gain = new double[regions];
        _previousLogError = new double[regions];
        Reset();
    }

    /// <summary>The exponent applied to region <paramref name="region"/>'s density ratio T/A in the next integration.</summary>
    public double this[int region] => _gain[region];

    /// <summary>Forgets every region's response (the lattice changed, so the responses did too).</summary>
    public void Reset()
    {
        Array.Fill(_gain, 1.0);
        Array.Fill(_previousLogError, double.NaN);
    }

    /// <summary>Adapts the gains to the relative area errors A/T − 1 measured after an integration, whose largest magnitude is <paramref name="maxError"/>.</summary>
    public void Adapt(ReadOnlySpan<double> errors, double maxError)
    {
        var mapClose = maxError <= MaxMapError;
        for (var i = 0; i < _gain.Length; i++)
        {
            var logError = Math.Log(1 + errors[i]);
            var previous = _previousLogError[i];
            _previousLogError[i] = logError;
            var kept = logError / previous;
            if (!mapClose || !(Math.Abs(previous) >= MeaningfulLogError) || !(kept > 0 && kept < 1) || Math.Abs(previous) > MaxLogError)
            {
                _gain[i] = 1;
                continue;
            }

            _gain[i] = Math.Clamp(_gain[i] * Math.Min(MaxGrowth, Safety / (1 - kept)), 1, MaxGain);
        }
    }
}
