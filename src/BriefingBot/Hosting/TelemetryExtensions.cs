using BriefingBot.Briefing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BriefingBot.Hosting;

public static class TelemetryExtensions
{
    /// <summary>The standard OpenTelemetry variable naming the collector; the OTLP exporter is added only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry metrics for <c>serve</c>: the <see cref="BriefingMetrics.MeterName"/> meter (questions, answer
    /// latency, posts sent and failed, reindex duration) and ASP.NET Core's request metrics, exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables itself), and
    /// collected for nobody otherwise.
    /// </summary>
    public static IServiceCollection AddBriefingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBriefingMetrics();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("BriefingBot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BriefingMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable])) metrics.AddOtlpExporter();
            });
        return services;
    }
}
