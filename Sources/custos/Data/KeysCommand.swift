import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos keys rotate | new | rewrap | retire | status`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the master key.",
        subcommands: [
            KeysRotateCommand.self, KeysNewCommand.self, KeysRewrapCommand.self, KeysRetireCommand.self,
            KeysStatusCommand.self,
        ])
}

/// `custos keys rotate [--resume] [--wait SECONDS]`: a new master key, everything rewrapped once
/// every server holds it, the old key retired unless a kept backup needs it.
struct KeysRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Rotate the master key without downtime.",
        discussion: """
            A new key becomes current in the key file. Rotation then waits until every running server \
            reports it (servers read the keys again every 10 seconds), wraps every workspace and subject key \
            again in small transactions while servers keep running, and removes the old key from the file, \
            unless a backup still kept needs it (see custos backup --keep-days; custos keys retire removes it \
            once that backup has expired). If interrupted, run it again with --resume to finish with the same \
            new key. Keys held in CUSTOS_MASTER_KEY or by CUSTOS_MASTER_KEY_COMMAND are rotated with \
            custos keys new and custos keys rewrap.
            """)

    @Flag(help: "Finish an interrupted rotation instead of starting another.")
    var resume = false

    @Option(help: ArgumentHelp("How long to wait for every server to hold the new key.", valueName: "SECONDS"))
    var wait = 120

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard store.keys.isWritable else {
            throw CommandFailure(
                message: """
                    error: the master keys come from \(store.keys.location), which Custos cannot change. Add a new key \
                    there first (custos keys new prints one), restart or let the servers read it, then run custos keys rewrap.
                    """)
        }
        let summary = try await KeysRewrapCommand.running(store) { installation, progress in
            try await installation.keyRotation.rotate(
                actor: CommandActor.current, resume: resume, wait: .seconds(wait), progress: progress)
        }
        print(
            "Master key \(summary.newKeyID) is current on \(KeysRewrapCommand.servers(summary)); \(summary.workspaceKeys) workspace keys and \(summary.subjectKeys) subject keys rewrapped; retired \(summary.retiredKeyIDs.isEmpty ? "none" : summary.retiredKeyIDs.joined(separator: ", "))."
        )
        KeysRewrapCommand.printKept(summary)
    }
}

/// `custos keys new`: prints a new key ring with a new current key, for keys held elsewhere.
struct KeysNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Print the key ring with a new current key, for keys held outside a key file.",
        discussion: """
            Prints the keys as they are now with a new key first (current). Put the text where the keys are \
            held (CUSTOS_MASTER_KEY, or what CUSTOS_MASTER_KEY_COMMAND reads), keep the earlier keys in it, \
            let every server read it (a command is read again every 10 seconds; a variable needs a restart), \
            then run custos keys rewrap. Nothing is changed by this command.
            """)

    @OptionGroup var store: StoreOptions

    func run() async throws {
        print(try store.keys.reload().addingNewCurrent(MasterKey.generate()).text, terminator: "")
    }
}

/// `custos keys rewrap [--wait SECONDS]`: everything rewrapped under the current key once every
/// server holds it; says which earlier keys may then be removed.
struct KeysRewrapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrap", abstract: "Wrap every key again under the current master key.",
        discussion: """
            For keys held outside a key file, after a new key was put first where they are held: waits until \
            every running server reports the new key, wraps every workspace and subject key again, and says \
            which earlier keys may be removed from where the keys are held (and which must stay for backups).
            """)

    @Option(help: ArgumentHelp("How long to wait for every server to hold the current key.", valueName: "SECONDS"))
    var wait = 120

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let summary = try await Self.running(store) { installation, progress in
            try await installation.keyRotation.rewrap(
                actor: CommandActor.current, wait: .seconds(wait), progress: progress)
        }
        print(
            "Master key \(summary.newKeyID) is current on \(Self.servers(summary)); \(summary.workspaceKeys) workspace keys and \(summary.subjectKeys) subject keys rewrapped."
        )
        print(
            summary.retiredKeyIDs.isEmpty
                ? "No earlier key can be removed."
                : "Nothing needs \(summary.retiredKeyIDs.joined(separator: ", ")) any more: remove \(summary.retiredKeyIDs.count == 1 ? "it" : "them") from \(store.keys.location)."
        )
        Self.printKept(summary)
    }

    /// Runs a rotation step with a progress line, turning servers behind into a clear failure.
    static func running(
        _ store: StoreOptions,
        _ step: @Sendable (Installation, @escaping @Sendable (Int) -> Void) async throws -> KeyRotation.Summary
    ) async throws -> KeyRotation.Summary {
        do {
            return try await store.withInstallation { installation in
                let progress = ProgressLine(total: nil, label: "rewrapping subject keys")
                let summary = try await step(installation) { progress.update($0) }
                progress.finish()
                return summary
            }
        } catch let behind as KeyRotation.ServersBehind {
            throw CommandFailure(message: behind.description)
        }
    }

    static func servers(_ summary: KeyRotation.Summary) -> String {
        summary.servers.isEmpty
            ? "no running server"
            : "\(summary.servers.count) running server\(summary.servers.count == 1 ? "" : "s")"
    }

    static func printKept(_ summary: KeyRotation.Summary) {
        for (id, until) in summary.keptForBackups.sorted(by: { $0.key < $1.key }) {
            print(
                "Kept \(id) for unwrapping: a backup kept until \(CalendarDay(until, in: CalendarDay.clockTimeZone).iso) needs it (custos keys retire after that day)."
            )
        }
    }
}

/// `custos keys retire`: removes earlier keys that nothing and no kept backup needs any more.
struct KeysRetireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire",
        abstract: "Remove from the key file earlier keys kept for backups that have since expired.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let retired = try await store.withInstallation { installation in
            try await installation.keyRotation.retireUnneededKeys(actor: CommandActor.current)
        }
        print(retired.isEmpty ? "No key can be retired yet." : "Retired \(retired.joined(separator: ", ")).")
    }
}

/// `custos keys status`: the keys held, the keys in use, the servers and the backups kept.
struct KeysStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show which master keys are held, used, and needed by servers and backups.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let ring = try store.keys.reload()
        let (servers, inUse, backups) = try await store.withInstallation { installation in
            (
                try await installation.serversPresent(), try await installation.masterKeyIDsInUse(),
                try await installation.backupsKept()
            )
        }
        print("Keys held in \(store.keys.location): \(ring.keys.map(\.id).joined(separator: ", ")) (current first)")
        print("Keys wrapping data now: \(inUse.isEmpty ? "none" : inUse.sorted().joined(separator: ", "))")
        print("Running servers: \(servers.isEmpty ? "none" : "")")
        for server in servers {
            print(
                "  \(server.name): wraps with \(server.currentKeyID ?? "?"), holds \(server.keyIDs.joined(separator: ", "))"
            )
        }
        print("Backups kept: \(backups.isEmpty ? "none" : "")")
        for backup in backups {
            print(
                "  \(backup.kind) made \(CalendarDay(backup.madeAt, in: CalendarDay.clockTimeZone).iso), kept until \(CalendarDay(backup.keepUntil, in: CalendarDay.clockTimeZone).iso): needs \(backup.masterKeyIDs.joined(separator: ", "))"
            )
        }
    }
}
