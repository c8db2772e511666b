import CustosTestSupport
import Foundation
import Testing

/// One configuration: a YAML file, overridden by the environment, overridden by options; every
/// command reads it, and `custos config check` shows what is in force and where it came from.
@Suite("The configuration file")
struct ConfigCommandTests {
    @Test("config check shows each setting in force and where it came from, with secrets hidden")
    func check() async throws {
        try await withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("custos.yaml")
            try """
            server:
              port: 8123
              public_url: https://privacy.example.sch.uk
            mail:
              url: smtp+starttls://office:hunter2-secret@mail.example.sch.uk:587
            backups:
              keep_days: 14
            """.write(to: file, atomically: true, encoding: .utf8)
            let result = try Custos.run(
                ["config", "check", "--config", file.path], environment: ["CUSTOS_PUBLIC_URL": "https://other.example"])
            #expect(result.status == 0, "\(result.output)\(result.error)")
            let lines = result.output.split(separator: "\n").map(String.init)
            func line(_ key: String) -> String { lines.first { $0.hasPrefix(key + " ") } ?? "no \(key)" }
            #expect(line("server.port").contains("8123") && line("server.port").hasSuffix("file (\(file.path))"))
            #expect(line("server.public_url").contains("https://other.example"))
            #expect(line("server.public_url").hasSuffix("environment (CUSTOS_PUBLIC_URL)"))
            #expect(line("server.host").contains("127.0.0.1") && line("server.host").hasSuffix("default"))
            #expect(line("mail.url").contains("(set, hidden)"))
            #expect(!result.output.contains("hunter2"), "a secret is never printed")
            #expect(line("backups.keep_days").contains("14"))
            #expect(result.output.hasSuffix("Every setting can be used.\n"))

            let short = try Custos.run(
                ["config", "check", "--config", file.path], environment: ["CUSTOS_METRICS_TOKEN": "abc"])
            #expect(short.status == 1)
            #expect(short.output.contains("PROBLEM CUSTOS_METRICS_TOKEN: a token has at least 24 characters"))
        }
    }

    @Test("a file with a misspelt key, or not YAML, or missing, is refused naming the file and line")
    func refusals() async throws {
        try await withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("custos.yaml")
            try "server:\n  port: 8080\n  pubilc_url: https://x.example\n".write(
                to: file, atomically: true, encoding: .utf8)
            let misspelt = try Custos.run(["config", "check", "--config", file.path])
            #expect(misspelt.status == 2)
            #expect(misspelt.error.contains("\(file.path), line 3: 'server.pubilc_url' is not a setting"))
            try "mail:\n  url: smtp://office:hunter2@mail.example [unclosed\n  from: [\n".write(
                to: file, atomically: true, encoding: .utf8)
            let notYAML = try Custos.run(["config", "check", "--config", file.path])
            #expect(notYAML.status == 2)
            #expect(notYAML.error.contains("\(file.path), line "), "\(notYAML.error)")
            #expect(notYAML.error.contains("not YAML"))
            #expect(!notYAML.error.contains("hunter2"), "the file is not quoted: it may hold a password")
            let missing = try Custos.run(
                ["config", "check"], environment: ["CUSTOS_CONFIG": "/nonexistent/custos.yaml"])
            #expect(missing.status == 2)
            #expect(missing.error.contains("/nonexistent/custos.yaml: no such configuration file"))
        }
    }

    @Test("a bad value is named where it was given: the file's key, the environment variable, or the option")
    func badValuesNamedWhereGiven() async throws {
        try await withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("custos.yaml")
            let data = folder.appendingPathComponent("data").path
            try "server:\n  port: 99999\nstorage:\n  data: \(data)\nmetrics:\n  address: nowhere\n".write(
                to: file, atomically: true, encoding: .utf8)
            let fromFile = try Custos.run(["serve", "--config", file.path])
            #expect(fromFile.status != 0)
            #expect(fromFile.error.contains("server.port in \(file.path): '99999' is not a port"), "\(fromFile.error)")
            let fromEnvironment = try Custos.run(
                ["serve", "--config", file.path], environment: ["CUSTOS_PORT": "0"])
            #expect(fromEnvironment.error.contains("CUSTOS_PORT: '0' is not a port"), "\(fromEnvironment.error)")
            let fromOption = try Custos.run(["serve", "--config", file.path, "--port", "70000"])
            #expect(fromOption.error.contains("--port: '70000' is not a port"), "\(fromOption.error)")
            let metrics = try Custos.run(["serve", "--config", file.path, "--port", "8089"])
            #expect(
                metrics.error.contains("metrics.address in \(file.path): 'nowhere' is not HOST:PORT"),
                "\(metrics.error)")
            #expect(!FileManager.default.fileExists(atPath: data), "nothing was made")
            // The demo takes the file too (its metrics settings), and is stopped by the same mistake.
            let demo = try Custos.run([
                "demo", "--config", file.path, "--data", folder.appendingPathComponent("demo").path,
            ])
            #expect(demo.error.contains("metrics.address in \(file.path)"), "\(demo.error)")
        }
    }

    @Test(
        "a bad schedule for backups, backups of a database, or a bad log format are named where given, and nothing is made"
    )
    func badScheduleAndLogFormatNamedWhereGiven() async throws {
        try await withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("custos.yaml")
            let data = folder.appendingPathComponent("data").path
            let backups = folder.appendingPathComponent("backups").path
            try """
            storage:
              data: \(data)
            backups:
              folder: \(backups)
              every_hours: 0
            """.write(to: file, atomically: true, encoding: .utf8)
            let serve = ["serve", "--config", file.path, "--port", "8091"]
            let fromFile = try Custos.run(serve)
            #expect(fromFile.status != 0)
            #expect(
                fromFile.error.contains("backups.every_hours in \(file.path) must be from 1 to 168"),
                "\(fromFile.error)")
            let fromEnvironment = try Custos.run(
                serve + ["--backup-every-hours", "24"], environment: ["CUSTOS_BACKUP_KEEP_DAYS": "a month"])
            #expect(
                fromEnvironment.error.contains("CUSTOS_BACKUP_KEEP_DAYS: 'a month' is not a whole number"),
                "\(fromEnvironment.error)")
            let fromOption = try Custos.run(serve + ["--backup-every-hours", "24", "--backup-keep-days", "0"])
            #expect(
                fromOption.error.contains("--backup-keep-days must be from 1 to 3650"), "\(fromOption.error)")
            // A database is not backed up on a schedule: refused before it is connected to (there is none here).
            let database = try Custos.run(
                serve + ["--backup-every-hours", "24", "--database", "postgres://custos@127.0.0.1:1/nowhere"])
            #expect(
                database.error.contains("backups.folder in \(file.path): the server backs up a SQLite data folder"),
                "\(database.error)")
            for refused in [fromFile, fromEnvironment, fromOption, database] { #expect(refused.status != 0) }
            #expect(!FileManager.default.fileExists(atPath: data), "nothing was made")
            #expect(!FileManager.default.fileExists(atPath: backups), "nothing was made")

            try "log:\n  format: xml\n".write(to: file, atomically: true, encoding: .utf8)
            let logFormat = try Custos.run(["config", "check", "--config", file.path])
            #expect(logFormat.status == 2)
            #expect(
                logFormat.error.contains("log.format in \(file.path): 'xml' is not text or json"), "\(logFormat.error)")
        }
    }

    @Test("the example configuration shipped in deploy/ reads, and every setting in it can be used")
    func shippedExample() throws {
        let example = Repository.root.appendingPathComponent("deploy/custos.yaml").path
        let result = try Custos.run(["config", "check", "--config", example])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("file (\(example))"))
    }

    @Test("serve and the other commands read the file; the environment overrides it")
    func commandsReadIt() async throws {
        try await AsheOffice.with { office in
            let data = office.folder.appendingPathComponent("data").path
            let port = Int.random(in: 20_000...40_000)
            let file = office.folder.appendingPathComponent("custos.yaml")
            try "server:\n  port: \(port)\nstorage:\n  data: \(data)\n".write(
                to: file, atomically: true, encoding: .utf8)
            // A command with no --data finds the people in the file's data folder.
            let found = try Custos.run(
                ["subject", "find", "--email", "ann@school.example", "--config", file.path], in: office.folder)
            #expect(found.status == 0 && found.output.hasPrefix(office.ann), "\(found.error)")

            let server = try Custos.makeProcess(["serve", "--config", file.path], in: office.folder)
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.start()
            defer { if server.isRunning { server.terminate() } }
            let notice = try await DemoCommandTests.fetch("http://127.0.0.1:\(port)/privacy/ashe", whileRunning: server)
            #expect(notice.status == 200)
            server.interrupt()
            await server.waitForExit()

            // The environment overrides the file, and --port overrides both.
            let elsewhere = try Custos.run(
                ["subject", "find", "--email", "ann@school.example", "--config", file.path], in: office.folder,
                environment: ["CUSTOS_DATA": office.folder.appendingPathComponent("none").path])
            #expect(elsewhere.status != 0)
            let check = try Custos.run(
                ["config", "check", "--config", file.path], environment: ["CUSTOS_PORT": "9999"])
            #expect(check.output.contains("environment (CUSTOS_PORT)"))
        }
    }
}
