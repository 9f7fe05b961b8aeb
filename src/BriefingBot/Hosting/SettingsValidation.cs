using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Hosting;

/// <summary>
/// Options validation whose every message names the setting as an admin writes it (<c>Discord:MaxRetries</c>,
/// set as <c>Discord__MaxRetries</c>), and the check that runs all of them before the host does anything.
/// </summary>
public static class SettingsValidation
{
    /// <summary>
    /// Validates the DataAnnotations of <typeparamref name="TOptions"/> (and <see cref="IValidatableObject"/>) with each
    /// property called <c>{section}:{Property}</c> in the messages. Use it instead of <c>ValidateDataAnnotations()</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(builder.Name, section)));
        return builder;
    }

    /// <summary>
    /// Runs every validation registered with <c>ValidateOnStart</c> now, so that a wrong setting stops the program
    /// before it opens a port or a store, with all the wrong settings named at once.
    /// </summary>
    /// <exception cref="InvalidSettingsException">One or more settings are wrong.</exception>
    public static void ThrowIfInvalid(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new InvalidSettingsException([.. e.Failures]);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            throw new InvalidSettingsException([.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)]);
        }
    }

    private sealed class SettingsValidator<TOptions>(string? name, string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options)
        {
            if (name is not null && name != optionsName) return ValidateOptionsResult.Skip;

            var results = new List<ValidationResult>();
            foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var context = new ValidationContext(options)
                {
                    MemberName = property.Name,
                    DisplayName = $"{section}:{property.Name}",
                };
                Validator.TryValidateProperty(property.GetValue(options), context, results);
            }
            if (options is IValidatableObject whole)
                results.AddRange(whole.Validate(new ValidationContext(options)));

            return results.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"{section}: invalid").Distinct());
        }
    }
}

/// <summary>Settings that cannot work, each message naming its setting. The command line prints one line per failure.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> failures)
    : Exception(string.Join(Environment.NewLine, failures))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
