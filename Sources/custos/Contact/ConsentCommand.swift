import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos consent record|withdraw|opt-out|show`: the consent ledger.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record and withdraw consent, and show a person's ledger.",
        discussion: """
            Each consent and withdrawal is a new entry in the person's ledger, with the wording shown, the \
            policy version in force, the source and who recorded it; nothing is rewritten. Leaving out \
            --channel or --list covers every channel or list of the purpose.
            """,
        subcommands: [
            ConsentRecordCommand.self, ConsentWithdrawCommand.self, ConsentOptOutCommand.self, ConsentShowCommand.self,
        ])
}

/// `custos consent record`.
struct ConsentRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a consent given.")

    @OptionGroup var entry: ConsentEntryOptions
    @OptionGroup var store: StoreOptions

    func run() async throws { try await entry.record(.given, store: store) }
}

/// `custos consent withdraw`.
struct ConsentWithdrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Record a consent withdrawn.")

    @OptionGroup var entry: ConsentEntryOptions
    @OptionGroup var store: StoreOptions

    func run() async throws { try await entry.record(.withdrawn, store: store) }
}

/// What `consent record` and `consent withdraw` take.
struct ConsentEntryOptions: ParsableArguments {
    @OptionGroup var subject: SubjectOption
    @Option(help: "The policy purpose.") var purpose: String
    @Option(help: "email, sms, phone, post or fax (default: every channel of the purpose).")
    var channel: MarketingChannel?
    @Option(help: "The list (default: every list of the purpose).") var list: String?
    @Option(help: "How it reached you: \(ConsentSource.allCases.map(\.rawValue).joined(separator: ", ")).")
    var source: ConsentSource
    @Option(help: "The words shown (default: the policy's wording for the purpose).") var wording: String?

    func record(_ action: ConsentAction, store: StoreOptions) async throws {
        let id = try subject.id
        let entry = try await store.withVault { vault in
            try await Contacts(vault: vault).record(
                action, subject: id, purpose: purpose, channel: channel, list: list, wording: wording,
                source: source, actor: CommandActor.current)
        }
        print(ConsentText.line(entry))
    }
}

/// `custos consent opt-out`: withdraw from all marketing at once.
struct ConsentOptOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opt-out",
        abstract: "Withdraw every marketing consent and suppress the person's addresses for marketing.",
        discussion: "Administrative messages (a booking changed) still go.")

    @OptionGroup var subject: SubjectOption
    @Option(help: "How it reached you.") var source: ConsentSource
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try subject.id
        let entries = try await store.withVault { vault in
            try await Contacts(vault: vault).optOutOfMarketing(subject: id, source: source, actor: CommandActor.current)
        }
        for entry in entries { print(ConsentText.line(entry)) }
    }
}

/// `custos consent show`: the person's ledger and processing states.
struct ConsentShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a person's consent ledger and processing states, oldest first.")

    @OptionGroup var subject: SubjectOption
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try subject.id
        let (entries, states) = try await store.withVault { vault in
            let contacts = Contacts(vault: vault)
            return (try await contacts.consents(of: id), try await contacts.processingStates(of: id))
        }
        if entries.isEmpty { print("No consent recorded.") }
        for entry in entries { print(ConsentText.line(entry)) }
        for state in states {
            print(
                "\(state.recordedAt.formatted(.iso8601))  processing \(state.state.rawValue)  \(state.purpose ?? "every purpose")  by \(state.recordedBy): \(state.reason)"
            )
        }
    }
}

/// One ledger entry as a line.
enum ConsentText {
    static func line(_ entry: ConsentEntry) -> String {
        [
            entry.recordedAt.formatted(.iso8601), entry.action.rawValue, entry.purpose,
            "channel \(entry.channel?.rawValue ?? "all")", "list \(entry.list ?? "all")",
            "source \(entry.source.rawValue)", "policy v\(entry.policyVersion)", "by \(entry.recordedBy)",
        ].joined(separator: "  ")
    }
}
