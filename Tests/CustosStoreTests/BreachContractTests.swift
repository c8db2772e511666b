import CustosCore
import CustosServices
import Foundation
import Testing

/// The breach register on each backend: every breach logged, the 72-hour clock from discovery,
/// the ICO decision and the Art 34 decision required before closing, the words sealed.
@Suite("Breach register")
struct BreachContractTests {
    static let discovered = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(
        "Hutton: an email of pupil data to the wrong parent, reported late with a reason, people told, closed",
        arguments: TestBackend.available)
    func reportedBreach(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let breaches = Breaches(vault: vault)
            await #expect(throws: VaultError.self) {
                try await breaches.record(
                    description: " ", discoveredAt: Self.discovered, facts: BreachFacts(risk: .high), actor: "dpo")
            }
            await #expect(throws: VaultError.self) {
                try await breaches.record(
                    description: "x", discoveredAt: Self.discovered,
                    facts: BreachFacts(occurredAt: Self.discovered.addingTimeInterval(60), risk: .high), actor: "dpo")
            }
            let breach = try await breaches.record(
                description: "Kim Parent's class report went to Jo Smith by email", discoveredAt: Self.discovered,
                facts: BreachFacts(
                    occurredAt: Self.discovered.addingTimeInterval(-3600), risk: .high, specialCategory: true,
                    approxSubjects: 1, approxRecords: 1, categories: ["user.health_and_medical"]),
                consequences: "Medical details disclosed", actor: "dpo")
            #expect(breach.reportDeadline == Self.discovered.addingTimeInterval(72 * 3600))
            #expect(try await breaches.clocksRunning().map(\.id) == [breach.id])

            await #expect(throws: VaultError.self, "a high risk must be reported") {
                try await breaches.decideNotToReport(breach.id, reason: "minor", actor: "dpo")
            }
            await #expect(throws: VaultError.self, "not yet decided") {
                try await breaches.close(
                    breach.id, remediation: "r", lessons: "l", on: .today, actor: "dpo")
            }
            let lateAt = Self.discovered.addingTimeInterval(80 * 3600)
            await #expect(throws: VaultError.self, "late without a reason") {
                try await breaches.reportToICO(breach.id, reference: "ICO/123", at: lateAt, actor: "dpo")
            }
            try await breaches.reportToICO(
                breach.id, reference: "ICO/123", at: lateAt, lateReason: "The DPO was away; cover now arranged",
                actor: "dpo")
            #expect(try await breaches.clocksRunning().isEmpty)
            await #expect(throws: VaultError.self, "a high risk is told to the people first") {
                try await breaches.close(breach.id, remediation: "r", lessons: "l", on: .today, actor: "dpo")
            }
            let parentsTold = try #require(CalendarDay(iso: "2026-11-20"))
            try await breaches.individuals(breach.id, toldOn: parentsTold, actor: "dpo")
            try await breaches.close(
                breach.id, remediation: "The email was recalled and deleted", lessons: "Check recipients on reports",
                on: parentsTold, actor: "dpo")
            #expect(try await breaches.list().isEmpty)
            let (stored, text) = try await breaches.show(breach.id, actor: "dpo")
            #expect(stored.facts.icoReference == "ICO/123" && stored.facts.individualsToldOn == parentsTold)
            #expect(stored.facts.specialCategory && stored.facts.categories == ["user.health_and_medical"])
            #expect(text.lateReason?.hasPrefix("The DPO was away") == true && text.lessons != nil)

            let audit = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            #expect(
                audit.map(\.action).filter { $0.hasPrefix("breach.") } == [
                    "breach.recorded", "breach.reported", "breach.individuals", "breach.closed", "breach.read",
                ])
            #expect(audit.allSatisfy { !($0.detail ?? "").contains("Kim") && !($0.detail ?? "").contains("Medical") })
        }
    }

    @Test("a breach with no risk may go unreported, with the reason logged", arguments: TestBackend.available)
    func unreported(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let breaches = Breaches(vault: vault)
            let breach = try await breaches.record(
                description: "An encrypted laptop was left on a train and recovered the same day",
                discoveredAt: Self.discovered, facts: BreachFacts(risk: .none), actor: "dpo")
            try await breaches.decideNotToReport(breach.id, reason: "Encrypted, and recovered", actor: "dpo")
            #expect(try await breaches.clocksRunning().isEmpty)
            try await breaches.close(
                breach.id, remediation: "Recovered", lessons: "Keep devices in sight", on: .today, actor: "dpo")
            await #expect(throws: VaultError.self) {
                try await breaches.reportToICO(breach.id, reference: "x", at: Date(), actor: "dpo")
            }
            #expect(try await breaches.list(includingClosed: true).first?.facts.notReported == true)
        }
    }
}
