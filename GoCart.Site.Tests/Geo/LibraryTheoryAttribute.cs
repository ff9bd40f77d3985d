namespace GoCart.Site.Tests.Geo;

/// <summary>The theory form of <see cref="LibraryFactAttribute"/>: skipped, with the reason, where go-cart.io's map library is absent.</summary>
public sealed class LibraryTheoryAttribute : TheoryAttribute
{
    public LibraryTheoryAttribute()
    {
        Skip = RepositoryFiles.MissingLibraryReason;
    }
}
