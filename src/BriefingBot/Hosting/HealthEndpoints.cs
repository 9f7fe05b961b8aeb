using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BriefingBot.Hosting;

public static class HealthEndpoints
{
    /// <summary>Liveness and readiness: the index check here, others (the scheduler's) added by their features.</summary>
    public static IServiceCollection AddBriefingHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<IndexReadiness>();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: ["ready"]);
        return services;
    }

    /// <summary><c>GET /healthz</c>: the process is up. <c>GET /readyz</c>: every readiness check passes.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
        });
        return app;
    }

    private sealed class IndexHealthCheck(IndexReadiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(readiness.IsReady
                ? HealthCheckResult.Healthy("index open")
                : HealthCheckResult.Unhealthy(readiness.Failure));
    }
}
