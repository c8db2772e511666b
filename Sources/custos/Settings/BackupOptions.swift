import ArgumentParser
import CustosDeployment
import CustosServices
import Foundation
import Logging

/// `--backup-folder`, `--backup-every-hours`, `--backup-keep-days`: the server's scheduled backups
/// of an SQLite data folder. Without a folder, the server makes none.
struct BackupOptions: ParsableArguments {
    @Option(
        name: .customLong("backup-folder"),
        help: ArgumentHelp(
            "Back the SQLite database up into this folder on a schedule, deleting each copy once kept for --backup-keep-days. Default: CUSTOS_BACKUP_FOLDER, else none.",
            valueName: "DIR"))
    var backupFolder: String?

    @Option(
        name: .customLong("backup-every-hours"),
        help: ArgumentHelp(
            "Hours between scheduled backups (1 to 168). Default: CUSTOS_BACKUP_EVERY_HOURS, else 24.",
            valueName: "HOURS"))
    var backupEveryHours: Int?

    @Option(
        name: .customLong("backup-keep-days"),
        help: ArgumentHelp(
            "Days each scheduled backup is kept (1 to 3650); an erasure is final in backups this long after it. Default: CUSTOS_BACKUP_KEEP_DAYS, else 30.",
            valueName: "DAYS"))
    var backupKeepDays: Int?

    /// The settings asked for, checked; nil when no folder is given.
    func settings(_ settings: Settings = .current) throws -> ScheduledBackups.Settings? {
        guard let folder = backupFolder ?? settings.value(.backupFolder) else { return nil }
        let every = try Self.number(backupEveryHours, .backupEveryHours, settings, in: 1...168, default: 24)
        let keep = try Self.number(backupKeepDays, .backupKeepDays, settings, in: 1...3650, default: 30)
        return .init(
            folder: URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL,
            every: TimeInterval(every) * 3600, keep: TimeInterval(keep) * 86_400)
    }

    /// Refuses scheduled backups (`settings`, from ``settings(_:)``) of a PostgreSQL database before
    /// anything is opened: the server backs up an SQLite data folder only.
    func check(_ settings: ScheduledBackups.Settings?, for location: StoreLocation) throws {
        guard settings != nil, case .postgres = location else { return }
        let origin = Settings.current.origin(of: .backupFolder, givenAsOption: backupFolder != nil)
        throw ValidationError(
            "\(origin): the server backs up a SQLite data folder; for PostgreSQL schedule pg_dump and record each copy with `custos backup --external --keep-days N` (docs/operations.md)"
        )
    }

    /// The service that makes the backups `settings` asks for, checked by ``check(_:for:)``, for
    /// `location`; nil when none are asked for.
    func service(
        _ settings: ScheduledBackups.Settings?, location: StoreLocation, installation: Installation, logger: Logger
    ) throws -> ScheduledBackups? {
        guard let settings else { return nil }
        return try ScheduledBackups(location: location, installation: installation, settings: settings, logger: logger)
    }

    /// The number the option gives, else the one `setting` is set to, else `value`; an error names
    /// where a bad one came from (the option, the environment variable or the file's key).
    private static func number(
        _ given: Int?, _ setting: Setting, _ settings: Settings, in range: ClosedRange<Int>, default value: Int
    ) throws -> Int {
        let name = settings.origin(of: setting, givenAsOption: given != nil)
        let number: Int
        if let given {
            number = given
        } else if let text = settings.value(setting) {
            guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(name): '\(text)' is not a whole number")
            }
            number = parsed
        } else {
            number = value
        }
        guard range.contains(number) else {
            throw ValidationError("\(name) must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
