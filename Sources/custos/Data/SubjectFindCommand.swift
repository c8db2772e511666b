import ArgumentParser
import CustosServices
import Foundation

/// `custos subject find (--email X | --upn X | --phone X | --uln X | --identifier KIND=VALUE | --name TEXT)`.
struct SubjectFindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "Find people by an identifier or by name; prints their ids.",
        discussion:
            "The search goes through keyed blind indexes: no identifier or name is stored in plain text. A name matches people whose names hold every word given, whole words only, case, accents and titles aside."
    )

    @Option var email: String?
    @Option var phone: String?
    @Option var upn: String?
    @Option var uln: String?
    @Option(help: ArgumentHelp("Another identifier field, e.g. staff_number=S123.", valueName: "FIELD=VALUE"))
    var identifier: String?
    @Option(
        help: ArgumentHelp("Words of a name, e.g. \"Ann Smith\" (at most 100 people are listed).", valueName: "TEXT"))
    var name: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        let given = [email, phone, upn, uln, identifier, name].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError("give exactly one of --email, --phone, --upn, --uln, --identifier, --name")
        }
    }

    func run() async throws {
        if let name {
            let found = try await store.withVault { vault in
                try await vault.subjects(
                    named: name, reachableBy: CommandActor.user(of: vault).access, actor: CommandActor.current)
            }
            guard !found.isEmpty else { throw CommandFailure(message: "no one has a name with those words") }
            for subject in found { print(subject.id.uuidString.lowercased()) }
            return
        }
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
