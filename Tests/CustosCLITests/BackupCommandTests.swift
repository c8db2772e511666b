import CustosTestSupport
import Foundation
import Testing

/// `custos backup`, `custos restore` and `custos erasures`: a backup made before an erasure never
/// brings the person back.
@Suite("Backup and restore from the command line")
struct BackupCommandTests {
    @Test("restoring a backup made before Ann's erasure erases her again; a re-import cannot bring her back")
    func restoreReappliesErasures() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let backup = office.folder.appendingPathComponent("before.sqlite").path
            let made = try Custos.run(["backup", backup] + options)
            #expect(made.status == 0, "\(made.error)")
            let attributes = try FileManager.default.attributesOfItem(atPath: backup)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(try Custos.run(["backup", backup] + options).status == 1, "an existing file is not overwritten")

            let new = try Custos.run(
                ["request", "new", "--kind", "erasure", "--subject", ann, "--channel", "phone", "--identity-shown"]
                    + options)
            let id = String(new.output.prefix(36))
            #expect(try Custos.run(["request", "erase", id, "--ground", "consent_withdrawn"] + options).status == 0)
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).status != 0)

            let notBackup = office.folder.appendingPathComponent("members.csv").path
            let refused = try Custos.run(["restore", notBackup] + options)
            #expect(refused.status == 1)
            #expect(refused.error.contains("not a Custos backup"))

            let restored = try Custos.run(["restore", backup] + options)
            #expect(restored.status == 0, "\(restored.error)")
            #expect(restored.output.contains("1 later erasure re-applied; 1 erasure request kept in the register"))
            // The erasure's request, its certificate and its task to tell the recipients are kept.
            let request = try Custos.run(["request", "show", id] + options)
            #expect(request.status == 0, "\(request.error)")
            #expect(request.output.contains("completed"))
            let certificate = try Custos.run(["request", "certificate", id] + options)
            #expect(certificate.output.contains("Erasure certificate"))
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).status != 0)
            let shown = try Custos.run(["subject", "show", ann, "--purpose", "booking_admin"] + options)
            #expect(shown.status == 0, "\(shown.error)")
            #expect(!shown.output.contains("ann@school.example"))
            #expect(try Custos.run(["audit", "verify"] + options).status == 0)

            // Restoring the same backup again re-applies the erasure again, from the journal the
            // restored database now holds.
            #expect(try Custos.run(["restore", backup] + options).output.contains("1 later erasure re-applied"))
            let csv = office.folder.appendingPathComponent("again.csv")
            try "Name,School postal address,Head's Email Address\nAnn Head,1 Lane,ann@school.example\n"
                .write(to: csv, atomically: true, encoding: .utf8)
            let reimport = try Custos.run(
                ["import", "--type", "member_contact", "--purpose", "booking_admin", csv.path] + options)
            #expect(reimport.output.contains("1 suppressed (erased people)"))
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).status != 0)
        }
    }

    @Test(
        "the server backs the data folder up on its schedule; an erasure's certificate says when the last copy expires"
    )
    func scheduledBackups() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let backups = office.folder.appendingPathComponent("backups")
            let port = Int.random(in: 20_000...40_000)
            let server = try Custos.makeProcess(
                ["serve", "--port", "\(port)", "--backup-folder", backups.path, "--backup-keep-days", "14"] + options)
            let output = try OutputFile()
            server.standardOutput = output.handle
            server.standardError = output.handle
            try server.start()
            defer { if server.isRunning { server.terminate() } }
            // None is recorded yet, so the first is due at once.
            var made: [String] = []
            for _ in 0..<120 where made.isEmpty {
                try await Task.sleep(for: .milliseconds(250))
                made = ((try? FileManager.default.contentsOfDirectory(atPath: backups.path)) ?? [])
                    .filter { $0.hasSuffix(".sqlite") }
            }
            let log = try output.text()
            #expect(made.count == 1 && made[0].hasPrefix("custos-"), "\(log)")
            server.interrupt()
            await server.waitForExit()

            let new = try Custos.run(
                ["request", "new", "--kind", "erasure", "--subject", ann, "--channel", "phone", "--identity-shown"]
                    + options)
            let id = String(new.output.prefix(36))
            #expect(try Custos.run(["request", "erase", id, "--ground", "consent_withdrawn"] + options).status == 0)
            let certificate = try Custos.run(["request", "certificate", id] + options).output
            let written = DateFormatter()
            written.locale = Locale(identifier: "en_GB")
            written.timeZone = TimeZone(identifier: "Europe/London")
            written.dateFormat = "EEEE d MMMM yyyy"
            let day = written.string(from: Date().addingTimeInterval(14 * 86_400))
            #expect(certificate.contains("the last of them expires on \(day)"), "\(certificate)")

            let refused = try Custos.run([
                "serve", "--database", "postgres://custos@127.0.0.1:1/none", "--backup-folder", backups.path,
            ])
            #expect(refused.status != 0)
            #expect(refused.error.contains("for PostgreSQL schedule pg_dump"), "\(refused.error)")
        }
    }

    @Test("a backup taken while an erasure request was open is restored with the request completed and certified")
    func restoreOverOpenRequest() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let new = try Custos.run(
                ["request", "new", "--kind", "erasure", "--subject", ann, "--channel", "phone", "--identity-shown"]
                    + options)
            let id = String(new.output.prefix(36))
            let backup = office.folder.appendingPathComponent("open.sqlite").path
            #expect(try Custos.run(["backup", backup] + options).status == 0)
            #expect(try Custos.run(["request", "erase", id, "--ground", "consent_withdrawn"] + options).status == 0)
            let restored = try Custos.run(["restore", backup] + options)
            #expect(restored.output.contains("1 later erasure re-applied; 1 erasure request kept in the register"))
            #expect(try Custos.run(["request", "show", id] + options).output.contains("completed"))
            #expect(try Custos.run(["request", "certificate", id] + options).output.contains("Erasure certificate"))
        }
    }

    @Test("a restore into a folder with no database needs the journal exported before; with it, no one comes back")
    func restoreIntoEmptyFolder() async throws {
        try await AsheOffice.with { office in
            let (backup, journal) = try Self.backUpThenEraseAnn(office)

            // A new server, an empty data folder, the same key file.
            let empty = office.folder.appendingPathComponent("new-data")
            let keyFile = office.folder.appendingPathComponent("data/master.key").path
            let elsewhere = ["--data", empty.path, "--key-file", keyFile]
            let refused = try Custos.run(["restore", backup] + elsewhere)
            #expect(refused.status == 1)
            #expect(refused.error.contains("--journal"))
            #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("custos.sqlite").path))

            let restored = try Custos.run(["restore", backup, "--journal", journal] + elsewhere)
            #expect(restored.status == 0, "\(restored.error)")
            #expect(restored.output.contains("1 later erasure re-applied"))
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + elsewhere).status != 0)
        }
    }

    @Test("a journal exported before another tool's restore is re-applied after it")
    func exportAndReapply() async throws {
        try await AsheOffice.with { office in
            let options = office.options
            let (backup, journal) = try Self.backUpThenEraseAnn(office)

            // Another tool puts the old copy back, as pg_restore would.
            let data = office.folder.appendingPathComponent("data")
            let database = data.appendingPathComponent("custos.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            try FileManager.default.copyItem(atPath: backup, toPath: database.path)
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).status == 0)

            let reapplied = try Custos.run(["erasures", "reapply", journal] + options)
            #expect(reapplied.status == 0, "\(reapplied.error)")
            #expect(reapplied.output.contains("1 erasure re-applied"))
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).status != 0)
            #expect(
                try Custos.run(["erasures", "reapply", journal] + options).output.contains("0 erasures re-applied"))
        }
    }

    /// Backs the office up, then erases Ann on request and exports the journal: the backup's path
    /// and the journal's.
    static func backUpThenEraseAnn(_ office: AsheOffice) throws -> (backup: String, journal: String) {
        let backup = office.folder.appendingPathComponent("before.sqlite").path
        #expect(try Custos.run(["backup", backup] + office.options).status == 0)
        let new = try Custos.run(
            ["request", "new", "--kind", "erasure", "--subject", office.ann, "--channel", "phone", "--identity-shown"]
                + office.options)
        #expect(
            try Custos.run(
                ["request", "erase", String(new.output.prefix(36)), "--ground", "consent_withdrawn"] + office.options
            ).status == 0)
        let journal = office.folder.appendingPathComponent("journal.json").path
        #expect(try Custos.run(["erasures", "export", "-o", journal] + office.options).output.contains("1 erasures"))
        return (backup, journal)
    }
}
