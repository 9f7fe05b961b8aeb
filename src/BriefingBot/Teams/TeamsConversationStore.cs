using System.Globalization;
using BriefingBot.Briefing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefingBot.Teams;

/// <summary>
/// The conversations the bot is installed in, kept across restarts so reminders and digests can be posted
/// proactively: table <c>teams_conversations</c> of <c>{BriefingBot:Data}/briefingbot.db</c>.
/// </summary>
public sealed class TeamsConversationStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS teams_conversations (
            conversation_id   TEXT PRIMARY KEY,
            service_url       TEXT NOT NULL,
            channel_id        TEXT NOT NULL,
            tenant_id         TEXT,
            conversation_type TEXT,
            team_id           TEXT,
            bot_id            TEXT NOT NULL,
            bot_name          TEXT,
            verified_at       TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS teams_conversations_team ON teams_conversations (team_id);
        """;

    private const string Columns =
        "conversation_id, service_url, channel_id, tenant_id, conversation_type, team_id, bot_id, bot_name, verified_at";

    private readonly string connectionString;
    private readonly Lazy<Task> schema;

    public TeamsConversationStore(IOptions<BriefingOptions> options)
    {
        var folder = Path.GetFullPath(options.Value.Data);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "briefingbot.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
        schema = new Lazy<Task>(() => CreateSchemaAsync(folder));
    }

    /// <summary>Stores or refreshes the reference of a conversation, keyed by its base conversation id.</summary>
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var stored = reference.ForConversation();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO teams_conversations ({Columns})
            VALUES ($conversation, $serviceUrl, $channel, $tenant, $type, $team, $bot, $botName, $verifiedAt)
            ON CONFLICT (conversation_id) DO UPDATE SET
                service_url = excluded.service_url, channel_id = excluded.channel_id, tenant_id = excluded.tenant_id,
                conversation_type = excluded.conversation_type, team_id = COALESCE(excluded.team_id, team_id),
                bot_id = excluded.bot_id, bot_name = excluded.bot_name, verified_at = excluded.verified_at
            """;
        command.Parameters.AddWithValue("$conversation", stored.ConversationId);
        command.Parameters.AddWithValue("$serviceUrl", stored.ServiceUrl);
        command.Parameters.AddWithValue("$channel", stored.ChannelId);
        command.Parameters.AddWithValue("$tenant", (object?)stored.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)stored.ConversationType ?? DBNull.Value);
        command.Parameters.AddWithValue("$team", (object?)stored.TeamId ?? DBNull.Value);
        command.Parameters.AddWithValue("$bot", stored.BotId);
        command.Parameters.AddWithValue("$botName", (object?)stored.BotName ?? DBNull.Value);
        command.Parameters.AddWithValue("$verifiedAt", stored.VerifiedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The reference stored for a conversation (a thread id finds its conversation), or null.</summary>
    public async Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM teams_conversations WHERE conversation_id = $conversation";
        command.Parameters.AddWithValue("$conversation", ConversationReference.BaseOf(conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ConversationReference(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <summary>Forgets a conversation (the bot was removed or the conversation is gone). Returns its id if it was stored.</summary>
    public Task<IReadOnlyList<string>> RemoveAsync(string conversationId, CancellationToken cancellationToken = default) =>
        DeleteAsync("conversation_id = $key", ConversationReference.BaseOf(conversationId), cancellationToken);

    /// <summary>Forgets every channel of a team the bot was removed from. Returns the conversation ids forgotten.</summary>
    public Task<IReadOnlyList<string>> RemoveTeamAsync(string teamId, CancellationToken cancellationToken = default) =>
        DeleteAsync("team_id = $key", teamId, cancellationToken);

    private async Task<IReadOnlyList<string>> DeleteAsync(string where, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM teams_conversations WHERE {where} RETURNING conversation_id";
        command.Parameters.AddWithValue("$key", key);
        var removed = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) removed.Add(reader.GetString(0));
        return removed;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await schema.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync();
    }
}
