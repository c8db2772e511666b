import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos disclosure …`: the disclosure log.
struct DisclosureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure",
        abstract: "Log each time a person's data is given to another organisation, and why.",
        discussion: "See docs/registers.md.",
        subcommands: [
            DisclosureRecordCommand.self, DisclosureToldCommand.self, DisclosureListCommand.self,
            DisclosureShowCommand.self,
        ])
}

/// The disclosure id a step takes.
struct DisclosureIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The disclosure's id.", valueName: "ID")) var text: String

    var id: UUID {
        get throws {
            guard let id = UUID(uuidString: text) else { throw ValidationError("'\(text)' is not a disclosure id") }
            return id
        }
    }
}

/// `custos disclosure record`.
struct DisclosureRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Log a disclosure: to whom, what, on which basis or exemption, why and who decided.",
        discussion:
            "Give --to with a recipient the policy names, or --to-other with --kind for another organisation (the police, social care, another school, a regulator)."
    )

    @OptionGroup var subject: SubjectOption
    @Option(help: ArgumentHelp("A recipient the policy names, by id.", valueName: "RECIPIENT")) var to: String?
    @Option(help: ArgumentHelp("Another organisation, by name.", valueName: "NAME")) var toOther: String?
    @Option(
        help:
            "What the other organisation is: \(DisclosureRecipientKind.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var kind: DisclosureRecipientKind?
    @Option(help: ArgumentHelp("A record type disclosed (repeat).", valueName: "RECORD_TYPE")) var record: [String] = []
    @Option(help: ArgumentHelp("Only this category of those records (repeat).", valueName: "CATEGORY"))
    var category: [String] = []
    @Option(help: ArgumentHelp("The policy purpose it served.", valueName: "PURPOSE")) var purpose: String?
    @Option(help: "The lawful basis (default: the purpose's).") var basis: LawfulBasis?
    @Option(help: "The exemption relied on: \(DisclosureExemption.allCases.map(\.rawValue).joined(separator: ", ")).")
    var exemption: DisclosureExemption?
    @Option(help: "Why it was disclosed (sealed; never in the audit log).") var reason: String
    @Option(help: ArgumentHelp("Who decided (default: you).", valueName: "NAME")) var decidedBy: String?
    @Option(help: ArgumentHelp("The day it was disclosed (default: today).", valueName: "YYYY-MM-DD")) var on:
        CalendarDay?
    @Flag(help: "It was made without telling the person: a task is added to tell them when it is safe.")
    var withoutTelling = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        switch (to, toOther, kind) {
        case (.some, nil, nil), (nil, .some, .some): return
        case (nil, .some, nil): throw ValidationError("--kind: say what kind of organisation \(toOther ?? "") is")
        case (.some, _, _):
            throw ValidationError("--to names a recipient of the policy; give --to-other alone for another")
        default: throw ValidationError("--to: say who received it (--to RECIPIENT, or --to-other NAME --kind KIND)")
        }
    }

    func run() async throws {
        let subjectID = try subject.id
        let recipient: Disclosures.Recipient =
            if let to { .policy(to) } else { .other(name: toOther ?? "", kind: kind ?? .other) }
        let disclosure = try await store.withVault { vault in
            try await Disclosures(vault: vault).record(
                subject: subjectID, to: recipient, recordTypes: record, categories: category, purpose: purpose,
                basis: basis, exemption: exemption, reason: reason, decidedBy: decidedBy,
                withoutTelling: withoutTelling, on: on ?? .today, actor: CommandActor.current)
        }
        print(DisclosureLine.text(disclosure))
        if disclosure.taskID != nil {
            print("A task to tell the person when it is safe is on the list: custos task list")
        }
    }
}

/// `custos disclosure told ID`.
struct DisclosureToldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "told", abstract: "Record that the person was told of a disclosure made without telling them.")

    @OptionGroup var disclosure: DisclosureIDArgument
    @Option(help: ArgumentHelp("The day they were told (default: today).", valueName: "YYYY-MM-DD")) var on:
        CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try disclosure.id
        let told = try await store.withVault { vault in
            try await Disclosures(vault: vault).told(id, on: on ?? .today, actor: CommandActor.current)
        }
        print(DisclosureLine.text(told))
    }
}

/// `custos disclosure list`.
struct DisclosureListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the disclosure log, latest first.")

    @Option(help: ArgumentHelp("Only this person's.", valueName: "ID")) var subject: String?
    @Flag(help: "Only those made without telling the person, who has not been told yet.") var awaitingTelling = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let subjectID = try subject.map { text in
            guard let id = UUID(uuidString: text) else {
                throw ValidationError("--subject: '\(text)' is not a subject id")
            }
            return id
        }
        let disclosures = try await store.withVault { vault in
            try await Disclosures(vault: vault).list(subject: subjectID)
        }
        for disclosure in disclosures where !awaitingTelling || disclosure.awaitsTelling {
            print(DisclosureLine.text(disclosure))
        }
    }
}

/// `custos disclosure show ID`.
struct DisclosureShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a disclosure and why it was made (audited).")

    @OptionGroup var disclosure: DisclosureIDArgument
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try disclosure.id
        let (shown, text) = try await store.withVault { vault in
            try await Disclosures(vault: vault).show(id, actor: CommandActor.current)
        }
        print(DisclosureLine.text(shown))
        print("Records: \(shown.facts.recordTypes.joined(separator: ", "))")
        if !shown.facts.categories.isEmpty { print("Only: \(shown.facts.categories.joined(separator: ", "))") }
        if let purpose = shown.facts.purpose { print("Purpose: \(purpose)") }
        print("Ground: \(shown.facts.ground)")
        print("Decided by: \(shown.decidedBy)")
        print("Reason: \(text.reason)")
    }
}

/// How a disclosure reads on the command line.
enum DisclosureLine {
    /// One line: id, day, recipient, subject, whether the person is still to be told.
    static func text(_ disclosure: StoredDisclosure) -> String {
        let recipient =
            disclosure.recipientID.map { "\(disclosure.recipientName) [\($0)]" }
            ?? "\(disclosure.recipientName) (\(disclosure.recipientKind?.title ?? "other"))"
        let telling =
            disclosure.awaitsTelling
            ? "  person not yet told"
            : disclosure.toldOn.map { "  person told \($0.iso)" } ?? ""
        return
            "\(disclosure.id.uuidString)  \(disclosure.disclosedOn.iso)  to \(recipient)  subject \(disclosure.subjectID.uuidString)\(telling)"
    }
}
