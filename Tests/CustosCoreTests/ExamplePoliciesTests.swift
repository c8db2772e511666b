import CSV
import CustosCore
import CustosTestSupport
import Foundation
import Testing

/// The five example policies, one per seed notice: they check, render, export and validate, and
/// their findings are exactly those Examples/README.md lists.
@Suite("The example policies")
struct ExamplePoliciesTests {
    static func load(_ name: String) throws -> LoadedPolicy {
        try PolicyLoader.load(contentsOf: Repository.example(name))
    }

    /// The findings Examples/README.md lists for an example, as `severity rule@path`.
    static func documentedFindings(of name: String) throws -> [String] {
        let readme = try String(
            contentsOf: Repository.root.appendingPathComponent("Examples/README.md"), encoding: .utf8)
        var rows: [String] = []
        var inSection = false
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("#") {
                inSection = line == "### \(name).yaml"
                continue
            }
            guard inSection, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let rule = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let path = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            rows.append("\(cells[2]) \(rule)@\(path)")
        }
        return rows
    }

    @Test("the linter finds exactly what Examples/README.md lists", arguments: Repository.exampleNames)
    func findingsMatchTheReadme(_ name: String) throws {
        let documented = try Self.documentedFindings(of: name)
        #expect(!documented.isEmpty, "Examples/README.md has no table for \(name).yaml")
        let found = PolicyLinter().findings(for: try Self.load(name)).map { "\($0.severity.rawValue) \($0.key)" }
        #expect(Set(found).subtracting(documented).sorted() == [], "found but not listed in Examples/README.md")
        #expect(Set(documented).subtracting(found).sorted() == [], "listed in Examples/README.md but not found")
        #expect(found.count == documented.count)
    }

    @Test("the notice renders as accessible HTML, grouped by kind of person", arguments: Repository.exampleNames)
    func noticeRendersHTML(_ name: String) throws {
        let loaded = try Self.load(name)
        let policy = loaded.policy
        let html = PrivacyNoticeRenderer().render(try PrivacyNoticeBuilder().notice(for: loaded), as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<main id=\"main\">"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(!html.contains("<table>\n<thead>"), "every table has a caption")
        #expect(html.contains("<th scope=\"col\">"))
        #expect(!html.contains("{{"), "no template tag is left unrendered")
        for subject in policy.subjects where !policy.fields(about: subject).isEmpty {
            #expect(html.contains("<h2 id=\"\(subject.id)\">"), "a section for \(subject.id)")
        }
        for purpose in policy.purposes where !policy.subjects(of: purpose).isEmpty {
            #expect(html.contains(escapeHTML(purpose.name)), "purpose \(purpose.id) is explained")
        }
        #expect(html.contains("Information Commissioner"))
        #expect(html.contains("Policy version sha256:\(loaded.contentHash.prefix(12))"))
    }

    @Test("the notice renders as Markdown", arguments: Repository.exampleNames)
    func noticeRendersMarkdown(_ name: String) throws {
        let loaded = try Self.load(name)
        let markdown = PrivacyNoticeRenderer().render(try PrivacyNoticeBuilder().notice(for: loaded), as: .md)
        #expect(markdown.hasPrefix("# "))
        #expect(markdown.contains("## Who we are"))
        #expect(markdown.contains("## Making a request"))
        #expect(markdown.contains("| Information | How long | Why this long |"))
        #expect(!markdown.contains("{{"))
        #expect(!markdown.contains("&amp;") && !markdown.contains("&#39;"), "Markdown is not HTML-escaped")
    }

    @Test("the ROPA has the ICO template's columns, one row per purpose", arguments: Repository.exampleNames)
    func ropa(_ name: String) throws {
        let policy = try Self.load(name).policy
        let rows = try CSVRows.parse(ROPACSVWriter().csv(RecordOfProcessing(policy: policy)))
        #expect(
            rows[0] == ["", "Controller", "Data Protection Officer (if applicable)", "Representative (if applicable)"])
        #expect(rows[1][1] == policy.controller.name)
        #expect(rows[8] == RecordOfProcessing.columns)
        #expect(rows[8].count == 30)
        let data = Array(rows.dropFirst(9))
        #expect(data.count == policy.purposes.count)
        for (row, purpose) in zip(data, policy.purposes) {
            #expect(row.count == 30)
            #expect(row[1].hasPrefix(purpose.name))
            #expect(row[11].hasPrefix("UK GDPR Art 6(1)("))
        }
    }

    @Test(
        "the fideslang export validates with the fideslang package", .enabled(if: ExternalTools.pythonTestsEnabled),
        arguments: Repository.exampleNames)
    func fideslangValidates(_ name: String) throws {
        let report = try FideslangValidation.validate(FideslangExport(policy: try Self.load(name).policy))
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("\"valid\": true"))
    }
}

/// Reads CSV text back with CSV.swift.
enum CSVRows {
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        let reader = try CSVReader(string: text)
        while let row = reader.next() { rows.append(row) }
        return rows
    }
}

func escapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

/// Runs scripts/validate-fideslang.py on an export written to a temporary folder.
enum FideslangValidation {
    static func write(_ export: FideslangExport) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-fides-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for manifest in try export.manifests() {
            try manifest.yaml.write(
                to: folder.appendingPathComponent(manifest.fileName), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func validate(_ export: FideslangExport) throws -> (status: Int32, output: String) {
        try validate(folder: write(export))
    }

    static func validate(folder: URL) throws -> (status: Int32, output: String) {
        defer { try? FileManager.default.removeItem(at: folder) }
        let python = try #require(ExternalTools.python, "CUSTOS_PYTHON is not set: run the tests with scripts/test.sh")
        return try ExternalTools.run(python, [Repository.script("validate-fideslang.py").path, folder.path])
    }
}
