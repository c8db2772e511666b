import CustosTestSupport
import Foundation
import Testing

/// `custos doctor`: what makes a deployment fail quietly, found before anyone relies on it.
@Suite("custos doctor")
struct DoctorCommandTests {
    @Test("a deployment left at its defaults is told each problem and how to mend it; exit 1")
    func defaults() async throws {
        try await AsheOffice.with { office in
            let result = try Custos.run(["doctor"] + office.options)
            #expect(result.status == 1, "\(result.error)")
            let lines = result.output.split(separator: "\n").map(String.init)
            func line(_ check: String) -> String { lines.first { $0.contains(" \(check) ") } ?? "no \(check) line" }
            #expect(line("master keys").hasPrefix("ok "), "\(result.output)")
            #expect(line("database").hasPrefix("ok "))
            #expect(line("migrations").hasPrefix("ok "))
            #expect(line("workspace keys").hasPrefix("ok "))
            // ASHE takes requests online, and its policy gives no address to send from.
            #expect(
                line("mail sender").hasPrefix("PROBLEM")
                    && line("mail sender").contains("ashe: People can make requests"))
            #expect(line("public URL").hasPrefix("PROBLEM") && line("public URL").contains("set CUSTOS_PUBLIC_URL"))
            #expect(line("mail server").hasPrefix("PROBLEM") && line("mail server").contains("not sent"))
            #expect(line("backups").hasPrefix("PROBLEM") && line("backups").contains("--backup-folder"))
            #expect(result.output.hasSuffix("4 problems found.\n"))
        }
    }

    @Test("a deployment set up well passes: its key file private, https, a mail server that answers, backups writable")
    func healthy() async throws {
        try await AsheOffice.with { office in
            let smtp = try SMTPTestServer()
            defer { smtp.stop() }
            let environment = [
                "CUSTOS_PUBLIC_URL": "https://privacy.ashe.example", "CUSTOS_MAIL_URL": smtp.url,
                "CUSTOS_MAIL_FROM": "privacy@ashe.example",
            ]
            let backups = office.folder.appendingPathComponent("backups").path
            let result = try Custos.run(
                ["doctor", "--backup-folder", backups] + office.options, environment: environment)
            #expect(result.status == 0, "\(result.output)\(result.error)")
            #expect(result.output.hasSuffix("No problems found.\n"))
            #expect(try smtp.received().isEmpty, "the check sends no email")

            // A key file others can read is a problem, named with its mend; nothing else changes.
            let keyFile = office.folder.appendingPathComponent("data/master.key").path
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)
            let exposed = try Custos.run(
                ["doctor", "--backup-folder", backups] + office.options, environment: environment)
            #expect(exposed.status == 1)
            #expect(exposed.output.contains("is mode 644: others can read it; run chmod 600 \(keyFile)"))

            // A mail server that does not answer is named.
            let silent = try Custos.run(
                ["doctor", "--backup-folder", backups] + office.options,
                environment: environment.merging(["CUSTOS_MAIL_URL": "smtp://127.0.0.1:1"]) { _, given in given })
            #expect(silent.output.contains("PROBLEM mail server"), "\(silent.output)")
        }
    }
}
