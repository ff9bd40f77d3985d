using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
