public import Foundation

/// A copy of the database made at a time (by `custos backup`, or by another tool and recorded),
/// kept until a day, needing the master keys that wrapped its keys. Rotation keeps a retired key
/// in the key ring for as long as a backup kept needs it.
public struct BackupRecord: Sendable, Hashable {
    public var id: UUID
    public var madeAt: Date
    /// Until when the copy is kept; after this, its keys may be retired.
    public var keepUntil: Date
    /// The master keys that wrapped its keys.
    public var masterKeyIDs: [String]
    /// How it was made: `copy` (`custos backup`) or `external` (pg_dump or another tool).
    public var kind: String

    public init(id: UUID = UUID(), madeAt: Date, keepUntil: Date, masterKeyIDs: [String], kind: String) {
        self.id = id
        self.madeAt = madeAt
        self.keepUntil = keepUntil
        self.masterKeyIDs = masterKeyIDs
        self.kind = kind
    }
}
