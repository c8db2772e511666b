import ArgumentParser
import CustosServices
import Foundation

/// `custos subject find (--email X | --upn X | --phone X | --uln X | --identifier KIND=VALUE)`.
struct SubjectFindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Find people by an identifier; prints their ids.",
        discussion: "The search goes through keyed blind indexes: no identifier is stored in plain text.")

    @Option var email: String?
    @Option var phone: String?
    @Option var upn: String?
    @Option var uln: String?
    @Option(help: ArgumentHelp("Another identifier field, e.g. staff_number=S123.", valueName: "FIELD=VALUE"))
    var identifier: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        let given = [email, phone, upn, uln, identifier].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError("give exactly one of --email, --phone, --upn, --uln, --identifier")
        }
    }

    func run() async throws {
        let (kind, value): (String, String)
        if let email {
            (kind, value) = ("email", email)
        } else if let phone {
            (kind, value) = ("phone", phone)
        } else if let upn {
            (kind, value) = ("upn", upn)
        } else if let uln {
            (kind, value) = ("uln", uln)
        } else {
            (kind, value) = try NameValueArgument.split(identifier ?? "", option: "--identifier", shape: "FIELD=VALUE")
            guard !value.isEmpty else { throw ValidationError("--identifier: write FIELD=VALUE") }
        }
        let ids = try await store.withVault { vault in try await vault.subjectIDs(identifierKind: kind, value: value) }
        guard !ids.isEmpty else { throw CommandFailure(message: "no one has that \(kind)") }
        for id in ids { print(id.uuidString.lowercased()) }
    }
}
