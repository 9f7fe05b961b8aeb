using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace BriefingBot.Hosting;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>
    /// Readiness checks: the index is open (<see cref="IndexReadiness"/>), and the scheduler is running and its job
    /// store answers (Quartz's own check: it reads the scheduler's status and queries the store, and on a cluster
    /// also that this node still checks in).
    /// </summary>
    public static IServiceCollection AddBriefingHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<IndexReadiness>();
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index", tags: [Ready])
            .AddQuartz(check =>
            {
                check.Name = "scheduler";
                check.Tags.Add(Ready);
            });
        return services;
    }

    /// <summary><c>GET /healthz</c>: the process is up. <c>GET /readyz</c>: every readiness check passes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            // Degraded is a scheduler in standby or not started yet: it fires nothing, so the node is not ready.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReportAsync,
        });
        return app;
    }

    /// <summary>"Healthy", or which check is not and why, one line each: what an admin reading a probe needs.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries
            .Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } why ? " — " + why : "")}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())));
    }

    private sealed class IndexHealthCheck(IndexReadiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(readiness.IsReady
                ? HealthCheckResult.Healthy("index open")
                : HealthCheckResult.Unhealthy(readiness.Failure));
    }
}
