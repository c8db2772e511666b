import Foundation
import Testing

/// `custos complaint`: the register from the command line.
@Suite("custos complaint")
struct ComplaintCommandTests {
    @Test("new, list, ack, close and show; a bad id or an empty outcome is refused with the field named")
    func register() async throws {
        try await AsheOffice.with { office in
            let new = try Custos.run(
                [
                    "complaint", "new", "--channel", "email", "--summary", "Ann says her booking was shared",
                    "--received", "2026-11-02", "--subject", office.ann,
                ] + office.options)
            #expect(new.status == 0)
            #expect(new.output.contains("to acknowledge by 2026-12-02"))
            let id = try #require(new.output.split(separator: " ").first.map(String.init))

            let list = try Custos.run(["complaint", "list"] + office.options)
            #expect(list.output.contains(id))
            let badRequest = try Custos.run(
                ["complaint", "new", "--channel", "email", "--summary", "x", "--request", "nope"] + office.options)
            #expect(badRequest.status != 0 && badRequest.error.contains("--request: 'nope' is not an id"))

            #expect(try Custos.run(["complaint", "ack", id, "--on", "2026-11-04"] + office.options).status == 0)
            let empty = try Custos.run(["complaint", "close", id, "--outcome", " "] + office.options)
            #expect(empty.status != 0 && empty.error.contains("outcome: say what was found and done"))
            let closed = try Custos.run(
                ["complaint", "close", id, "--outcome", "Not shared; explained", "--on", "2026-11-09"] + office.options)
            #expect(closed.output.contains("closed 2026-11-09"))
            #expect(try Custos.run(["complaint", "list"] + office.options).output.isEmpty)
            let shown = try Custos.run(["complaint", "show", id] + office.options)
            #expect(shown.output.contains("Summary: Ann says her booking was shared"))
            #expect(shown.output.contains("Outcome: Not shared; explained"))
        }
    }
}
