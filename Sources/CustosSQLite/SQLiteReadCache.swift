import CustosStorage
import Foundation
import GRDBSQLite
import Synchronization

/// Answers to the few small reads every API request makes (its access token, a person's contact
/// facts), kept in memory for as long as the database file has not changed.
///
/// Whether it changed is asked of SQLite itself: `PRAGMA data_version` on a connection of the
/// cache's own changes whenever any other connection, in this process or another (a `custos`
/// command beside the server), commits. Any commit empties the cache, so an answer is never
/// older than the last write: a consent withdrawn, a token revoked or a person erased is seen by
/// the next request. Under a steady stream of writes the cache simply misses.
///
/// The connection is SQLite's own C handle under a lock rather than a GRDB queue: it is asked
/// on every request, and a queue made concurrent requests wait for each other in the kernel.
///
/// Inside ``CustosStore/withRequestReads(_:)`` the version is asked once, at the request's first
/// cached read, and its other cached reads answer as of that moment; and a commit made through
/// this store empties the cache at once (``invalidate()``), so a request that writes and then
/// reads sees its own write.
final class SQLiteReadCache: Sendable {
    /// The data version one request's reads answer as of, once asked.
    final class RequestVersion: Sendable {
        let version = Mutex<Int64?>(nil)
    }

    /// The version of the request being served, inside ``CustosStore/withRequestReads(_:)``.
    @TaskLocal static var request: RequestVersion?

    /// What may be cached: the kind of read and its arguments.
    enum Key: Hashable {
        case accessToken(UUID)
        case contactFacts(workspace: UUID, subject: UUID)
    }

    /// The connection, its prepared `PRAGMA data_version`, and the answers read at `version`.
    private struct State: ~Copyable {
        let connection: OpaquePointer
        let statement: OpaquePointer
        var version: Int64 = -1
        var answers: [Key: any Sendable] = [:]

        deinit {
            sqlite3_finalize(statement)
            sqlite3_close_v2(connection)
        }
    }

    /// Entries kept before the cache starts again empty; each is a few hundred bytes.
    static let capacity = 50_000

    private let state: Mutex<State>

    /// Opens the cache's own read-only connection to the database at `path`.
    init(path: String) throws {
        var connection: OpaquePointer?
        var statement: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let connection
        else {
            sqlite3_close_v2(connection)
            throw StoreError.corruptData("the read cache could not open the database")
        }
        guard sqlite3_prepare_v2(connection, "PRAGMA data_version", -1, &statement, nil) == SQLITE_OK, let statement
        else {
            sqlite3_close_v2(connection)
            throw StoreError.corruptData("the read cache could not read the data version")
        }
        state = Mutex(State(connection: connection, statement: statement))
    }

    /// The cached answer for `key` if nothing was committed since it was read, else `read()`'s
    /// answer, cached unless it is `nil` (nothing found is asked again). The version is taken
    /// before reading, so a commit racing the read empties the cache at the next call instead of
    /// leaving the older answer in it.
    func value<T: Sendable>(_ key: Key, read: () throws -> T?) throws -> T? {
        let request = Self.request
        let (version, cached): (Int64, T?) = try state.withLock { state in
            let version: Int64
            if let known = request?.version.withLock({ $0 }) {
                version = known
            } else {
                sqlite3_reset(state.statement)
                guard sqlite3_step(state.statement) == SQLITE_ROW else {
                    throw StoreError.corruptData("the read cache could not read the data version")
                }
                version = sqlite3_column_int64(state.statement, 0)
                sqlite3_reset(state.statement)
                request?.version.withLock { $0 = version }
            }
            // SQLite only ever counts the version up.
            if version > state.version {
                state.version = version
                state.answers.removeAll(keepingCapacity: true)
                return (version, nil)
            }
            // A request that began before the cache's version reads afresh and keeps nothing.
            return (version, version == state.version ? state.answers[key] as? T : nil)
        }
        if let cached { return cached }
        guard let answer = try read() else { return nil }
        state.withLock { state in
            guard state.version == version else { return }
            if state.answers.count >= Self.capacity { state.answers.removeAll(keepingCapacity: true) }
            state.answers[key] = answer
        }
        return answer
    }

    /// Forgets every answer: a commit was made through this store.
    func invalidate() {
        state.withLock { state in
            state.version = -1
            state.answers.removeAll(keepingCapacity: true)
        }
    }
}
