import CustosCore
import CustosTestSupport
import Foundation
import Testing

/// The documentation says what the code does.
@Suite("The documentation")
struct DocumentationTests {
    private func document(_ path: String) throws -> String {
        try String(contentsOf: Repository.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("the full example in docs/policy.md loads, renders, and has no findings")
    func policyExample() throws {
        let text = try document("docs/policy.md")
        let start = try #require(text.range(of: "## A full example"))
        let block = try #require(text[start.upperBound...].range(of: "```yaml\n"))
        let end = try #require(text[block.upperBound...].range(of: "```"))
        let loaded = try PolicyLoader.load(
            yaml: String(text[block.upperBound..<end.lowerBound]), fileName: "docs-example.yaml")
        #expect(PolicyLinter().findings(for: loaded) == [])
        _ = try PrivacyNoticeBuilder().notice(for: loaded)
    }

    @Test("docs/linter.md lists every rule with its severity and reference")
    func linterTable() throws {
        let text = try document("docs/linter.md")
        for rule in PolicyLinter.standardRules {
            #expect(
                text.contains("| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.summary) | \(rule.reference) |"),
                "\(rule.id)")
        }
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == PolicyLinter.standardRules.count)
    }

    @Test("docs/linter.md names the rules that stop the notice")
    func noticeRules() throws {
        let text = try document("docs/linter.md")
        let section = try #require(
            text.components(separatedBy: "These rules are").last?.components(separatedBy: "## ").first)
        let named = Set(section.matches(of: /`([a-z0-9-]+)`/).map { String($0.output.1) })
        #expect(named == Set(PrivacyNoticeBuilder.requiredItemRules.map(\.id)))
    }
}
