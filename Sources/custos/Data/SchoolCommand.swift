import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos school add|list`: the schools people belong to.
struct SchoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school", abstract: "Add and list schools.",
        subcommands: [SchoolAddCommand.self, SchoolListCommand.self])
}

struct SchoolAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a school.")

    @Option var name: String
    @Option(help: "The GIAS URN (6 digits).") var urn: String?
    @Option(help: "The local authority code (3 digits).") var laCode: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let urn, let problem = SchoolURN.problem(with: urn) { throw ValidationError("--urn: \(problem)") }
        if let laCode, Int(laCode).map(UniquePupilNumber.isValidLACode) != true || laCode.count != 3 {
            throw ValidationError("--la-code: not a local authority code")
        }
    }

    func run() async throws {
        let school = try await store.withVault { vault in
            try await vault.addSchool(name: name, urn: urn, laCode: laCode, actor: CommandActor.current)
        }
        print("Added \(school.name) (\(school.id.uuidString.lowercased())).")
    }
}

struct SchoolListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the schools.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let schools = try await store.withInstallation { installation in
            try await installation.schools(in: installation.resolveWorkspace(self.store.workspace))
        }
        for school in schools {
            print(
                [school.id.uuidString.lowercased(), school.urn ?? "-", school.laCode ?? "-", school.name].joined(
                    separator: "  "))
        }
    }
}
