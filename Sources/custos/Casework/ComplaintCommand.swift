import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos complaint …`: the complaints register.
struct ComplaintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint",
        abstract: "Take in, acknowledge (within 30 days) and close complaints about how personal data was handled.",
        subcommands: [
            ComplaintNewCommand.self, ComplaintAcknowledgeCommand.self, ComplaintCloseCommand.self,
            ComplaintListCommand.self, ComplaintShowCommand.self,
        ])
}

/// `custos complaint new`.
struct ComplaintNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Take in a complaint.")

    @Option(help: "How it came: \(RequestChannel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var channel: RequestChannel
    @Option(help: "What it is about, in brief (sealed; never in the audit log).") var summary: String
    @Option(help: ArgumentHelp("The day it came (default: today).", valueName: "YYYY-MM-DD")) var received: CalendarDay?
    @Option(help: ArgumentHelp("The person it is about, when known.", valueName: "ID")) var subject: String?
    @Option(help: ArgumentHelp("The request it arose from.", valueName: "ID")) var request: String?
    @Option(help: ArgumentHelp("The breach it is about.", valueName: "ID")) var breach: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let subjectID = try subject.map { try Self.id($0, "--subject") }
        let requestID = try request.map { try Self.id($0, "--request") }
        let breachID = try breach.map { try Self.id($0, "--breach") }
        let complaint = try await store.withVault { vault in
            try await Complaints(vault: vault).receive(
                summary: summary, channel: channel, on: received ?? .today, subject: subjectID, request: requestID,
                breach: breachID, actor: CommandActor.current)
        }
        print(ComplaintLine.text(complaint))
    }

    static func id(_ text: String, _ option: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("\(option): '\(text)' is not an id") }
        return id
    }
}

/// `custos complaint ack ID`.
struct ComplaintAcknowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Record that the complaint was acknowledged.")

    @Argument(help: ArgumentHelp("The complaint's id.", valueName: "ID")) var id: String
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let complaintID = try ComplaintNewCommand.id(id, "ID")
        let complaint = try await store.withVault { vault in
            try await Complaints(vault: vault).acknowledge(complaintID, on: on ?? .today, actor: CommandActor.current)
        }
        print(ComplaintLine.text(complaint))
    }
}

/// `custos complaint close ID --outcome TEXT`.
struct ComplaintCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a complaint with what was found and done.")

    @Argument(help: ArgumentHelp("The complaint's id.", valueName: "ID")) var id: String
    @Option(help: "What was found and done (sealed).") var outcome: String
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let complaintID = try ComplaintNewCommand.id(id, "ID")
        let complaint = try await store.withVault { vault in
            try await Complaints(vault: vault).close(
                complaintID, outcome: outcome, on: on ?? .today, actor: CommandActor.current)
        }
        print(ComplaintLine.text(complaint))
    }
}

/// `custos complaint list`.
struct ComplaintListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List open complaints, soonest to acknowledge first.")

    @Flag(help: "Include closed complaints.") var all = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let complaints = try await store.withVault { vault in
            try await Complaints(vault: vault).list(includingClosed: all)
        }
        for complaint in complaints { print(ComplaintLine.text(complaint)) }
    }
}

/// `custos complaint show ID`.
struct ComplaintShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a complaint and what it says (audited).")

    @Argument(help: ArgumentHelp("The complaint's id.", valueName: "ID")) var id: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let complaintID = try ComplaintNewCommand.id(id, "ID")
        let (complaint, text) = try await store.withVault { vault in
            try await Complaints(vault: vault).show(complaintID, actor: CommandActor.current)
        }
        print(ComplaintLine.text(complaint))
        print("Summary: \(text.summary)")
        if let outcome = text.outcome { print("Outcome: \(outcome)") }
    }
}

/// How a complaint reads on the command line.
enum ComplaintLine {
    /// One line: id, state, dates, links.
    static func text(_ complaint: StoredComplaint, today: CalendarDay = .today) -> String {
        let state =
            complaint.closedOn.map { "closed \($0.iso)" }
            ?? complaint.acknowledgedOn.map { "acknowledged \($0.iso)" }
            ?? (!complaint.isStatutory
                ? "received before the duty to acknowledge (19 June 2026): no statutory date; good practice \(complaint.acknowledgeBy.iso)"
                : complaint.acknowledgementOverdue(on: today)
                    ? "to acknowledge by \(complaint.acknowledgeBy.iso) (overdue)"
                    : "to acknowledge by \(complaint.acknowledgeBy.iso)")
        let links = [
            complaint.subjectID.map { "subject \($0.uuidString)" },
            complaint.requestID.map { "request \($0.uuidString)" },
            complaint.breachID.map { "breach \($0.uuidString)" },
        ].compactMap(\.self).joined(separator: ", ")
        return
            "\(complaint.id.uuidString)  \(state)  (\(complaint.channel.rawValue), received \(complaint.receivedOn.iso))\(links.isEmpty ? "" : "  \(links)")"
    }
}
