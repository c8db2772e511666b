import CustosCore
import CustosServices
import Foundation
import Testing

/// A person's audit trail, as the console's person page shows it, on each backend.
@Suite("Audit trail by person")
struct AuditTrailContractTests {
    @Test("a person's entries, newest first, only theirs and only their workspace's", arguments: TestBackend.available)
    func trail(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let ashe = try await fixture.vault(example: "ashe")
            let bep = try await fixture.vault(example: "bep")
            let person = UUID()
            let other = UUID()
            let time = Date(timeIntervalSince1970: 1_800_000_000)
            func event(_ vault: Vault, _ action: String, _ subject: UUID, _ offset: TimeInterval) -> AuditEvent {
                AuditEvent(
                    workspaceID: vault.workspace.id, time: time + offset, actor: "test", action: action,
                    subjectID: subject, detail: action)
            }
            try await ashe.audit([
                event(ashe, "one", person, 0), event(ashe, "elsewhere", other, 1), event(ashe, "two", person, 2),
            ])
            try await bep.audit([event(bep, "not this workspace", person, 3)])
            let trail = try await fixture.store.auditEntries(ofSubject: person, in: ashe.workspace.id, limit: 10)
            #expect(trail.map(\.event.action) == ["two", "one"])
            #expect(try await fixture.store.auditEntries(ofSubject: person, in: ashe.workspace.id, limit: 1).count == 1)
        }
    }
}
