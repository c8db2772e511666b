import ArgumentParser
import CustosCore
import Foundation

/// `custos policy check FILE`: the linter. Exit 1 when there are errors (warnings alone pass).
struct PolicyCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a policy against UK GDPR, the DPA 2018 and PECR.",
        discussion: "Exits 1 when the policy cannot be read or breaks a rule of severity error; warnings alone exit 0.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The policy file (YAML).")
    var file: String

    @Option(help: "text or json.")
    var format: Format = .text

    func run() async throws {
        let report: CheckReport
        do {
            let loaded = try PolicyLoader.load(contentsOf: URL(fileURLWithPath: file))
            report = CheckReport(loaded: loaded, findings: PolicyLinter().findings(for: loaded))
        } catch {
            report = CheckReport(loadError: error)
        }
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(try report.json())
        }
        if !report.passes { throw CommandFailure(message: "") }
    }
}
