import Dispatch
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log back into the database file on a connection and a thread of its
/// own, so that the one writer does not.
///
/// SQLite's own automatic checkpoint runs inside the commit that takes the log past 1,000 pages,
/// on the writer's connection, and every other write waits for it: in a retention sweep over a
/// million people it was a tenth of the writer's time. Here the writer's commit only hands the
/// checkpoint on (``committed(pages:writer:)``, installed as the writer's WAL hook), and a
/// passive checkpoint copies the pages while the writer goes on.
///
/// A checkpoint running beside a busy writer never quite catches up with it, and SQLite starts
/// the log again from its beginning only when every page in it has been copied back. So once the
/// log passes ``writerLimit`` pages the writer's commit checkpoints in place, as SQLite's own
/// would; by then the checkpointer has copied back most of the pages before the last commit's, and
/// the log starts again, bounded.
final class SQLiteCheckpointer: Sendable {
    /// Pages in the log (4 KiB each) past which a checkpoint is handed on: SQLite's own default.
    static let threshold: Int32 = 1_000
    /// Pages in the log past which the writer checkpoints in place (256 MiB): a few of a sweep's
    /// transactions of 5,000 people. In a sweep over a million people the log's file grew to
    /// about 320 MB and started again every few transactions.
    static let writerLimit: Int32 = 65_536
    /// The size the log's file is cut back to when the log starts again (64 MiB).
    static let keptLogBytes = 64 << 20

    private let path: String
    private let queue = DispatchQueue(label: "custos.sqlite.checkpoint")
    /// Whether a checkpoint is handed on and not yet run: at most one waits at a time.
    private let pending = Atomic<Bool>(false)
    /// The checkpoint's own read-write connection, opened at the first checkpoint.
    private let connection = Mutex<OpaquePointer?>(nil)

    /// A checkpointer for the database file at `path`.
    init(path: String) {
        self.path = path
    }

    deinit {
        connection.withLock { connection in _ = sqlite3_close_v2(connection) }
    }

    /// Makes this checkpointer the one for `writer`, the pool's writing connection, in place of
    /// SQLite's automatic checkpoint. The checkpointer must outlive the connection.
    func install(on writer: OpaquePointer) {
        sqlite3_wal_hook(
            writer,
            { context, writer, _, pages in
                guard let context, let writer else { return SQLITE_OK }
                Unmanaged<SQLiteCheckpointer>.fromOpaque(context).takeUnretainedValue()
                    .committed(pages: pages, writer: writer)
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Told by the writer's commit that the log holds `pages` pages.
    private func committed(pages: Int32, writer: OpaquePointer) {
        if pages >= Self.writerLimit {
            // Passive: a checkpoint already running on the checkpointer's connection makes this
            // one return at once, and the next commit tries again.
            sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        } else if pages >= Self.threshold, !pending.exchange(true, ordering: .acquiringAndReleasing) {
            queue.async { [self] in
                pending.store(false, ordering: .releasing)
                checkpoint()
            }
        }
    }

    /// A passive checkpoint on the checkpointer's own connection. A failure (the file busy, or
    /// not to be opened) is left for the next commit to hand on again, or for the writer.
    private func checkpoint() {
        connection.withLock { connection in
            if connection == nil {
                // A connection finds the file in WAL mode, and opens its log, only when it first
                // reads: until then SQLite's checkpoint quietly does nothing.
                guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
                    sqlite3_exec(connection, "SELECT count(*) FROM sqlite_schema", nil, nil, nil) == SQLITE_OK
                else {
                    sqlite3_close_v2(connection)
                    connection = nil
                    return
                }
            }
            sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
    }
}
