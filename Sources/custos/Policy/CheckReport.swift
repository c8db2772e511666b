import CustosCore
import Foundation

/// What `policy check` found, in either format.
struct CheckReport: Encodable {
    struct Problem: Encodable {
        var line: Int?
        var column: Int?
        var path: String?
        var message: String
    }

    var file: String
    var contentHash: String?
    var loaded: Bool
    var errors: Int
    var warnings: Int
    var findings: [PolicyFinding]
    var problems: [Problem]

    init(loaded policy: LoadedPolicy, findings: [PolicyFinding]) {
        file = policy.fileName
        contentHash = policy.contentHash
        loaded = true
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        self.findings = findings
        problems = []
    }

    init(loadError: PolicyLoadError) {
        file = loadError.file
        loaded = false
        errors = loadError.problems.count
        warnings = 0
        findings = []
        problems = loadError.problems.map {
            Problem(
                line: $0.location?.line, column: $0.location?.column, path: $0.path?.description, message: $0.message)
        }
    }

    var passes: Bool { loaded && errors == 0 }

    var text: String {
        var lines: [String] = []
        if loaded {
            for finding in findings {
                let place = finding.line.map { "\(file):\($0):\(finding.column ?? 1)" } ?? file
                lines.append(
                    "\(place): \(finding.severity.rawValue): [\(finding.rule)] \(finding.message) (\(finding.reference))"
                )
            }
            let version = contentHash.map { " — policy sha256:\($0.prefix(12))" } ?? ""
            lines.append("\(file): \(count(errors, "error")), \(count(warnings, "warning"))\(version)")
        } else {
            for problem in problems {
                let place = problem.line.map { "\(file):\($0):\(problem.column ?? 1)" } ?? file
                let path = problem.path.map { "\($0): " } ?? ""
                lines.append("\(place): error: \(path)\(problem.message)")
            }
            lines.append("\(file): cannot be read as a policy (\(count(errors, "problem")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
