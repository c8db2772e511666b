import CustosTestSupport
import Foundation
import Testing

/// `consent`, `contact check`, `audience`, `suppression` and `processing`, as ASHE's office uses them.
@Suite("Consent and contact from the command line")
struct ConsentCommandTests {
    @Test("a head opts in, appears in the LENS audience, opts out, and still gets booking emails")
    func optInAudienceOptOut() async throws {
        try await WorkspaceCommandTests.forEachBackend { storage, folder in
            let options =
                storage + ["--key-file", folder.appendingPathComponent("master-\(UUID().uuidString).key").path]
            #expect(try Custos.run(["init", "--policy", "Examples/ashe.yaml"] + options).status == 0)
            let csv = folder.appendingPathComponent("members-\(UUID().uuidString).csv")
            try
                "Name,School postal address,Head's Email Address\nAnn Head,1 Lane,ann@school.example\nBob Head,2 Lane,bob@school.example\n"
                .write(to: csv, atomically: true, encoding: .utf8)
            #expect(
                try Custos.run(
                    ["import", "--type", "member_contact", "--purpose", "booking_admin", csv.path] + options
                ).status == 0)
            let ann = try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).output
                .trimmingCharacters(in: .whitespacesAndNewlines)

            let given = try Custos.run(
                [
                    "consent", "record", "--subject", ann, "--purpose", "marketing", "--list", "lens", "--source",
                    "paper_form",
                ] + options)
            #expect(given.status == 0, "\(given.error)")
            #expect(given.output.contains("given  marketing  channel all  list lens  source paper_form  policy v1"))

            let audience = try Custos.run(["audience", "--purpose", "marketing", "--list", "lens"] + options)
            #expect(audience.status == 0, "\(audience.error)")
            #expect(audience.output.hasPrefix("email,name,subject_id,basis\r\nann@school.example,Ann Head,"))
            #expect(!audience.output.contains("bob@"))
            #expect(audience.error.contains("1 person may be contacted; left out: 1 no_consent"))
            // To a file, as JSON: written as read, and moved into place whole.
            let file = folder.appendingPathComponent("audience-\(UUID().uuidString).json")
            let toFile = try Custos.run(
                ["audience", "--purpose", "marketing", "--list", "lens", "--format", "json", "-o", file.path] + options)
            #expect(toFile.status == 0, "\(toFile.error)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            #expect(document["count"] as? Int == 1)
            #expect((document["members"] as? [[String: Any]])?.first?["address"] as? String == "ann@school.example")
            #expect((document["leftOut"] as? [String: Int]) == ["no_consent": 1])
            #expect(!FileManager.default.fileExists(atPath: file.path + ".partial"))
            // A question the policy does not answer writes nothing.
            let refused = folder.appendingPathComponent("refused-\(UUID().uuidString).csv")
            let bad = try Custos.run(["audience", "--purpose", "gossip", "-o", refused.path] + options)
            #expect(bad.status != 0)
            #expect(!FileManager.default.fileExists(atPath: refused.path))
            #expect(!FileManager.default.fileExists(atPath: refused.path + ".partial"))

            #expect(
                try Custos.run(["consent", "opt-out", "--subject", ann, "--source", "unsubscribe_link"] + options)
                    .status == 0)
            let marketing = try Custos.run(
                ["contact", "check", "--subject", ann, "--purpose", "marketing", "--list", "lens"] + options)
            #expect(marketing.status == 1)
            #expect(marketing.output.hasPrefix("denied: suppressed."))
            let booking = try Custos.run(
                ["contact", "check", "--subject", ann, "--purpose", "booking_admin"] + options)
            #expect(booking.status == 0)
            #expect(booking.output.hasPrefix("allowed: administrative."))

            let check = try Custos.run(["suppression", "check", "--email", "ANN@school.example"] + options)
            #expect(check.status == 1)
            #expect(check.output.contains("Suppressed for marketing"))
            #expect(try Custos.run(["suppression", "count"] + options).output.contains("opt_out  1"))

            let noList = try Custos.run(["contact", "check", "--subject", ann, "--purpose", "marketing"] + options)
            #expect(noList.status == 1)
            #expect(noList.error.contains("list: purpose 'marketing' has lists (lens, events): name one"))
            let badSource = try Custos.run(
                ["consent", "record", "--subject", ann, "--purpose", "marketing", "--source", "telepathy"] + options)
            #expect(badSource.status == 2)
            let restricted = try Custos.run(
                ["processing", "restricted", "--subject", ann, "--reason", "accuracy contested"] + options)
            #expect(restricted.status == 0, "\(restricted.error)")
            #expect(
                try Custos.run(["contact", "check", "--subject", ann, "--purpose", "booking_admin"] + options).output
                    .hasPrefix("denied: restricted."))
            let shown = try Custos.run(["consent", "show", "--subject", ann] + options).output
            #expect(shown.contains("given  marketing"))
            #expect(shown.contains("withdrawn  marketing"))
            #expect(shown.contains("processing restricted  every purpose"))
        }
    }
}
