using GoCart.Lambda.Geo;
using GoCart.Lambda.Geo.Projections;
using GoCart.Lambda.Guardrail;
using GoCart.Site.Tests.Geo;
using Xunit.Abstractions;

namespace GoCart.Site.Tests.Guardrail;

public class ValueColumnClassifierTests(ITestOutputHelper output)
{
    [LibraryFact]
    public void Every_column_of_every_library_csv_is_extensive_against_the_maps_population()
    {
        var checkedColumns = 0;
        var againstPopulation = new List<string>();
        foreach (var folder in RepositoryFiles.MapFolders())
        {
            var population = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(folder))).Rows
                .ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal);
            foreach (var csv in Directory.EnumerateFiles(folder, "*.csv"))
            {
                var text = File.ReadAllText(csv);
                foreach (var column in RegionDataCsv.Parse(text).ValueColumns)
                {
                    var data = RegionDataCsv.Parse(text, column);
                    var values = data.Rows.Select(r => r.Value).ToList();
                    var byPopulation = data.Rows.Select(r => population.GetValueOrDefault(r.Id)).ToList();
                    var verdict = ValueColumnClassifier.Classify(column, values, byPopulation);

                    Assert.False(verdict.IsIntensive, $"{Path.GetFileName(csv)} \"{column}\": {verdict.Message}");
                    if (!ValueColumnClassifier.IsPopulation(column))
                    {
                        againstPopulation.Add($"{Path.GetFileName(csv)} \"{column}\": {verdict.Reason}");
                    }

                    checkedColumns++;
                }
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, againstPopulation));
        Assert.True(checkedColumns >= 20, $"only {checkedColumns} columns");
    }

    [LibraryFact]
    public void Derived_densities_and_per_capita_columns_are_intensive()
    {
        var tested = 0;
        var densitiesByValue = new List<string>();
        var perPersonMissed = new List<string>();
        foreach (var (name, population, areas) in LibraryMapsWithAreas())
        {
            var density = population.Select((p, i) => p / areas[i]).ToList();
            var areaPerPerson = population.Select((p, i) => areas[i] / p).ToList();

            var named = ValueColumnClassifier.Classify("Population density (people per km²)", density, population);
            var perPerson = ValueColumnClassifier.Classify("Value", areaPerPerson, population);
            var byValue = ValueColumnClassifier.Classify("Value", density, population);

            output.WriteLine($"{name}: slope of density {ValueColumnClassifier.Slope(density, population)?.Slope:0.00}, of area per person {ValueColumnClassifier.Slope(areaPerPerson, population)?.Slope:0.00}");
            Assert.True(named.IsIntensive, $"{name} density: {named.Reason}");
            if (!perPerson.IsIntensive)
            {
                perPersonMissed.Add($"{name} ({perPerson.Reason})");
            }
            if (byValue.IsIntensive)
            {
                densitiesByValue.Add(name);
            }

            tested++;
        }

        output.WriteLine($"{densitiesByValue.Count} of {tested} unnamed density columns flagged by their values: {string.Join(", ", densitiesByValue)}");
        Assert.True(tested >= 10, $"only {tested} maps");
        // An unnamed area-per-person column is caught by its slope alone on every map of go-cart.io's library, also
        // where population and area grow together (Spain's communities: slope 0.55, under the floor of 0.7).
        Assert.True(perPersonMissed.Count == 0, $"unnamed area-per-person columns not flagged on {perPersonMissed.Count} of {tested} maps: {string.Join("; ", perPersonMissed)}");
        Assert.Contains("world_by_country_since_2022", densitiesByValue);
    }

    [LibraryTheory]
    [InlineData("GDP per capita (USD)", "GDP per capita (USD) is a rate: a cartogram of it sizes regions by a number that does not add up. Use a choropleth, or a total such as GDP.")]
    [InlineData("Population density (people per km²)", "is a rate")]
    [InlineData("Unemployment rate", "is a rate")]
    [InlineData("Unemployment (%)", "is a percentage")]
    [InlineData("Share of votes for Labour", "is a rate")]
    [InlineData("Median age (years)", "is an average")]
    [InlineData("Human development index", "is an index")]
    [InlineData("Births per 1,000 people", "a total such as Births")]
    public void Names_that_say_rate_are_intensive(string column, string expected)
    {
        var verdict = ValueColumnClassifier.Classify(column, [1.0, 2.0, 3.0]);

        Assert.True(verdict.IsIntensive);
        Assert.Contains(expected, verdict.Message, StringComparison.Ordinal);
    }

    [LibraryTheory]
    [InlineData("Population (people)")]
    [InlineData("GDP (USD)")]
    [InlineData("Votes cast")]
    [InlineData("Wheat production (tonnes)")]
    public void Names_of_totals_are_extensive(string column)
    {
        Assert.False(ValueColumnClassifier.Classify(column, [10.0, 200.0, 3000.0]).IsIntensive);
    }

    [LibraryFact]
    public void Without_enough_regions_the_slope_decides_nothing()
    {
        double?[] population = [1e6, 2e6, 3e6];

        Assert.Null(ValueColumnClassifier.Slope([5.0, 5.0, 5.0], population));
        Assert.False(ValueColumnClassifier.Classify("Value", [5.0, 5.0, 5.0], population).IsIntensive);
    }

    /// <summary>Library maps of at least ten regions with their population and each region's area (km²) on the equal-area map.</summary>
    private static IEnumerable<(string Name, List<double?> Population, List<double> Areas)> LibraryMapsWithAreas()
    {
        foreach (var folder in RepositoryFiles.MapFolders())
        {
            var data = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(folder)));
            var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), data.IdColumn);
            if (map.Regions.Count < 10)
            {
                continue;
            }

            var geometries = map.IsLonLat ? MapProjector.Project([.. map.Regions.Select(r => r.Geometry)]).Geometries : [.. map.Regions.Select(r => r.Geometry)];
            var matched = RegionValues.Match([.. map.Regions.Select(r => r.Id)], [.. data.Rows.Select(r => (r.Id, r.Value))]);
            var population = new List<double?>();
            var areas = new List<double>();
            for (var i = 0; i < geometries.Count; i++)
            {
                if (matched.Values[i] is > 0)
                {
                    population.Add(matched.Values[i]);
                    areas.Add(geometries[i].Area / 1e6);
                }
            }

            yield return (Path.GetFileName(folder), population, areas);
        }
    }
}
