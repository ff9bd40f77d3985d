namespace GoCart.Site.Maps;

/// <summary>
/// The gallery's groups. A map belongs to the continent of the place its id starts with; maps of the whole world
/// and of groups of countries across continents are "World". Unknown places fall in "Other" (an operator's own map
/// of somewhere not listed here still shows).
/// </summary>
public static class MapContinents
{
    public const string World = "World";
    public const string Other = "Other";

    public static IReadOnlyList<string> Order { get; } = [World, "Africa", "Americas", "Asia", "Europe", "Oceania", Other];

    private static readonly (string Continent, string[] Places)[] Table =
    [
        (World, ["world", "arab_league"]),
        ("Africa", ["algeria", "angola", "egypt", "ethiopia", "libya", "nigeria", "south_africa", "sudan", "tunisia", "kenya", "morocco", "ghana"]),
        ("Americas", ["argentina", "bolivia", "brazil", "canada", "chile", "colombia", "dominican_republic", "guyana", "jamaica", "mexico", "paraguay", "peru", "usa", "conterminous_usa", "contiguous_usa", "washington", "ecuador", "venezuela", "uruguay", "cuba"]),
        ("Asia", ["asean", "bangladesh", "cambodia", "china", "india", "indonesia", "japan", "kazakhstan", "laos", "lebanon", "malaysia", "mongolia", "myanmar", "nepal", "pakistan", "qatar", "saudi_arabia", "singapore", "south_korea", "sri_lanka", "thailand", "united_arab_emirates", "vietnam", "yemen", "philippines", "iran", "iraq", "israel", "jordan", "taiwan"]),
        ("Europe", ["andorra", "austria", "belarus", "belgium", "croatia", "czech_republic", "denmark", "estonia", "eu", "europe", "finland", "france", "metropolitan_france", "germany", "greece", "hungary", "iceland", "ireland", "italy", "luxembourg", "netherlands", "norway", "poland", "portugal", "romania", "san_marino", "spain", "sweden", "switzerland", "turkey", "ukraine", "united_kingdom", "uk"]),
        ("Oceania", ["australia", "new_zealand", "fiji", "papua_new_guinea"]),
    ];

    public static string Of(string mapId)
    {
        var place = mapId.Split("_by_", 2)[0];
        foreach (var (continent, places) in Table)
        {
            if (places.Contains(place, StringComparer.Ordinal))
            {
                return continent;
            }
        }

        return Other;
    }
}
