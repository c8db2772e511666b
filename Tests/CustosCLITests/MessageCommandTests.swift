import CustosTestSupport
import Foundation
import Testing

/// `message`, `outbox`, `communications` and `preferences-link`, as ASHE's office uses them.
@Suite("Messages from the command line")
struct MessageCommandTests {
    @Test("a template is checked, queued for the audience, delivered to .eml files and shown in the log")
    func sendDeliverLog() async throws {
        try await AsheOffice.with { office in
            let (folder, options, ann) = (office.folder, office.options, office.ann)
            #expect(
                try Custos.run(
                    [
                        "consent", "record", "--subject", ann, "--purpose", "marketing", "--list", "lens", "--source",
                        "web_form",
                    ]
                        + options
                ).status == 0)

            let template = folder.appendingPathComponent("lens.txt")
            try "---\nsubject: LENS for {{name}}\npurpose: marketing\nlist: lens\n---\nDear {{name}},\nNews.\n"
                .write(to: template, atomically: true, encoding: .utf8)
            let check = try Custos.run(["message", "check", template.path] + options)
            #expect(check.status == 0, "\(check.error)")
            #expect(check.output.contains("purpose marketing, list lens, channel email; uses {{name}}"))
            let typo = folder.appendingPathComponent("typo.txt")
            try "---\nsubject: Hi\npurpose: marketing\nlist: lens\n---\nDear {{nmae}}\n".write(
                to: typo, atomically: true, encoding: .utf8)
            let noSender = try Custos.run(["message", "send", template.path, "--audience"] + options)
            #expect(noSender.status == 2)
            #expect(noSender.error.contains("--from: the policy gives no controller or DPO email"))
            let bad = try Custos.run(
                ["message", "send", typo.path, "--audience", "--from", "office@ashe.example"] + options)
            #expect(bad.status == 1)
            #expect(bad.error.contains("typo.txt:6: {{nmae}} is not a value"))

            let send = try Custos.run(
                [
                    "message", "send", template.path, "--audience", "--public-url", "https://privacy.example.org",
                    "--from",
                    "office@ashe.example",
                ] + options)
            #expect(send.status == 0, "\(send.error)")
            #expect(send.error.contains("1 queued; left out: none"))
            let messageID = send.output.trimmingCharacters(in: .whitespacesAndNewlines)

            let deliver = try Custos.run(["outbox", "deliver"] + options)
            #expect(deliver.status == 0, "\(deliver.error)")
            #expect(deliver.output.contains("1 sent, 0 deferred, 0 failed, 0 cancelled"))
            let eml = try String(
                contentsOf: folder.appendingPathComponent("data/outbox/\(messageID).eml"), encoding: .utf8)
            #expect(eml.contains("Subject: LENS for Ann Head"))
            #expect(eml.contains("List-Unsubscribe: <https://privacy.example.org/privacy/ashe/unsubscribe?token="))

            let log = try Custos.run(["communications", "--subject", ann] + options)
            #expect(log.output.contains("\(messageID)  lens.txt  purpose marketing, list lens  sent"))
            #expect(log.output.contains("queued  lens.txt"))
            #expect(try Custos.run(["outbox"] + options).output.hasPrefix("queued 0, sent 1, failed 0, cancelled 0"))

            let link = try Custos.run(["preferences-link", "--subject", ann, "--days", "3"] + options)
            #expect(link.output.hasPrefix("http://127.0.0.1:8080/privacy/ashe/preferences?token="))
            #expect(try Custos.run(["preferences-link", "--subject", ann, "--days", "365"] + options).status == 2)
            #expect(try Custos.run(["outbox", "deliver", "--mail", "smtp://user:pw@host"] + options).status == 2)
        }
    }
}
