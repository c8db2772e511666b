import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request restrict ID --ground G [--purpose P ...]`.
struct RequestRestrictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restrict",
        abstract: "Carry out a restriction request: the data is only stored until lifted (UK GDPR Art 18).")

    @OptionGroup var request: RequestIDArgument
    @Option(help: "The ground of Art 18(1): \(RestrictionGround.allCases.map(\.rawValue).joined(separator: ", ")).")
    var ground: RestrictionGround
    @Option(help: "A purpose to restrict (repeatable; default: every purpose).") var purpose: [String] = []
    @Option(help: ArgumentHelp("The day it is done (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let done = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Restrictions(vault: vault).carryOut(
                request: id, ground: ground, purposes: purpose.isEmpty ? nil : purpose, on: on ?? .today,
                actor: CommandActor.current)
        }
        print(RequestText.line(done))
    }
}

/// `custos request object ID --purpose P ... [--grounds P=TEXT ...]`.
struct RequestObjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "object",
        abstract: "Answer an objection (UK GDPR Art 21): each purpose stops, unless the DPO records compelling grounds."
    )

    @OptionGroup var request: RequestIDArgument
    @Option(help: "A purpose objected to (repeatable).") var purpose: [String] = []
    @Option(
        help: ArgumentHelp(
            "Compelling grounds to carry on with a purpose (not direct marketing), as PURPOSE=TEXT (repeatable).",
            valueName: "purpose=text"))
    var grounds: [String] = []
    @Option(help: ArgumentHelp("The day it is done (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        var compelling: [String: String] = [:]
        for pair in grounds {
            let (purpose, text) = try NameValueArgument.split(pair, option: "--grounds", shape: "PURPOSE=TEXT")
            compelling[purpose] = text
        }
        let done = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Objections(vault: vault).carryOut(
                request: id, purposes: purpose, compellingGrounds: compelling, on: on ?? .today,
                actor: CommandActor.current)
        }
        print(RequestText.line(done))
    }
}

/// `custos request rectify ID --record R --set FIELD=VALUE ...`.
struct RequestRectifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract:
            "Carry out a rectification request: correct the person's part of a record, keeping the earlier values; or refuse it, attaching their statement."
    )

    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("The record to correct.", valueName: "ID")) var record: String
    @Option(help: ArgumentHelp("A corrected value (repeatable); FIELD= clears it.", valueName: "field=value"))
    var set: [String] = []
    @Option(help: ArgumentHelp("Refuse the correction, with these reasons.", valueName: "reasons")) var refuse: String?
    @Option(help: "With --refuse: the person's statement, attached to the record.") var statement: String?
    @Option(help: ArgumentHelp("The day it is done (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let recordID = UUID(uuidString: record) else {
            throw ValidationError("--record: '\(record)' is not an id")
        }
        if let refuse {
            guard set.isEmpty else { throw ValidationError("--set: a refused correction changes nothing") }
            let done = try await store.withVault { vault in
                let id = try await request.id(in: vault)
                return try await Rectifications(vault: vault).refuse(
                    request: id, record: recordID, reasons: refuse, statement: statement, on: on ?? .today,
                    actor: CommandActor.current)
            }
            print(RequestText.line(done))
            return
        }
        guard statement == nil else { throw ValidationError("--statement: only with --refuse") }
        guard !set.isEmpty else { throw ValidationError("--set: give at least one FIELD=VALUE") }
        var changes: [String: String?] = [:]
        for pair in set {
            let (field, value) = try NameValueArgument.split(pair, option: "--set", shape: "FIELD=VALUE")
            changes[field] = value.isEmpty ? String?.none : value
        }
        let done = try await store.withVault { vault in
            try await Rectifications(vault: vault).carryOut(
                request: try await request.id(in: vault), record: recordID, changes: changes, on: on ?? .today,
                actor: CommandActor.current)
        }
        print(RequestText.line(done))
    }
}

/// `custos request portable ID --out FILE`.
struct RequestPortableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portable",
        abstract: "Write the data a person may take elsewhere (UK GDPR Art 20): data.json and records.csv in a zip.",
        discussion: "The file holds the person's data in clear: it is written readable by its owner only.")

    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("Where to write the zip.", valueName: "file")) var out: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let zip = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Requests(vault: vault).portable(id, actor: CommandActor.current)
        }
        try OwnerOnlyFile.write(zip, to: out)
        print(out)
    }
}
