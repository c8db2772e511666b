import CustosTestSupport
import Foundation
import Testing

@Suite("custos policy")
struct PolicyCommandTests {
    @Test("check exits 1 on errors, naming file, line and rule")
    func checkWithErrors() throws {
        let result = try Custos.run("policy", "check", "Examples/bep.yaml")
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "bep.yaml:315:10: error: [sar-fee] A fee is charged for every subject access request."))
        #expect(
            result.output.hasSuffix(
                "bep.yaml: 7 errors, 9 warnings — policy sha256:\(result.output.suffix(13).prefix(12))\n"))
        #expect(result.error.isEmpty)
    }

    @Test("check exits 0 when there are only warnings")
    func checkWarningsOnly() throws {
        let result = try Custos.run("policy", "check", "Examples/hutton.yaml")
        #expect(result.status == 0)
        #expect(result.output.contains("hutton.yaml: 0 errors, 18 warnings"))
    }

    @Test("check --format json reports every finding with its place")
    func checkJSON() throws {
        let result = try Custos.run("policy", "check", "Examples/ashe.yaml", "--format", "json")
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(report["loaded"] as? Bool == true)
        #expect(report["errors"] as? Int == 5, "Examples/README.md lists 5 errors for ASHE")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let para16 = try #require(findings.first { $0["rule"] as? String == "schedule1-para16-body" })
        #expect(para16["path"] as? String == "purposes[1].special_category.schedule1")
        #expect(para16["line"] as? Int != nil)
        #expect(para16["reference"] as? String == "DPA 2018 Sch 1 Pt 2 para 16")
    }

    @Test("a malformed policy gets line and column, never a crash or stack trace")
    func malformed() async throws {
        try await withTemporaryFolder { folder in
            let cases = [
                "format: 1\ncontroller: [oops\n",
                "format: 1\ncontroller:\n  name: X\n  kind: skool\n",
                try String(contentsOf: Repository.example("hutton"), encoding: .utf8).replacingOccurrences(
                    of: "purposes: [education, statutory_returns]", with: "purposes: [education, statutory_return]"),
            ]
            for (index, text) in cases.enumerated() {
                let file = folder.appendingPathComponent("bad\(index).yaml")
                try text.write(to: file, atomically: true, encoding: .utf8)
                for command in [["policy", "check"], ["policy", "notice"], ["policy", "ropa"]] {
                    let result = try Custos.run(command + [file.path])
                    #expect(result.status == 1, "\(command) on case \(index)")
                    let text = result.output + result.error
                    #expect(
                        text.range(of: #"bad\#(index)\.yaml:\d+:\d+: error: "#, options: .regularExpression) != nil,
                        "\(text)")
                    #expect(!text.contains("Fatal error") && !text.contains("Stack dump") && !text.contains("0x0000"))
                }
            }
            let missing = try Custos.run("policy", "check", folder.appendingPathComponent("none.yaml").path)
            #expect(missing.status == 1)
            #expect(missing.output.contains("none.yaml: error: no such file"))
            let binary = folder.appendingPathComponent("binary.yaml")
            try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: binary)
            #expect(try Custos.run("policy", "check", binary.path).output.contains("the file is not UTF-8 text"))
        }
    }

    @Test("usage errors exit 2; help exits 0")
    func usage() throws {
        #expect(try Custos.run("policy", "check").status == 2)
        #expect(try Custos.run("policy", "notice", "Examples/ashe.yaml", "--format", "pdf").status == 2)
        #expect(try Custos.run("policy", "export", "Examples/ashe.yaml").status == 2)
        #expect(try Custos.run("frobnicate").status == 2)
        let help = try Custos.run("--help")
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: custos <subcommand>"))
    }

    @Test("notice refuses, listing what is missing, and exits 1")
    func noticeRefuses() async throws {
        try await withTemporaryFolder { folder in
            let text = try String(contentsOf: Repository.example("ashe"), encoding: .utf8)
                .replacingOccurrences(of: "    lawful_basis: legal_obligation\n", with: "")
            let file = folder.appendingPathComponent("ashe.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try Custos.run(
                "policy", "notice", file.path, "-o", folder.appendingPathComponent("out.html").path)
            #expect(result.status == 1)
            #expect(result.error.contains("ashe.yaml: The privacy notice cannot be produced; these items are missing:"))
            #expect(result.error.contains("The purpose 'legal_disclosure' has no lawful basis."))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.html").path))
        }
    }

    @Test("notice, ropa and export write their files")
    func writesFiles() async throws {
        try await withTemporaryFolder { folder in
            let html = folder.appendingPathComponent("notice.html")
            #expect(try Custos.run("policy", "notice", "Examples/hutton.yaml", "-o", html.path).status == 0)
            #expect(try String(contentsOf: html, encoding: .utf8).contains("<html lang=\"en-GB\">"))
            let markdown = try Custos.run("policy", "notice", "Examples/hutton.yaml", "--format", "md")
            #expect(markdown.output.hasPrefix("# Privacy notice"))

            let csv = folder.appendingPathComponent("ropa.csv")
            #expect(try Custos.run("policy", "ropa", "Examples/asset.yaml", "-o", csv.path).status == 0)
            let lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n")
            #expect(lines[8].hasPrefix("Business function,Purpose of processing,"))

            let fides = folder.appendingPathComponent("fides")
            let export = try Custos.run(
                "policy", "export", "Examples/asset.yaml", "--format", "fideslang", "-o", fides.path)
            #expect(export.status == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: fides.path).sorted()
            #expect(files == ["dataset.yml", "organization.yml", "system.yml", "taxonomy.yml"])
            let combined = try Custos.run("policy", "export", "Examples/asset.yaml", "--format", "fideslang")
            #expect(combined.output.hasPrefix("organization:\n- fides_key: asset\n"))
        }
    }

    @Test("-o to a device or pipe writes into it and leaves it in place")
    func writesIntoPipes() async throws {
        try await withTemporaryFolder { folder in
            let fifo = folder.appendingPathComponent("notice.fifo")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            // Read the pipe while custos writes into it.
            let reader = Task.detached {
                let handle = try FileHandle(forReadingFrom: fifo)
                return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            }
            let result = try Custos.run("policy", "notice", "Examples/ashe.yaml", "--format", "md", "-o", fifo.path)
            #expect(result.status == 0, "\(result.error)")
            #expect(try await reader.value.hasPrefix("# Privacy statement"))
            let type = try FileManager.default.attributesOfItem(atPath: fifo.path)[.type] as? FileAttributeType
            #expect(type != nil && type != .typeRegular, "the pipe is still a pipe")
            #expect(try Custos.run("policy", "ropa", "Examples/ashe.yaml", "-o", "-").output.hasPrefix(",Controller,"))
        }
    }

    @Test("rules lists every rule with its reference")
    func rules() throws {
        let result = try Custos.run("policy", "rules")
        #expect(result.status == 0)
        #expect(
            result.output.contains(
                "sar-fee (error): No fee is charged for an ordinary subject access request. [UK GDPR Art 12(5), 15(3)]")
        )
        #expect(result.output.split(separator: "\n").count == 39)
    }
}
