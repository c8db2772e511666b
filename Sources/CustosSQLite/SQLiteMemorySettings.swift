public import Foundation

/// How much memory the SQLite store may hold as page cache: with a million people, most of what a
/// server's memory grows by (docs/operations.md, "Sizing"). Each setting may be given in the
/// environment; what is left out keeps its default.
public struct SQLiteMemorySettings: Sendable, Equatable {
    /// The page cache of the one connection that writes, in MiB (`CUSTOS_SQLITE_WRITER_CACHE_MIB`,
    /// 16 by default): imports and sweeps write to pages all over the file.
    public var writerCacheMiB: Int
    /// The page cache of each connection that reads, in MiB (`CUSTOS_SQLITE_READER_CACHE_MIB`, 2
    /// by default, SQLite's own): reads are lookups by index and scans in index order, which the
    /// operating system's file cache serves as well.
    public var readerCacheMiB: Int
    /// How many connections may read at once in each of the store's two pools
    /// (`CUSTOS_SQLITE_READERS`, 4 by default).
    public var readers: Int

    public init(writerCacheMiB: Int = 16, readerCacheMiB: Int = 2, readers: Int = 4) {
        self.writerCacheMiB = writerCacheMiB
        self.readerCacheMiB = readerCacheMiB
        self.readers = readers
    }

    /// The defaults.
    public static let standard = SQLiteMemorySettings()

    /// The settings `environment` gives, the defaults for those it leaves out. Throws an error
    /// naming the variable when one is not a whole number in its range.
    public init(environment: [String: String]) throws(SQLiteSettingError) {
        self.init()
        writerCacheMiB = try Self.number(environment, "CUSTOS_SQLITE_WRITER_CACHE_MIB", 1...4_096) ?? writerCacheMiB
        readerCacheMiB = try Self.number(environment, "CUSTOS_SQLITE_READER_CACHE_MIB", 1...4_096) ?? readerCacheMiB
        readers = try Self.number(environment, "CUSTOS_SQLITE_READERS", 1...64) ?? readers
    }

    /// The most page cache the connections of the store's pools may hold together, in MiB (two
    /// more connections, which read little, keep SQLite's own 2 MiB each).
    public var mostCacheMiB: Int { writerCacheMiB + 2 * readers * readerCacheMiB }

    private static func number(
        _ environment: [String: String], _ name: String, _ range: ClosedRange<Int>
    ) throws(SQLiteSettingError) -> Int? {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw SQLiteSettingError(
                description: "\(name): '\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

/// A memory setting for SQLite that cannot be used, named.
public struct SQLiteSettingError: Error, CustomStringConvertible, Equatable {
    public let description: String
}
