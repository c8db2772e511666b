import ArgumentParser
import CustosCore

/// `custos policy rules`: the rules the linter checks.
struct PolicyRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules 'policy check' applies, with their legal references.")

    func run() async throws {
        for rule in PolicyLinter.standardRules {
            print("\(rule.id) (\(rule.severity.rawValue)): \(rule.summary) [\(rule.reference)]")
        }
    }
}
