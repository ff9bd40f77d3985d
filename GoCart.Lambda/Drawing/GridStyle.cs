namespace GoCart.Lambda.Drawing;

/// <summary>How the grid of legend squares is drawn: shown or not, and its lines' opacity (0 to 1).</summary>
public sealed record GridStyle(bool Shown, double Opacity)
{
    public const double DefaultOpacity = 0.45;

    public static readonly GridStyle Hidden = new(false, DefaultOpacity);
}
