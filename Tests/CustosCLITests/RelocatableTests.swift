import CustosTestSupport
import Foundation
import Testing

/// `custos` is one file: a copy of the binary alone, run from an empty folder far from the package,
/// still has its example policies, templates, stylesheets, scripts, holidays, fideslang taxonomy
/// and API description, because they are compiled into it.
@Suite("a copied custos runs from any folder")
struct RelocatableTests {
    @Test("a copy of the binary, alone in an empty folder, runs the demo and serves every kind of page")
    func copiedBinaryRunsTheDemo() async throws {
        let built = try #require(Repository.custosExecutable, "the custos executable is not built")
        try await withTemporaryFolder { folder in
            let bin = folder.appendingPathComponent("bin", isDirectory: true)
            let work = folder.appendingPathComponent("work", isDirectory: true)
            for made in [bin, work] {
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            }
            let custos = bin.appendingPathComponent("custos")
            try FileManager.default.copyItem(at: built, to: custos)
            #expect(try FileManager.default.contentsOfDirectory(atPath: bin.path) == ["custos"])

            let port = Int.random(in: 20_000...40_000)
            let process = try Custos.makeProcess(
                ["demo", "--example", "bep", "--port", "\(port)", "--data", "demo"], in: work, executable: custos)
            let output = try OutputFile()
            process.standardOutput = output.handle
            process.standardError = output.handle
            try process.start()
            defer { if process.isRunning { process.terminate() } }

            let base = "http://127.0.0.1:\(port)"
            let notice = try await DemoCommandTests.fetch("\(base)/privacy/bep", whileRunning: process)
            #expect(notice.status == 200 && notice.body.contains("<h1>Privacy policy</h1>"))
            let pages: [(path: String, shows: String)] = [
                ("/console/sign-in", "<h1>Sign in to Custos</h1>"),
                ("/privacy/bep/register", "Basildon Academy"),
                ("/privacy/bep/request", "How to make a request to BEP"),
                ("/assets/notice.css", "font:1.0625rem/1.55"),
                ("/assets/console.css", ".console-header"),
                ("/assets/cookies.css", ".custos-cookies"),
                ("/privacy/bep/cookies.js", "\"use strict\""),
                ("/api/v1/openapi.json", "\"openapi\": \"3.1.0\""),
            ]
            for page in pages {
                let fetched = try await DemoCommandTests.fetch(base + page.path, whileRunning: process)
                #expect(fetched.status == 200, "\(page.path)")
                #expect(fetched.body.contains(page.shows), "\(page.path)")
            }
            // The demo wrote its example beside its data, and the banner says where.
            let policy = work.appendingPathComponent("demo/bep.yaml")
            #expect(FileManager.default.fileExists(atPath: policy.path))
            #expect(try output.text().contains("Policy file:     \(policy.path)"))
            process.interrupt()
            await process.waitForExit()
            #expect(process.terminationStatus == 0)

            // The commands that read shipped data work from there too: the fideslang taxonomy, the
            // bank holidays.
            let export = try Custos.run(
                ["policy", "export", "demo/bep.yaml", "--format", "fideslang"], in: work, executable: custos)
            #expect(export.status == 0 && export.output.contains("fides_key: bep"), "\(export.error)")
            let holidays = try Custos.run(
                ["calendar", "holidays", "show", "--data", "demo"], in: work, executable: custos)
            #expect(holidays.status == 0 && holidays.output.contains("2028"), "\(holidays.error)")
        }
    }
}
