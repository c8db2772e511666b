import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos hold …`: legal holds, which keep data from erasure and the retention sweep.
struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Place, release and list legal holds (UK GDPR Art 17(3)(e)).",
        subcommands: [HoldPlaceCommand.self, HoldReleaseCommand.self, HoldListCommand.self])
}

/// `custos hold place`.
struct HoldPlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place", abstract: "Keep a person's records, or every record of a type, for a legal claim.")

    @Option(help: ArgumentHelp("The person held.", valueName: "ID")) var subject: String?
    @Option(help: ArgumentHelp("The record type held.", valueName: "type")) var type: String?
    @Option(help: "The claim or matter it is for (kept in the register, not the audit log).") var reason: String
    @Option(help: ArgumentHelp("The last day it stands, when known.", valueName: "YYYY-MM-DD")) var until: CalendarDay?
    @Option(help: ArgumentHelp("The day it is placed (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let subjectID = try subject.map { text in
            guard let id = UUID(uuidString: text) else {
                throw ValidationError("--subject: '\(text)' is not a subject id")
            }
            return id
        }
        let hold = try await store.withVault { vault in
            try await LegalHolds(vault: vault).place(
                subject: subjectID, recordType: type, reason: reason, on: on ?? .today, until: until,
                actor: CommandActor.current)
        }
        print(HoldText.line(hold))
    }
}

/// `custos hold release ID`.
struct HoldReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Release a legal hold: what it kept may be erased again.")

    @Argument(help: ArgumentHelp("The hold's id.", valueName: "ID")) var id: String
    @Option(help: ArgumentHelp("The day it is released (default: today).", valueName: "YYYY-MM-DD"))
    var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let holdID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a hold id") }
        try await store.withVault { vault in
            try await LegalHolds(vault: vault).release(holdID, on: on ?? .today, actor: CommandActor.current)
        }
        print("released \(holdID.uuidString)")
    }
}

/// `custos hold list`.
struct HoldListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the legal holds standing.")

    @Flag(help: "Include released holds.") var all = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let holds = try await store.withVault { vault in try await LegalHolds(vault: vault).list(includingReleased: all)
        }
        for hold in holds { print(HoldText.line(hold)) }
    }
}

/// How a hold reads on the command line.
enum HoldText {
    static func line(_ hold: LegalHold) -> String {
        let what = [hold.subjectID.map { "subject \($0.uuidString)" }, hold.recordType.map { "type \($0)" }]
            .compactMap(\.self).joined(separator: ", ")
        let end =
            hold.releasedOn.map { "released \($0.iso)" } ?? hold.endsOn.map { "until \($0.iso)" } ?? "until released"
        return
            "\(hold.id.uuidString)  \(what)  placed \(hold.placedOn.iso) by \(hold.placedBy)  \(end)  (\(hold.reason))"
    }
}
