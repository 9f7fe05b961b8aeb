using Npgsql;

namespace BriefingBot.Tests.Scheduling;

/// <summary>
/// Runs only where a PostgreSQL server is offered through <c>BRIEFINGBOT_TEST_POSTGRES</c> (an admin connection
/// string, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres</c>); skipped elsewhere.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(PostgresDatabase.AdminConnectionString))
            Skip = "set BRIEFINGBOT_TEST_POSTGRES to a PostgreSQL admin connection string to run this test";
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

    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;

    public static async Task<PostgresDatabase> CreateAsync()
    {
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
