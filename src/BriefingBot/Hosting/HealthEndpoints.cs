namespace BriefingBot.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: the process is up. <c>GET /readyz</c>: it can answer.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz");
        return app;
    }
}
