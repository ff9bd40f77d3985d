namespace GoCart.Lambda.Engine;

/// <summary>
/// Turns the user's values into target areas (ALGORITHM.md §2.3, cartogram-cpp's rules), scaled so that the
/// targets add up to the map's current total area:
/// <list type="bullet">
/// <item>Zero or tiny values: a value at or below 1e-4 of the known total becomes
/// max(min(that threshold, A_i·ρ̄), value), so the region shrinks a lot but keeps a visible, valid shape.</item>
/// <item>Missing values (null): the region keeps the mean density ρ̄ of the regions with data, T_i = A_i·ρ̄,
/// so it neither grows nor shrinks relative to the rest.</item>
/// </list>
/// </summary>
internal static class TargetAreas
{
    public const double SmallValueThreshold = 1e-4;

    public static double[] Compute(IReadOnlyList<double?> values, double[] areas) => Compute(values, areas, new bool[areas.Length]);

    /// <summary>The targets, and in <paramref name="floored"/> which regions were raised to the small-value floor.</summary>
    public static double[] Compute(IReadOnlyList<double?> values, double[] areas, bool[] floored)
    {
        var count = areas.Length;
        if (values.Count != count)
        {
            throw new ArgumentException($"Expected {count} values, one per region, got {values.Count}.", nameof(values));
        }

        double knownValues = 0;
        double knownAreas = 0;
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } value)
            {
                if (!double.IsFinite(value) || value < 0)
                {
                    throw new ArgumentException($"Value {value} of region {i} is not a finite, non-negative number.", nameof(values));
                }

                knownValues += value;
                knownAreas += areas[i];
            }
        }

        if (!(knownValues > 0))
        {
            throw new ArgumentException("At least one region needs a positive value.", nameof(values));
        }

        var meanDensity = knownValues / knownAreas;
        var threshold = SmallValueThreshold * knownValues;
        var targets = new double[count];
        for (var i = 0; i < count; i++)
        {
            targets[i] = values[i] switch
            {
                null => areas[i] * meanDensity,
                var v when v.Value <= threshold => Math.Max(Math.Min(threshold, areas[i] * meanDensity), v.Value),
                var v => v.Value,
            };
            floored[i] = values[i] is { } raised && targets[i] > raised;
        }

        var totalArea = areas.Sum();
        var scale = totalArea / targets.Sum();
        for (var i = 0; i < count; i++)
        {
            targets[i] *= scale;
        }

        return targets;
    }
}
