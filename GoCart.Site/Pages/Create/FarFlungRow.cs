namespace GoCart.Site.Pages.Create;

/// <summary>
/// One far-flung region on the upload page's second step: its id and where it goes: an inset side (L, R, T, B),
/// <see cref="MainMap"/> or <see cref="LeftOut"/>.
/// </summary>
public sealed class FarFlungRow
{
    public const string MainMap = "C";
    public const string LeftOut = "out";

    public string Id { get; set; } = "";

    public string Choice { get; set; } = "";
}
