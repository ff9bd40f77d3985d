namespace GoCart.Site.Cartograms;

/// <summary>Where the production engine is: API Gateway's URL and the API key it requires.</summary>
public sealed record LambdaSettings(Uri Url, string Key);
