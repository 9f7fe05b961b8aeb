using Npgsql;

namespace BriefingBot.Tests.Scheduling;

/// <summary>
/// Runs where a PostgreSQL server is offered through <c>BRIEFINGBOT_TEST_POSTGRES</c> (an admin connection
/// string, e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres</c>; <c>.ci/services</c> starts one and prints it).
/// Skipped without one on a developer's machine; on CI (<c>CI=true</c>) it runs anyway and fails, because there
/// a missing server means the scale-out tests silently stopped running.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(PostgresDatabase.AdminConnectionString) && !PostgresDatabase.OnCi)
            Skip = "set BRIEFINGBOT_TEST_POSTGRES to a PostgreSQL admin connection string to run this test (.ci/services starts one)";
    }
}

/// <summary>A fresh, empty database for one test, dropped afterwards.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string name = "bb_test_" + Guid.NewGuid().ToString("N")[..12];

    private PostgresDatabase()
    {
    }

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable("BRIEFINGBOT_TEST_POSTGRES");

    /// <summary>True on CI, where every PostgreSQL test must run.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;

    public static async Task<PostgresDatabase> CreateAsync()
    {
        if (string.IsNullOrWhiteSpace(AdminConnectionString))
            throw new InvalidOperationException("CI=true but BRIEFINGBOT_TEST_POSTGRES is not set: .ci/services should have started PostgreSQL and .ci/run exported it.");
        var database = new PostgresDatabase();
        await ExecuteAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
