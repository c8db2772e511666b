import CustosTestSupport
import Foundation
import Testing

/// `custos request`, as ASHE's office takes a request by phone and the DPO sees it through.
@Suite("Requests from the command line")
struct RequestCommandTests {
    @Test("a request is taken in, verified, listed by due date, shown with its clock, refused only with reasons")
    func lifecycle() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)

            let new = try Custos.run(
                [
                    "request", "new", "--kind", "access", "--subject", ann, "--channel", "phone", "--received",
                    "2026-09-01",
                ] + options)
            #expect(new.status == 0, "\(new.error)")
            #expect(
                new.output.contains("access  awaiting verification  identity awaited  (phone, received 2026-09-01)"))
            let id = String(new.output.prefix(36))

            let verify = try Custos.run(["request", "verify", id, "--on", "2026-09-03"] + options)
            #expect(verify.status == 0, "\(verify.error)")
            #expect(verify.output.contains("in progress  due 2026-10-05"))
            // Dates in the past: the list says how late the request is.
            #expect(try Custos.run(["request", "list"] + options).output.contains("due 2026-10-05 (overdue by"))

            let list = try Custos.run(["request", "list"] + options)
            #expect(list.output.hasPrefix(id))

            let show = try Custos.run(["request", "show", id] + options)
            #expect(show.output.contains("2026-09-03  verified  by"))
            #expect(show.output.contains("Saturday 3 October 2026 falls on a weekend: Sunday 4 October 2026."))

            let noReason = try Custos.run(["request", "refuse", id, "--on", "2026-09-04"] + options)
            #expect(noReason.status != 0)
            #expect(noReason.error.contains("refused: give the reason"))
            let badDay = try Custos.run(["request", "verify", id, "--on", "3 Sept"] + options)
            #expect(badDay.status == 2)
            let unknownKind = try Custos.run(
                ["request", "new", "--kind", "gossip", "--channel", "phone"] + options)
            #expect(unknownKind.status == 2)
            #expect(unknownKind.error.contains("educational_record"))

            let refuse = try Custos.run(
                ["request", "refuse", id, "--on", "2026-09-04", "--reason", "manifestly unfounded: a repeat"] + options)
            #expect(refuse.status == 0, "\(refuse.error)")
            #expect(try Custos.run(["request", "list"] + options).output.contains("No open requests."))
            #expect(try Custos.run(["request", "list", "--all"] + options).output.contains("refused"))
        }
    }

    @Test("a fee needs a lawful ground, no day is in the future, and GOV.UK's bank holidays import")
    func honestClocks() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let tomorrow = LondonDay.iso(fromToday: 1)
            let future = try Custos.run(
                ["request", "new", "--kind", "access", "--subject", ann, "--channel", "email", "--received", tomorrow]
                    + options)
            #expect(future.status == 1)
            #expect(future.error.contains("received: \(tomorrow) is in the future"))
            let copies = try Custos.run(
                [
                    "request", "new", "--kind", "access", "--subject", ann, "--channel", "email", "--received",
                    "2026-11-02", "--identity-shown", "--fee", "further_copies",
                ] + options)
            #expect(copies.status == 1, "ASHE's notice charges only for manifestly unfounded or excessive requests")
            #expect(copies.error.contains("rights.fees: manifestly_unfounded_or_excessive"))
            #expect(try Custos.run(["request", "list", "--all"] + options).output.contains("No requests"))

            let charged = try Custos.run(
                [
                    "request", "new", "--kind", "access", "--subject", ann, "--channel", "email", "--received",
                    "2026-11-02", "--identity-shown", "--fee", "manifestly_unfounded_or_excessive",
                ] + options)
            #expect(charged.status == 0, "\(charged.error)")
            #expect(charged.output.contains("in progress  fee awaited"))
            let id = String(charged.output.prefix(36))
            let shown = try Custos.run(["request", "show", id] + options)
            #expect(shown.output.contains("Fee: charged because the request is manifestly unfounded or excessive"))
            #expect(shown.output.contains("Due date: fee awaited."))

            let file = office.folder.appendingPathComponent("bank-holidays.json")
            try #"""
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true}]},
             "scotland": {"division": "scotland", "events": [
              {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true}]}}
            """#.write(to: file, atomically: true, encoding: .utf8)
            let imported = try Custos.run(["calendar", "holidays", "import", file.path] + options)
            #expect(imported.status == 0, "\(imported.error)")
            #expect(imported.output.contains("england-and-wales: 1 holidays, 2029 to 2029"))
            #expect(imported.output.contains("scotland: 1 holidays"))
            let holidays = try Custos.run(["calendar", "holidays"] + options)
            #expect(holidays.output.contains("known to the end of 2029"))
            #expect(holidays.output.contains("2028-12-25  Christmas Day"), "2028 as shipped")
            let broken = office.folder.appendingPathComponent("broken.json")
            try "[1]".write(to: broken, atomically: true, encoding: .utf8)
            let refused = try Custos.run(["calendar", "holidays", "import", broken.path] + options)
            #expect(refused.status == 1)
            #expect(refused.error.contains("not GOV.UK's bank-holidays JSON"))
        }
    }

    @Test("subject show names what limits the use of the person's data")
    func limitsShown() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let new = try Custos.run(
                ["request", "new", "--kind", "restriction", "--subject", ann, "--channel", "email", "--identity-shown"]
                    + options)
            let id = String(new.output.prefix(36))
            let restricted = try Custos.run(
                ["request", "restrict", id, "--ground", "accuracy_contested", "--purpose", "marketing"] + options)
            #expect(restricted.status == 0, "\(restricted.error)")
            let shown = try Custos.run(["subject", "show", ann, "--purpose", "booking_admin"] + options)
            #expect(shown.status == 0, "\(shown.error)")
            #expect(shown.output.contains("marketing: RESTRICTED (Art 18): stored only, since"))
            let json = try Custos.run(
                ["subject", "show", ann, "--purpose", "booking_admin", "--format", "json"] + options)
            #expect(json.output.contains(#""state" : "restricted""#) || json.output.contains(#""state":"restricted""#))
        }
    }

    @Test("an access package is written as a zip only its owner can read; other kinds of request have none")
    func package() async throws {
        try await AsheOffice.with { office in
            let new = try Custos.run(
                [
                    "request", "new", "--kind", "access", "--subject", office.ann, "--channel", "email",
                    "--identity-shown",
                ]
                    + office.options)
            #expect(new.status == 0, "\(new.error)")
            let file = office.folder.appendingPathComponent("ann.zip")
            let package = try Custos.run(
                ["request", "package", String(new.output.prefix(36)), "--out", file.path] + office.options)
            #expect(package.status == 0, "\(package.error)")
            let zip = try Data(contentsOf: file)
            #expect(zip.prefix(2) == Data("PK".utf8))
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let erasure = try Custos.run(
                ["request", "new", "--kind", "erasure", "--subject", office.ann, "--channel", "email"] + office.options)
            let refused = try Custos.run(
                ["request", "package", String(erasure.output.prefix(36)), "--out", file.path + "2"] + office.options)
            #expect(refused.status != 0)
            #expect(
                refused.error.contains("only an access request or a request for the educational record has a package"))
        }
    }
}
