import CustosTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The README's first command: `swift run custos demo` serves an example workspace.
@Suite("custos demo")
struct DemoCommandTests {
    /// Posts the sign-in form with the demo's password; the status and where it leads.
    static func signIn(_ email: String, port: Int) throws -> String {
        let signIn = ChildProcess()
        signIn.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        signIn.arguments = [
            "-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "--data-urlencode", "email=\(email)",
            "--data-urlencode", "password=custos demo password", "http://127.0.0.1:\(port)/console/sign-in",
        ]
        let answer = Pipe()
        signIn.standardOutput = answer
        try signIn.start()
        signIn.waitUntilExit()
        return String(decoding: answer.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test("the demo serves the example's notice and its console, and stops cleanly on Ctrl-C")
    func demoServes() async throws {
        try await withTemporaryFolder { folder in
            let port = Int.random(in: 20_000...40_000)
            let data = folder.appendingPathComponent("demo")
            let process = try Custos.makeProcess([
                "demo", "--example", "hutton", "--port", "\(port)", "--data", data.path,
            ])
            let output = try OutputFile()
            process.standardOutput = output.handle
            process.standardError = output.handle
            try process.start()
            defer { if process.isRunning { process.terminate() } }

            let notice = try await Self.fetch("http://127.0.0.1:\(port)/privacy/hutton", whileRunning: process)
            #expect(notice.status == 200)
            #expect(notice.body.contains("<h1>Privacy notice</h1>"))
            #expect(notice.body.contains("Hutton All Saints&#39; Church of England Primary School"))
            let banner = try output.text()
            #expect(banner.contains("Custos demo is running."))
            #expect(banner.contains("Privacy notice:  http://127.0.0.1:\(port)/privacy/hutton"))
            #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("custos.sqlite").path))
            #expect(banner.contains("Staff console:   http://127.0.0.1:\(port)/console"))
            #expect(banner.contains("with the password: custos demo password"))

            // The README's login works: staff go straight to the dashboard; Hutton's policy asks its
            // DPO to set up an authenticator app first.
            #expect(try Self.signIn("staff@demo.example", port: port) == "303 http://127.0.0.1:\(port)/console")
            #expect(
                try Self.signIn("dpo@demo.example", port: port) == "303 http://127.0.0.1:\(port)/console/sign-in/enrol")

            process.interrupt()
            await process.waitForExit()
            #expect(process.terminationStatus == 0)
        }
    }

    @Test(
        "each example's demo is full of made-up people, and its dashboard shows work due",
        arguments: ["ashe", "west-herts", "bep", "asset", "hutton"])
    func demoPeople(_ example: String) async throws {
        try await withTemporaryFolder { folder in
            let port = Int.random(in: 20_000...40_000)
            let process = try Custos.makeProcess([
                "demo", "--example", example, "--port", "\(port)", "--data", folder.appendingPathComponent("demo").path,
            ])
            let output = try OutputFile()
            process.standardOutput = output.handle
            process.standardError = output.handle
            try process.start()
            defer { if process.isRunning { process.terminate() } }
            _ = try await Self.fetch("http://127.0.0.1:\(port)/console/sign-in", whileRunning: process)
            let banner = try output.text()
            let people = banner.split(separator: "\n").first { $0.contains("People:") }
            let records = people.flatMap { $0.split(separator: " ").compactMap { Int($0) }.first } ?? 0
            #expect(records >= 40, "\(people ?? "no People line")")

            // Staff sign in with the README's password and see the requests and the complaint.
            let jar = folder.appendingPathComponent("cookies").path
            let curl = ChildProcess()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = [
                "-s", "-L", "-c", jar, "-b", jar, "--data-urlencode", "email=staff@demo.example",
                "--data-urlencode", "password=custos demo password", "http://127.0.0.1:\(port)/console/sign-in",
            ]
            let page = Pipe()
            curl.standardOutput = page
            try curl.start()
            let dashboard = String(decoding: page.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            curl.waitUntilExit()
            #expect(dashboard.contains("<h1>What is due</h1>"))
            #expect(dashboard.contains("<strong>2</strong> open requests"))
            #expect(dashboard.contains("<strong>1</strong> complaint to acknowledge, of 1 open"))
            #expect(dashboard.contains("Requests due in the next eight weeks"))
            if example == "bep" {
                // BEP's school leader signs in too, and its registration form is served.
                #expect(banner.contains("school_leader@demo.example"))
                #expect(try Self.signIn("school_leader@demo.example", port: port).hasPrefix("303 "))
                let form = try await Self.fetch("http://127.0.0.1:\(port)/privacy/bep/register", whileRunning: process)
                #expect(form.status == 200 && form.body.contains("<option value=\"100001\">Basildon Academy</option>"))
            }
            if example == "asset" {
                // ASSET's consultant signs in to the attendees of the first demo course.
                #expect(banner.contains("trainer@demo.example"))
                #expect(try Self.signIn("trainer@demo.example", port: port).hasPrefix("303 "))
            }
            process.interrupt()
            await process.waitForExit()
        }
    }

    @Test("the demo never empties a folder that is not its own")
    func demoProtectsOtherFolders() async throws {
        try await withTemporaryFolder { folder in
            try "keep me".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
            let result = try Custos.run("demo", "--data", folder.path, "--port", "1")
            #expect(result.status == 1)
            #expect(result.error.contains("exists and is not a demo folder"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
        }
    }

    /// GETs `url`, retrying while the server starts.
    /// Servers start in a few seconds, but on two cores busy with the whole suite, several demos
    /// starting at once (each hashing its users' passwords) can take far longer.
    static func fetch(_ url: String, whileRunning process: ChildProcess) async throws -> (status: Int, body: String) {
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            #expect(process.isRunning, "the demo exited early")
            if !process.isRunning { break }
            do {
                let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
                return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
            } catch {
                try await Task.sleep(for: .milliseconds(250))
            }
        }
        throw ServerDidNotAnswer(url: url)
    }

    /// The server did not answer within the time ``fetch(_:whileRunning:)`` waits.
    struct ServerDidNotAnswer: Error, CustomStringConvertible {
        var url: String
        var description: String { "nothing answered at \(url) within 180 seconds" }
    }
}
