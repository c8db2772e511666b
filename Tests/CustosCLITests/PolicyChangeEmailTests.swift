import CustosTestSupport
import Foundation
import Testing

/// ASSET promises "if there are any changes to this privacy notice, we will notify you by email":
/// `policy apply` keeps it.
@Suite("Emailing people when the policy changes")
struct PolicyChangeEmailTests {
    @Test("a new ASSET version that shares training details with another company emails each contact once")
    func assetEmailsChanges() async throws {
        try await withTemporaryFolder { folder in
            let options = ["--data", folder.appendingPathComponent("data").path]
            #expect(try Custos.run(["init", "--policy", "Examples/asset.yaml"] + options).status == 0)
            let contacts = folder.appendingPathComponent("contacts.csv")
            try """
            name,school_name,email
            Jo Bloggs,Oak School,jo.bloggs@example.org
            Sam Smith,Elm School,sam.smith@example.org
            """.write(to: contacts, atomically: true, encoding: .utf8)
            let imported = try Custos.run(
                ["import", "--type", "contact", "--purpose", "account_management", contacts.path] + options)
            #expect(imported.status == 0, "\(imported.error)")

            // Wording only: nothing to email.
            let original = try String(contentsOf: Repository.example("asset"), encoding: .utf8)
            let reworded = folder.appendingPathComponent("asset-v2.yaml")
            try original.replacingOccurrences(
                of: "Stat Solutions Ltd. is dedicated", with: "Stat Solutions Ltd is dedicated"
            )
            .write(to: reworded, atomically: true, encoding: .utf8)
            let wording = try Custos.run(["policy", "apply", reworded.path] + options)
            #expect(wording.status == 0, "\(wording.error)")
            #expect(!wording.output.contains("emails queued"))

            let shared = folder.appendingPathComponent("asset-v3.yaml")
            try original.replacingOccurrences(
                of: "    recipients: [consultants]\n", with: "    recipients: [consultants, mailchimp]\n"
            ).write(to: shared, atomically: true, encoding: .utf8)
            let applied = try Custos.run(
                ["policy", "apply", shared.path, "--public-url", "https://privacy.asset.example"] + options)
            #expect(applied.status == 0, "\(applied.error)")
            #expect(applied.output.contains("2 emails queued"), "\(applied.output)")

            let delivered = try Custos.run(["outbox", "deliver"] + options)
            #expect(delivered.output.contains("2 sent"), "\(delivered.output)")
            let outbox = folder.appendingPathComponent("data/outbox")
            let emails = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
                .map { try String(contentsOf: outbox.appendingPathComponent($0), encoding: .utf8) }
            #expect(emails.count == 2)
            for email in emails.map(MailText.readable) {
                #expect(
                    email.contains("Subject: Changes to how ASSET for Schools uses your information")
                        || email.contains("Subject: Changes to how"))
                #expect(
                    email.contains(
                        "For preparing courses and demonstrations, we now share information with Mailchimp"))
                #expect(email.contains("https://privacy.asset.example/privacy/asset/versions"))
            }
        }
    }
}
