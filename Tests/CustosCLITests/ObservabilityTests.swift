import CustosTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What an operator watches, from a running server: `/metrics` (behind its token, or on an address
/// of its own), `/readyz`, request ids, and JSON log lines.
@Suite("custos serve is observed: metrics, readiness, request ids, JSON logs")
struct ObservabilityTests {
    static let token = "metrics-token-of-the-test-0123456789"

    /// Starts the demo with `environment` and extra arguments; the process and its standard error.
    static func demo(
        in folder: URL, port: Int, environment: [String: String], arguments: [String] = []
    ) throws -> (ChildProcess, OutputFile) {
        let process = try Custos.makeProcess(
            ["demo", "--example", "bep", "--port", "\(port)", "--data", folder.appendingPathComponent("demo").path]
                + arguments)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, set in set }
        let errors = try OutputFile()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors.handle
        try process.start()
        return (process, errors)
    }

    /// GETs `url` with `headers`: status, headers and body.
    static func get(_ url: String, headers: [String: String] = [:]) async throws -> (Int, [AnyHashable: Any], String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.allHeaderFields, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "/metrics answers its token only, counts requests by route and the casework by kind, and holds no personal data"
    )
    func protectedMetrics() async throws {
        try await withTemporaryFolder { folder in
            let port = Int.random(in: 20_000...40_000)
            let (process, errors) = try Self.demo(
                in: folder, port: port, environment: ["CUSTOS_METRICS_TOKEN": Self.token, "CUSTOS_LOG_FORMAT": "json"])
            defer { if process.isRunning { process.terminate() } }
            let base = "http://127.0.0.1:\(port)"
            _ = try await DemoCommandTests.fetch(base + "/privacy/bep", whileRunning: process)
            let (missingStatus, headers, _) = try await Self.get(base + "/no-such-page")
            #expect(missingStatus == 404)
            let requestID = try #require(headers["X-Request-Id"] as? String)

            #expect(try await Self.get(base + "/metrics").0 == 401)
            #expect(try await Self.get(base + "/metrics", headers: ["Authorization": "Bearer wrong"]).0 == 401)
            let (status, _, metrics) = try await Self.get(
                base + "/metrics", headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(status == 200)
            for line in [
                #"hb_requests{http_route="/privacy/{workspace}",http_request_method="GET",http_response_status_code="200"} 1"#,
                #"hb_requests{http_route="NotFound",http_request_method="GET",http_response_status_code="404"} 1"#,
                #"custos_requests_open{workspace="bep",kind="access"} 1.0"#,
                #"custos_requests_open{workspace="bep",kind="rectification"} 1.0"#,
                #"custos_requests_overdue{workspace="bep",kind="access"} 0.0"#,
                #"custos_breach_clocks_running{workspace="bep"} 0.0"#,
                #"custos_outbox_messages{workspace="bep",status="failed"} 0.0"#,
            ] {
                #expect(metrics.contains(line + "\n"), "\(line)")
            }
            #expect(metrics.contains("http_server_request_duration_bucket{"))
            // Routes are templates; no address, name or id of anyone appears.
            #expect(!metrics.contains("@"))
            #expect(!metrics.contains("Basildon Academy"))

            let (ready, _, readiness) = try await Self.get(base + "/readyz")
            #expect(ready == 200 && readiness.contains(#""status":"ready""#))

            process.interrupt()
            await process.waitForExit()
            // Each log line is a JSON object; the 404's carries the id its response sent.
            let lines = try errors.text().split(separator: "\n")
            let objects = lines.compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            #expect(!objects.isEmpty && objects.count == lines.count, "\(lines.prefix(3))")
            let logged = objects.first { $0["hb.request.id"] as? String == requestID }
            #expect(logged?["path"] as? String == "/no-such-page")
            #expect(logged?["status"] as? String == "404")
            #expect((logged?["time"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test("with an address of its own, /metrics is served there and not on the server's")
    func metricsListener() async throws {
        try await withTemporaryFolder { folder in
            let port = Int.random(in: 20_000...30_000)
            let metricsPort = port + 10_000
            let (process, _) = try Self.demo(
                in: folder, port: port, environment: [:], arguments: ["--metrics-address", "127.0.0.1:\(metricsPort)"])
            defer { if process.isRunning { process.terminate() } }
            _ = try await DemoCommandTests.fetch("http://127.0.0.1:\(port)/privacy/bep", whileRunning: process)
            #expect(try await Self.get("http://127.0.0.1:\(port)/metrics").0 == 404)
            let (status, _, metrics) = try await Self.get("http://127.0.0.1:\(metricsPort)/metrics")
            #expect(status == 200)
            #expect(metrics.contains(#"custos_requests_open{workspace="bep",kind="access"} 1.0"#))
            process.interrupt()
            await process.waitForExit()
        }
    }

    @Test("a short metrics token, a bad metrics address or an unknown log format stops the server, naming the setting")
    func badSettings() async throws {
        try await withTemporaryFolder { folder in
            for (environment, arguments, named) in [
                (["CUSTOS_METRICS_TOKEN": "short"], [String](), "CUSTOS_METRICS_TOKEN"),
                ([:], ["--metrics-address", "nowhere"], "--metrics-address"),
                (["CUSTOS_LOG_FORMAT": "xml"], [], "CUSTOS_LOG_FORMAT"),
            ] {
                let (process, errors) = try Self.demo(
                    in: folder, port: 1, environment: environment, arguments: arguments)
                await process.waitForExit()
                #expect(process.terminationStatus != 0)
                let said = try errors.text()
                #expect(said.contains(named), "\(said)")
            }
        }
    }
}
