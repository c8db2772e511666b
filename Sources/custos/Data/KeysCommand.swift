import ArgumentParser
import CustosServices
import Foundation

/// `custos keys rotate`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the master key.", subcommands: [KeysRotateCommand.self])
}

/// `custos keys rotate [--resume]`: a new master key, everything rewrapped, the old key retired.
struct KeysRotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate", abstract: "Rotate the master key without downtime.",
        discussion: """
            A new key becomes current in the key file, every workspace and subject key is wrapped again \
            in small transactions while servers keep running (they re-read the key file when they meet \
            the new key), and the old key is then removed from the file. If interrupted, run it again \
            with --resume to finish with the same new key.
            """)

    @Flag(help: "Finish an interrupted rotation instead of starting another.")
    var resume = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let summary = try await store.withInstallation { installation in
            let progress = ProgressLine(total: nil, label: "rewrapping subject keys")
            let summary = try await installation.keyRotation.rotate(
                actor: CommandActor.current, resume: resume, progress: { progress.update($0) })
            progress.finish()
            return summary
        }
        print(
            "Master key \(summary.newKeyID) is current; \(summary.workspaceKeys) workspace keys and \(summary.subjectKeys) subject keys rewrapped; retired \(summary.retiredKeyIDs.isEmpty ? "none" : summary.retiredKeyIDs.joined(separator: ", "))."
        )
    }
}
