using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// What every page must pass in the browser, measured rather than assumed: no horizontal scroll (naming the
/// elements that stick out), touch targets at least 44 px, and no axe-core violation.
/// </summary>
public static class PageChecks
{
    public const int MinimumTarget = 44;

    /// <summary>Elements wider than the viewport or reaching past its right edge; empty when the page fits.</summary>
    public static async Task<string> OverflowAsync(IPage page) =>
        await page.EvaluateAsync<string>("""
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return '';
              const offenders = [...document.body.querySelectorAll('*')]
                .filter((e) => {
                  const box = e.getBoundingClientRect();
                  return box.width > 0 && box.right > width + 1 && !e.closest('.skip-link, .visually-hidden, .table-scroll, .table-wrap');
                })
                .slice(0, 8)
                .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
              return `page is ${document.documentElement.scrollWidth} px wide in a ${width} px viewport: ${offenders.join(', ')}`;
            }
            """);

    /// <summary>The controls our pages make touch targets: buttons, menu and download links, fields, summaries.</summary>
    public const string Controls = "button, .button, .nav a, .downloads a, .footer-links a, .share-links a, select, summary, label.check, "
        + "input:not([type=hidden]):not([type=checkbox]):not([type=radio])";

    /// <summary>Visible controls (<paramref name="controls"/>, a CSS selector, by default <see cref="Controls"/>) smaller than 44 × 44 px.</summary>
    public static async Task<string> SmallTargetsAsync(IPage page, string controls = Controls) =>
        await page.EvaluateAsync<string>($$"""
            (selector) => {
              const minimum = {{MinimumTarget}};
              const controls = document.querySelectorAll(selector);
              return [...controls]
                .filter((e) => {
                  const box = e.getBoundingClientRect();
                  if (box.width === 0 || e.closest('[hidden], .skip-link, .honeypot')) return false;
                  const tall = box.height >= minimum - 0.5;
                  const wide = box.width >= minimum - 0.5;
                  return !(tall && wide);
                })
                .slice(0, 8)
                .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || e.name || '').trim().slice(0, 30)}" ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`)
                .join(', ');
            }
            """, controls);

    /// <summary>
    /// Text, screen-reader text included, that places a map or panel on a side ("the map on the left", "the right-hand
    /// map"): on a phone the maps stack, so pages speak of "the two maps". A choice of where an inset goes (a select's
    /// options) is not text about the maps. Empty when there is none.
    /// </summary>
    public static async Task<string> SideWordsAsync(IPage page) =>
        await page.EvaluateAsync<string>("""
            () => {
              const sides = /\b(?:(?:on|to|at) the (?:left|right)|(?:left|right)(?:-hand)? (?:map|side|panel|one|picture)s?)\b/gi;
              const body = document.body.cloneNode(true);
              body.querySelectorAll('select, script, style, [hidden]').forEach((e) => e.remove());
              return [...new Set(body.innerText.match(sides) || [])].join(', ');
            }
            """);

    /// <summary>
    /// Whether the focused element shows it has focus (an outline or a ring; for a map's region, the map's outline):
    /// empty when it does, else what lacks the indicator.
    /// </summary>
    public static async Task<string> MissingFocusIndicatorAsync(IPage page) =>
        await page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return 'nothing has focus';
              const shown = (el) => {
                const style = getComputedStyle(el);
                return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
              };
              if (shown(e) || (e.closest('svg.map') && shown(e.closest('svg.map')))) return '';
              return `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" shows no focus`;
            }
            """);

    /// <summary>axe-core's violations (all its rules, WCAG 2.2 AA and best practices), one line each, or empty.</summary>
    public static async Task<string> AxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return string.Join("; ", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }
}
