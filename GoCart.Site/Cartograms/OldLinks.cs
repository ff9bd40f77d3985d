namespace GoCart.Site.Cartograms;

/// <summary>go-cart.io's link shapes keep working: /cart/{key} and /embed/cart/{key} redirect permanently.</summary>
public static class OldLinks
{
    public static WebApplication MapOldLinks(this WebApplication app)
    {
        app.MapGet("/cart/{key}", (string key) => Results.Redirect($"/cartogram/{Uri.EscapeDataString(key)}", permanent: true)).ExcludeFromDescription();
        app.MapGet("/embed/cart/{key}", (string key) => Results.Redirect($"/embed/{Uri.EscapeDataString(key)}", permanent: true)).ExcludeFromDescription();
        return app;
    }
}
