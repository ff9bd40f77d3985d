namespace GoCart.Lambda.Geo;

/// <summary>What to do with the regions found far from the main land mass (<see cref="SourceMap.FarFlung"/>).</summary>
public enum FarFlungMode
{
    /// <summary>Leave them where they are, on the main map (the default; a warning suggests the other two).</summary>
    Keep,

    /// <summary>Draw each as an inset on the side it lies towards, unless the data gives it another Inset.</summary>
    Insets,

    /// <summary>Leave them out of the cartogram, with a warning that names them.</summary>
    LeaveOut,
}
