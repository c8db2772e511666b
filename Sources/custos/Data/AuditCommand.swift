import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos audit verify|log`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify and read the audit log.",
        subcommands: [AuditVerifyCommand.self, AuditLogCommand.self])
}

/// `custos audit verify`: proves the chain intact, or names the first entry altered, removed or
/// re-ordered, or rewritten without the master key.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify the audit log's hash chain (exit 1 when broken).",
        discussion: """
            Goes on from the latest signed checkpoint (the furthest a verification found the chain \
            intact, signed under the master key), checking every entry after it; --full checks \
            every entry from the first, and finds an entry altered before the checkpoint.
            """)

    @Flag(help: "Check every entry from the first, not from the latest checkpoint.")
    var full = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (report, anchoring) = try await store.withInstallation { installation in
            let report = try await installation.auditLog.verify(incremental: !full)
            // An intact log not yet anchored in the key file is anchored now.
            let anchoring =
                report.failure == nil && report.anchor == nil ? try await installation.auditLog.anchor() : nil
            return (report, anchoring)
        }
        if let failure = report.failure {
            throw CommandFailure(
                message: "audit log BROKEN at \(failure); \(report.verified) entries before it verify")
        }
        let keyed =
            report.keyedFrom.map {
                " Bound to the master key from entry \($0): no entry from there on can be rewritten without it."
            }
            ?? " Not yet bound to the master key: the next change made with the key file binds it."
        let from =
            report.resumedFrom.map { sequence in
                " Went on from the checkpoint at entry \(sequence)\(report.checkpointMadeAt.map { ", made \($0.formatted(.iso8601))" } ?? ""); --full checks every entry again."
            } ?? ""
        print("Audit log intact: \(report.verified) entries verify.\(keyed)\(from)")
        switch anchoring {
        case .recorded(let anchor)?:
            print("The key file now records that keying began at entry \(anchor.sequence); verify checks against it.")
        case .cannotRecord(let anchor)?:
            print(
                "The master keys come from $\(MasterKeySource.environmentVariable), which Custos cannot change: add this line to it so that verify can check where keying began:\n\(anchor.line)"
            )
        case .differs(let held, _)?:
            print("The key file records that keying began at entry \(held.sequence), which this log does not hold.")
        case .held?, .unanchored?, nil:
            if let anchor = report.anchor {
                print("Checked against the key file's record that keying began at entry \(anchor.sequence).")
            }
        }
    }
}

/// `custos audit log`: the entries, oldest first.
struct AuditLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print audit entries.")

    @Option(help: "Start after this entry number.")
    var after: Int64 = 0

    @Option(help: "At most this many entries.")
    var limit = 100

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let entries = try await store.withInstallation { installation in
            try await installation.auditLog.entries(after: after, limit: limit)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for entry in entries {
            let event = entry.event
            var fields = ["#\(entry.sequence)", formatter.string(from: event.time), event.actor, event.action]
            if let subject = event.subjectID { fields.append("subject=\(subject.uuidString.lowercased())") }
            if let record = event.recordID { fields.append("record=\(record.uuidString.lowercased())") }
            if !event.shown.isEmpty {
                fields.append("shown=" + event.shown.map { $0.uuidString.lowercased() }.joined(separator: ","))
            }
            if let purpose = event.purpose { fields.append("purpose=\(purpose)") }
            if let reason = event.reason { fields.append("reason=\"\(reason)\"") }
            if let detail = event.detail { fields.append(detail) }
            print(fields.joined(separator: "  "))
        }
    }
}
