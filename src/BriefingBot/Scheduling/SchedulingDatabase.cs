using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BriefingBot.Scheduling;

/// <summary>Which store holds the schedule, the ledger and runtime subscriptions, and how to reach it.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
    Memory,
}

/// <summary>
/// The database the bot shares with Quartz's job store (SQLite or PostgreSQL): its own two tables live beside the
/// QRTZ_ ones. SQLite allows one writer at a time, so the file is put in WAL mode (readers never wait for the writer)
/// and every connection waits for the write lock instead of failing (Microsoft.Data.Sqlite retries a busy database
/// until the command timeout).
/// </summary>
public sealed class SchedulingDatabase(StoreKind kind, string connectionString)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool prepared;

    public StoreKind Kind { get; } = kind;

    public string ConnectionString { get; } = connectionString;

    /// <summary>PostgreSQL clusters only: see <see cref="SchedulingOptions.ClusterCheckinInterval"/>.</summary>
    public TimeSpan ClusterCheckinInterval { get; init; } = SchedulingOptions.DefaultClusterCheckinInterval;

    public DbProviderFactory Factory => Kind == StoreKind.Postgres ? NpgsqlFactory.Instance : SqliteFactory.Instance;

    /// <summary>
    /// Creates the SQLite file's folder and switches it to WAL. Must run before Quartz opens the store (it creates its
    /// schema there on first start) and before the ledger does; idempotent.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Kind != StoreKind.Sqlite || prepared) return;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (prepared) return;
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (file != ":memory:" && !string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await using var connection = await OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            prepared = true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Prepares the database and creates BriefingBot's own tables and indexes where they are missing.</summary>
    /// <param name="statements">Idempotent DDL (<c>CREATE … IF NOT EXISTS</c>), run in order.</param>
    public async Task EnsureSchemaAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas starting together run the same DDL at once, and PostgreSQL's CREATE … IF NOT EXISTS is not atomic:
        // the second creator fails on the catalog's unique index. One replica at a time, until its transaction ends.
        if (Kind == StoreKind.Postgres)
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken, transaction);
        foreach (var statement in statements)
            await ExecuteAsync(connection, statement, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The advisory lock that serialises BriefingBot's schema changes across replicas (any fixed number).</summary>
    private const long SchemaLockKey = 0x4272_6965_6642_6F74; // "BriefBot"

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal static class DbCommandExtensions
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
