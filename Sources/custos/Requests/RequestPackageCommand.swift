import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request package ID --out FILE`: the zip a person receives for an access request, or a
/// parent for a request for the educational record.
struct RequestPackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract:
            "Write the access package for an access request (or the inspection copy for a request for the educational record): report.html, data.json and records.csv in a zip.",
        discussion: "The file holds the person's data in clear: it is written readable by its owner only.")

    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("Where to write the zip.", valueName: "file")) var out: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let zip = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Requests(vault: vault).package(id, actor: CommandActor.current)
        }
        try OwnerOnlyFile.write(zip, to: out)
        print(out)
    }
}
