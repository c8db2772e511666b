import CustosTestSupport
import Foundation
import Testing

/// The door from the command line: `custos subject show` names a purpose, and the same decision
/// as the API's refuses it, with exit code 1, nothing printed of the person, and the refusal audited.
@Suite("The door from the command line")
struct DoorCommandTests {
    @Test("subject show: each refusal exits 1 naming the rule and prints nothing of the person")
    func refusals() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let cases: [(arguments: [String], says: String)] = [
                ([], "purpose: name the purpose of this use"),
                (["--purpose", "nonsense"], "the policy has no purpose 'nonsense'"),
                (["--purpose", "marketing"], "rests on consent"),
            ]
            for (arguments, says) in cases {
                let shown = try Custos.run(["subject", "show", ann] + arguments + options)
                #expect(shown.status == 1, "\(arguments)")
                #expect(shown.error.contains(says), "\(arguments): \(shown.error)")
                #expect(!shown.output.contains("ann@school.example"))
                #expect(!shown.error.contains("ann@school.example"))
            }
            let allowed = try Custos.run(["subject", "show", ann, "--purpose", "booking_admin"] + options)
            #expect(allowed.status == 0, "\(allowed.error)")
            #expect(allowed.output.contains("ann@school.example"))

            #expect(
                try Custos.run(
                    [
                        "processing", "restricted", "--subject", ann, "--purpose", "booking_admin", "--reason",
                        "accuracy contested",
                    ] + options
                ).status == 0)
            let restricted = try Custos.run(["subject", "show", ann, "--purpose", "booking_admin"] + options)
            #expect(restricted.status == 1)
            #expect(restricted.error.contains("restricted processing for 'booking_admin'"))
            let noReason = try Custos.run(
                ["subject", "show", ann, "--purpose", "booking_admin", "--restriction-ground", "legal_claims"] + options
            )
            #expect(noReason.status == 2, "a usage error: the ground needs a reason")
            let onGround = try Custos.run(
                [
                    "subject", "show", ann, "--purpose", "booking_admin", "--restriction-ground", "legal_claims",
                    "--reason", "claim 42",
                ] + options)
            #expect(onGround.status == 0, "\(onGround.error)")
            #expect(onGround.output.contains("ann@school.example"))

            let log = try Custos.run(["audit", "log"] + options).output
            #expect(log.contains("access.refused"))
            #expect(!log.contains("nonsense"), "a made-up word never enters the log as a purpose")
        }
    }

    @Test("import: no purpose, a made-up one or one the type is not kept for refuses the file, writing nothing")
    func importRefusals() async throws {
        try await AsheOffice.with { office in
            let csv = office.folder.appendingPathComponent("more.csv")
            try "Name,School postal address,Head's Email Address\nBea Head,2 Lane,bea@school.example\n"
                .write(to: csv, atomically: true, encoding: .utf8)
            let cases: [(arguments: [String], says: String)] = [
                ([], "purpose: name the purpose of this use"),
                (["--purpose", "nonsense"], "the policy has no purpose 'nonsense'"),
                (["--purpose", "access_needs"], "access_needs"),
            ]
            for (arguments, says) in cases {
                let imported = try Custos.run(
                    ["import", "--type", "member_contact"] + arguments + [csv.path] + office.options)
                #expect(imported.status == 1, "\(arguments)")
                #expect(imported.error.contains(says), "\(arguments): \(imported.error)")
            }
            let found = try Custos.run(["subject", "find", "--email", "bea@school.example"] + office.options)
            #expect(found.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "no one was written")
        }
    }
}
