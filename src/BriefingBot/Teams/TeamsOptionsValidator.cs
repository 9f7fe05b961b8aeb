using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>The checks on <see cref="TeamsOptions"/> that DataAnnotations cannot express; run at start, only when Teams is enabled.</summary>
internal sealed partial class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.IsEnabled) return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.AppId) && !Guid.TryParse(options.AppId, out _))
            failures.Add("Teams:AppId must be the bot's Microsoft App ID (a GUID).");
        if (!options.DevelopmentMode && string.IsNullOrWhiteSpace(options.AppPassword))
            failures.Add("Teams:AppPassword is required when Teams:AppId is set; set it in the environment (Teams__AppPassword).");
        if (options.IsSingleTenant && !Guid.TryParse(options.TenantId, out _))
            failures.Add("Teams:TenantId must be empty (multi-tenant) or the app's tenant id (a GUID).");
        if (!options.DevelopmentMode)
        {
            CheckEndpoint(failures, "Teams:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
            CheckEndpoint(failures, "Teams:TokenEndpoint", options.ResolveTenant(options.TokenEndpoint));
            if (options.IsSingleTenant && options.AcceptEntraTokens)
                CheckEndpoint(failures, "Teams:EntraOpenIdMetadataUrl", options.ResolveTenant(options.EntraOpenIdMetadataUrl));
            foreach (var host in options.AllowedServiceUrlHosts.Where(h => !HostPattern().IsMatch(h)))
                failures.Add($"Teams:AllowedServiceUrlHosts holds '{host}'; list host names or *.suffix patterns (no scheme, port or path).");
        }
        // The Teams App Test Tool's mock users have ids that are not quite GUIDs; let a developer name them.
        if (!options.DevelopmentMode) CheckGuids(failures, "Teams:AdminIds", options.AdminIds);
        CheckGuids(failures, "Teams:AllowedTenantIds", options.AllowedTenantIds);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$")]
    private static partial Regex HostPattern();

    private static void CheckEndpoint(List<string> failures, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !ServiceUrlPolicy.IsSecureOrLoopback(uri))
            failures.Add($"{key} must be an absolute https URL (http only on loopback); got '{value}'.");
    }

    private static void CheckGuids(List<string> failures, string key, string[] values)
    {
        foreach (var value in values.Where(v => !Guid.TryParse(v, out _)))
            failures.Add($"{key} holds '{value}', which is not an Entra object id (a GUID).");
    }
}
