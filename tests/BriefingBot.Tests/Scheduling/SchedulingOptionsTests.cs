using BriefingBot.Scheduling;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Scheduling;

public sealed class SchedulingOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var result = new SchedulingOptionsValidator().Validate(null, new SchedulingOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Store", "mongodb")]
    [InlineData("TimeZone", "Mars/Olympus_Mons")]
    [InlineData("LeadTimes", "P7D,PT2H")] // hours: reminders are posted at a time of day, so only whole days
    [InlineData("LeadTimes", "seven days")]
    [InlineData("LeadTimes", "")]
    [InlineData("LeadTimes", "P53W")]
    [InlineData("ReminderTime", "9am")]
    [InlineData("ReminderTime", "25:00")]
    [InlineData("DigestCron", "every monday")]
    [InlineData("DigestHorizonDays", "0")]
    [InlineData("MaxRetries", "-1")]
    [InlineData("RetryDelay", "02:00:00")]
    [InlineData("DeliveryLease", "00:00:01")]
    public void BadSetting_IsRefused_NamingIt(string setting, string value)
    {
        var options = new SchedulingOptions();
        var property = typeof(SchedulingOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(string)
            ? value
            : property.PropertyType == typeof(int) ? int.Parse(value) : TimeSpan.Parse(value));

        var result = new SchedulingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Scheduling:{setting}: ", failure);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_IsRefused_NamingTheConnectionString()
    {
        var result = new SchedulingOptionsValidator().Validate(null, new SchedulingOptions { Store = "postgres" });

        Assert.StartsWith("Scheduling:ConnectionString: ", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Subscription_WithoutPlatform_IsRefused_NamingItsIndex()
    {
        var options = new SchedulingOptions
        {
            Subscriptions = [new() { Channel = "discord:1" }, new() { Channel = "1234" }, new() { Channel = "discord:1" }],
        };

        var failures = new SchedulingOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Scheduling:Subscriptions:1:Channel: '1234' is not platform:id", failures[0]);
        Assert.StartsWith("Scheduling:Subscriptions:2:Channel: 'discord:1' is listed twice", failures[1]);
    }

    [Fact]
    public async Task HostStart_WithABadTimeZone_FailsNamingTheSetting()
    {
        await using var bot = new SchedulerHarness(DateTimeOffset.UnixEpoch, settings: new Dictionary<string, string?> { ["Scheduling:TimeZone"] = "Nowhere/Atlantis" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(bot.StartAsync);

        Assert.Contains("Scheduling:TimeZone: 'Nowhere/Atlantis' is not a known IANA time zone", error.Message);
    }

    [Fact]
    public void LeadTimes_InWeeks_AreDays_LargestFirst_WithoutDuplicates()
    {
        Assert.True(SchedulePolicy.TryParseLeadTimes("P0D, p1d,P2W,P14D", out var leads, out _));

        Assert.Equal(["P14D", "P1D", "P0D"], leads.Select(l => l.Iso));
    }

    [Fact]
    public void LeadTime_InDigitsOfAnotherScript_IsRejectedWithTheReason()
    {
        Assert.False(SchedulePolicy.TryParseLeadTimes("P٣D", out _, out var error));

        Assert.Contains("'P٣D' is not a whole number of days or weeks", error);
    }
}
