import ArgumentParser
import CustosCore
import Foundation

/// `custos policy export FILE --format fideslang`: organization, system, dataset and taxonomy manifests.
struct PolicyExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the policy as fideslang manifests.",
        discussion:
            "With -o DIR, writes organization.yml, system.yml, dataset.yml and taxonomy.yml; otherwise prints one combined manifest."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case fideslang
    }

    @Argument(help: "The policy file (YAML).")
    var file: String

    @Option(help: "The export format: fideslang.")
    var format: Format

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The organization's fides key; made from the controller's name by default.", valueName: "KEY"))
    var organizationKey: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the manifests into this folder.", valueName: "DIR"))
    var output: String?

    func run() async throws {
        let loaded = try PolicyFile.load(file)
        let export = FideslangExport(policy: loaded.policy, organizationKey: organizationKey)
        guard let output else {
            try Console.write(export.combinedManifest(), to: nil)
            return
        }
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(message: "cannot create \(output): \(error.localizedDescription)")
        }
        for manifest in try export.manifests() {
            try Console.write(manifest.yaml, to: folder.appendingPathComponent(manifest.fileName).path)
        }
        print("Wrote \(try export.manifests().map(\.fileName).joined(separator: ", ")) to \(output)")
    }
}
