public import Foundation

/// What needs which master key: the wrapped keys in the database, and the backups made of it.
public protocol KeyUseStore: Sendable {
    /// The ids of the master keys that wrap any workspace or subject key, in any workspace.
    func masterKeyIDsInUse() async throws -> Set<String>

    /// Records a backup.
    func recordBackup(_ backup: BackupRecord) async throws

    /// The backups kept at `time` (whose `keepUntil` is later), latest first.
    func backupsKept(at time: Date) async throws -> [BackupRecord]
}
