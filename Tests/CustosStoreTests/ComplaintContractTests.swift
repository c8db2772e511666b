import CustosCore
import CustosServices
import Foundation
import Testing

/// The complaints register on each backend: taken in, acknowledged within 30 days, closed with an
/// outcome, linked to the request it arose from; the words sealed and kept out of the audit log.
@Suite("Complaints register")
struct ComplaintContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test(
        "West Herts: a complaint about a request is acknowledged within 30 days and closed with its outcome",
        arguments: TestBackend.available)
    func register(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "west-herts")
            let complaints = Complaints(vault: vault)
            let request = try await Requests(vault: vault).open(
                RequestIntake(kind: .access, subjectID: nil, channel: .email, receivedOn: try day("2026-10-01")),
                actor: "office")

            await #expect(throws: VaultError.self) {
                try await complaints.receive(summary: "  ", channel: .email, on: try day("2026-11-02"), actor: "office")
            }
            await #expect(throws: VaultError.self) {
                try await complaints.receive(
                    summary: "No answer", channel: .email, on: try day("2026-11-02"), request: UUID(), actor: "office")
            }
            let late = try await complaints.receive(
                summary: "Pat Delegate says their access request went unanswered", channel: .email,
                on: try day("2026-11-02"), request: request.id, actor: "office")
            #expect(late.acknowledgeBy.iso == "2026-12-02")
            let breach = try await Breaches(vault: vault).record(
                description: "Course offers sent to people who had unsubscribed", discoveredAt: Date(),
                facts: BreachFacts(risk: .none), actor: "dpo")
            await #expect(throws: VaultError.self) {
                try await complaints.receive(
                    summary: "x", channel: .phone, on: try day("2026-10-20"), breach: UUID(), actor: "office")
            }
            let phoned = try await complaints.receive(
                summary: "A caller says they were sent a course offer after unsubscribing", channel: .phone,
                on: try day("2026-10-20"), breach: breach.id, actor: "office")
            #expect(phoned.breachID == breach.id)
            #expect(try await complaints.list().map(\.id) == [phoned.id, late.id], "soonest to acknowledge first")

            try await complaints.acknowledge(late.id, on: try day("2026-11-05"), actor: "dpo")
            let again = try await complaints.acknowledge(late.id, on: try day("2026-11-20"), actor: "dpo")
            #expect(again.acknowledgedOn?.iso == "2026-11-05", "acknowledged once")
            await #expect(throws: VaultError.self) {
                try await complaints.close(late.id, outcome: " ", on: try day("2026-11-10"), actor: "dpo")
            }
            try await complaints.close(
                late.id, outcome: "The request was answered on 10 November; an apology was sent",
                on: try day("2026-11-10"), actor: "dpo")
            await #expect(throws: VaultError.self) {
                try await complaints.close(late.id, outcome: "again", on: try day("2026-11-11"), actor: "dpo")
            }
            #expect(try await complaints.list().map(\.id) == [phoned.id])
            #expect(try await complaints.list(includingClosed: true).count == 2)

            let (stored, text) = try await complaints.show(late.id, actor: "dpo")
            #expect(stored.closedOn?.iso == "2026-11-10" && stored.requestID == request.id)
            #expect(
                text.summary.hasPrefix("Pat Delegate") && text.outcome?.hasPrefix("The request was answered") == true)

            let audit = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            #expect(
                audit.map(\.action).filter { $0.hasPrefix("complaint.") } == [
                    "complaint.received", "complaint.received", "complaint.acknowledged", "complaint.closed",
                    "complaint.read",
                ])
            #expect(
                audit.allSatisfy {
                    !($0.detail ?? "").contains("Pat Delegate") && !($0.detail ?? "").contains("apology")
                })
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }
}
