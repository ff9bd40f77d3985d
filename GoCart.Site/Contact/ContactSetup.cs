using GoCart.Site.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoCart.Site.Contact;

/// <summary>The contact form's services: the challenge, the inbox, the SendContactMail job and the mail backend chosen from the settings.</summary>
public static class ContactSetup
{
    public static WebApplicationBuilder AddGoCartContact(this WebApplicationBuilder builder, SiteSettings settings)
    {
        var mail = new MailSettings(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(mail);
        if (mail.UsesSmtp)
        {
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IMailSender, PickupFolderMailSender>();
        }

        builder.Services.AddSingleton<ContactChallenge>();
        builder.Services.AddScoped<ContactInbox>();
        builder.Services.AddScoped<SendContactMailJob>();
        return builder;
    }
}
