import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos preferences-link --subject ID`: a signed link to the person's preferences page, for
/// staff to send when someone asks by phone or letter.
struct PreferencesLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preferences-link",
        abstract: "Print a signed, expiring link to a person's preferences page.")

    @OptionGroup var subject: SubjectOption
    @Option(help: "Days the link works.") var days = 7
    @OptionGroup var publicURL: PublicURLOption
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...90).contains(days) else { throw ValidationError("--days: give 1 to 90") }
    }

    func run() async throws {
        let id = try subject.id
        let link = try await store.withVault { vault in
            _ = try await Contacts(vault: vault).preferences(of: id)
            return PrivacyCentreLinks(
                publicURL: try publicURL.checked(), workspaceName: vault.workspace.name, signer: vault.links
            ).preferences(subject: id, expiresAt: Date().addingTimeInterval(TimeInterval(days) * 86_400))
        }
        print(link)
    }
}
