import GRDB

/// Empties the read cache whenever the store's writer commits, so nothing written through this
/// store is ever answered from before the write (other processes' commits are caught by the
/// cache's data-version check).
final class SQLiteCommitObserver: TransactionObserver {
    private let cache: SQLiteReadCache

    init(cache: SQLiteReadCache) {
        self.cache = cache
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { cache.invalidate() }
    func databaseDidRollback(_ db: Database) {}
}
