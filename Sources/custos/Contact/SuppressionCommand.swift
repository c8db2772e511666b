import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos suppression add|check|count`: addresses never to be contacted.
struct SuppressionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppression", abstract: "Keep addresses from ever being contacted.",
        discussion: """
            The list holds keyed hashes of email addresses and phone numbers, never the addresses. It \
            survives the erasure of the person and re-imports from other systems.
            """,
        subcommands: [
            SuppressionAddCommand.self, SuppressionCheckCommand.self, SuppressionCountCommand.self,
            SuppressionTPSCommand.self,
        ])
}

/// `custos suppression tps FILE`: the Telephone Preference Service list marketing calls are screened against.
struct SuppressionTPSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tps",
        abstract:
            "Import the Telephone Preference Service list (one number a line) that marketing calls are screened against.",
        discussion: """
            PECR reg 21: a marketing call without the person's consent goes only to a number screened against the TPS \
            (or Corporate TPS) within the last 28 days and not on it. The list replaces the one before and is kept \
            as keyed hashes; until one is imported, and 28 days after the last, the contact decision refuses such \
            calls (tps_not_screened), and numbers on it are refused (tps_registered).
            """)

    @Argument(help: ArgumentHelp("The list: one number a line.", valueName: "FILE")) var file: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
        } catch {
            throw ValidationError("FILE: cannot read '\(file)'")
        }
        let count = try await store.withVault { vault in
            try await Contacts(vault: vault).importTelephonePreferenceList(text, actor: CommandActor.current)
        }
        print("\(count) numbers on the TPS list; marketing calls are screened against it for 28 days")
    }
}

/// `--email X | --phone X`.
struct AddressOptions: ParsableArguments {
    @Option var email: String?
    @Option var phone: String?

    func validate() throws {
        guard (email == nil) != (phone == nil) else { throw ValidationError("give one of --email or --phone") }
    }

    var address: (kind: String, value: String) {
        if let email { ("email", email) } else { ("phone", phone ?? "") }
    }
}

struct SuppressionAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Put an address on the list.")

    @OptionGroup var address: AddressOptions
    @Option(help: "marketing, or all (every message).") var scope: SuppressionScope = .all
    @Option(help: "opt_out, objection, erasure or manual.") var reason: SuppressionReason = .manual
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (kind, value) = address.address
        try await store.withVault { vault in
            try await Contacts(vault: vault).suppress(
                kind: kind, value: value, scope: scope, reason: reason, actor: CommandActor.current)
        }
        print("The \(kind) is suppressed for \(scope == .all ? "every message" : "marketing").")
    }
}

struct SuppressionCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Say whether an address is on the list; exits 1 when it is.")

    @OptionGroup var address: AddressOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (kind, value) = address.address
        let scope = try await store.withVault { vault in
            try await Contacts(vault: vault).suppression(kind: kind, value: value)
        }
        guard let scope else {
            print("Not suppressed.")
            return
        }
        print("Suppressed for \(scope == .all ? "every message" : "marketing").")
        throw ExitCode(1)
    }
}

struct SuppressionCountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Count the addresses on the list, by reason.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let counts = try await store.withInstallation { installation in
            try await installation.suppressionCounts(in: installation.resolveWorkspace(self.store.workspace))
        }
        for reason in SuppressionReason.allCases { print("\(reason.rawValue)  \(counts[reason] ?? 0)") }
    }
}
