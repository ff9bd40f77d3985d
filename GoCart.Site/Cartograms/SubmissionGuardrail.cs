using GoCart.Lambda.Guardrail;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The extensive/intensive check (docs/guardrail.md) of a submission's value column, before it is computed: by
/// its name and values, and against the library map's population data when the map has it.
/// </summary>
public static class SubmissionGuardrail
{
    public static ValueColumnVerdict Check(string valueColumn, IReadOnlyList<(string Id, double? Value)> rows, LibraryMap? library)
    {
        IReadOnlyList<double?>? population = null;
        if (library is not null && ValueColumnClassifier.IsPopulation(library.Data.ValueColumn) && library.Data.ValueColumn != valueColumn)
        {
            var byId = library.Regions.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal);
            population = [.. rows.Select(r => byId.GetValueOrDefault(r.Id))];
        }

        return ValueColumnClassifier.Classify(valueColumn, [.. rows.Select(r => r.Value)], population);
    }
}
