namespace GoCart.Site.Tests.Geo;

/// <summary>
/// A test that reads go-cart.io's map library (<see cref="RepositoryFiles.MapData"/>): where the library is absent
/// (a fresh clone, CI without it) it is skipped with the reason and the way to get the library, instead of failing.
/// </summary>
public sealed class LibraryFactAttribute : FactAttribute
{
    public LibraryFactAttribute()
    {
        Skip = RepositoryFiles.MissingLibraryReason;
    }
}
