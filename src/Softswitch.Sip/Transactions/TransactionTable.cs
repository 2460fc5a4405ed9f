using System.Collections.Concurrent;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// The live transactions, by key, plus the index §8.2.2.2 needs to spot a request that reached us
/// twice by different paths (same From tag, Call-ID and CSeq, other branch).
/// </summary>
internal sealed class TransactionTable
{
    private readonly ConcurrentDictionary<TransactionKey, ServerTransaction> _servers = new();
    private readonly ConcurrentDictionary<TransactionKey, ClientTransaction> _clients = new();
    private readonly ConcurrentDictionary<MergeKey, TransactionKey> _merge = new();

    public int ServerCount => _servers.Count;

    public int ClientCount => _clients.Count;

    public bool TryGetServer(TransactionKey key, out ServerTransaction transaction) => _servers.TryGetValue(key, out transaction!);

    public bool TryGetClient(TransactionKey key, out ClientTransaction transaction) => _clients.TryGetValue(key, out transaction!);

    /// <summary>Adds a new server transaction unless one with the key exists (a race between two copies of one request).</summary>
    public ServerTransaction AddServer(ServerTransaction transaction, MergeKey? merge)
    {
        var winner = _servers.GetOrAdd(transaction.Key, transaction);
        if (ReferenceEquals(winner, transaction) && merge is { } m) _merge.TryAdd(m, transaction.Key);
        return winner;
    }

    public bool AddClient(ClientTransaction transaction) => _clients.TryAdd(transaction.Key, transaction);

    /// <summary>The key of a live transaction for the same From tag, Call-ID and CSeq, if any.</summary>
    public bool TryGetMerged(MergeKey merge, out TransactionKey key) => _merge.TryGetValue(merge, out key);

    public void Remove(Transaction transaction)
    {
        switch (transaction)
        {
            case ServerTransaction server:
                _servers.TryRemove(new KeyValuePair<TransactionKey, ServerTransaction>(server.Key, server));
                if (MergeKey.For(server.Request) is { } merge)
                {
                    _merge.TryRemove(new KeyValuePair<MergeKey, TransactionKey>(merge, server.Key));
                }

                break;
            case ClientTransaction client:
                _clients.TryRemove(new KeyValuePair<TransactionKey, ClientTransaction>(client.Key, client));
                break;
        }
    }
}
