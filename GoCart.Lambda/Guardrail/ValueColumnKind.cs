namespace GoCart.Lambda.Guardrail;

/// <summary>
/// Whether a column's values add up across regions (extensive: people, votes, tonnes; what a cartogram can size
/// regions by) or not (intensive: rates, percentages, densities, averages, indices; a choropleth's job).
/// </summary>
public enum ValueColumnKind
{
    Extensive,
    Intensive,
}
