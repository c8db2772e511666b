import CustosCore
import CustosSQLite
import CustosServices
import Foundation
import GRDB
import Testing

/// Erasure requests on each backend: assessed against the exemptions, approved where the policy
/// says, carried out in one transaction with the certificate and the Art 19 task, idempotent.
@Suite("Erasure requests")
struct ErasureContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test(
        "an ASHE head's erasure: the PA is listed as affected, the key destroyed, the certificate kept, recipients to tell",
        arguments: TestBackend.available)
    func asheHead(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example", paEmail: "pa@school.example")
            let requests = Requests(vault: vault)
            let erasures = Erasures(vault: vault)
            let request = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: head, channel: .phone, receivedOn: try day("2026-11-02"),
                    identityShown: true), actor: "office")

            let assessment = try await erasures.assess(request: request.id, on: try day("2026-11-03"))
            #expect(assessment.plan.erasesEverything)
            #expect(assessment.plan.items.map(\.recordType) == ["member_contact"])
            #expect(assessment.affectedSubjects.count == 1, "the PA shares the head's record")
            #expect(!assessment.recipients.isEmpty)
            #expect(!assessment.needsApproval)

            await #expect(throws: VaultError.self, "an erasure completes only by being carried out") {
                try await requests.record(.completed, request: request.id, on: try day("2026-11-03"), actor: "dpo")
            }
            let certificate = try await erasures.carryOut(
                request: request.id, ground: .consentWithdrawn, on: try day("2026-11-03"), actor: "dpo")
            #expect(certificate.keyDestroyed)
            #expect(certificate.erased.map(\.recordType) == ["member_contact"])
            #expect(certificate.kept.isEmpty)
            #expect(certificate.addressesSuppressed == 1)
            #expect(certificate.text.contains("UK GDPR Art 17(1)(b)"))
            #expect(!certificate.text.contains("head@school.example"))

            // Nothing of the head can be read back; the PA's part stays.
            let gone = try await vault.read(subject: head, actor: "dpo", reason: "check")
            #expect(gone.records.isEmpty)
            #expect(gone.subject.key == nil)
            let pa = try #require(assessment.affectedSubjects.first)
            #expect(try await vault.read(subject: pa, actor: "dpo", reason: "check").records.count == 1)
            #expect(try await Contacts(vault: vault).suppression(kind: "email", value: "head@school.example") == .all)

            // The register keeps the certificate; running it again changes nothing and returns it.
            let stored = try await requests.show(request.id, asOf: try day("2026-11-03")).request
            #expect(stored.state == .completed)
            #expect(stored.outcome?.erasure == certificate)
            #expect(
                try await erasures.carryOut(
                    request: request.id, ground: .noLongerNecessary, on: try day("2026-11-04"), actor: "dpo")
                    == certificate)

            let journal = try await fixture.store.erasureJournal()
            #expect(journal.map(\.subjectID) == [head])
            #expect(journal.first?.recordTypes == nil, "the whole person")
            #expect(journal.first?.requestID == request.id)
            #expect(
                try await ErasureReplay(store: fixture.store, keys: fixture.keys).replay(journal, actor: "restore")
                    == 0,
                "an erasure the store holds already is not carried out again")

            let tasks = try await Tasks(vault: vault).list()
            #expect(tasks.map(\.kind) == [.notifyRecipients])
            #expect(tasks.first?.recipients == certificate.recipients)
            #expect(tasks.first?.requestID == request.id)
            let actions = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event.action)
            #expect(actions.filter { $0 == "subject.erase" }.count == 1)
            #expect(actions.contains("request.completed"))
        }
    }

    @Test("ASSET's erasures wait for the DPO's approval", arguments: TestBackend.available)
    func assetApproval(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contact = try await SeedPeople.assetContact(vault, email: "bursar@hill.example")
            let requests = Requests(vault: vault)
            let erasures = Erasures(vault: vault)
            let request = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: contact, channel: .phone, receivedOn: try day("2026-11-02"),
                    identityShown: true), actor: "office")
            #expect(try await erasures.assess(request: request.id, on: try day("2026-11-02")).needsApproval)
            await #expect(throws: VaultError.self) {
                try await erasures.carryOut(
                    request: request.id, ground: .consentWithdrawn, on: try day("2026-11-02"), actor: "office")
            }
            try await requests.record(
                .submittedForApproval, request: request.id, on: try day("2026-11-02"), actor: "office")
            try await requests.record(
                .approved, request: request.id, on: try day("2026-11-03"), reason: "no other bookings depend on it",
                actor: "dpo")
            let certificate = try await erasures.carryOut(
                request: request.id, ground: .consentWithdrawn, on: try day("2026-11-03"), actor: "office")
            #expect(certificate.approvedBy == "dpo")
            #expect(certificate.carriedOutBy == "office")
            #expect(certificate.keyDestroyed)
        }
    }

    @Test(
        "a Hutton pupil's record is kept for the public task unless the DPO erases it despite that; a legal hold cannot be set aside",
        arguments: TestBackend.available)
    func huttonPupil(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let (_, pupil) = try await SeedPeople.huttonPupil(vault)
            let requests = Requests(vault: vault)
            let erasures = Erasures(vault: vault)
            let request = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: pupil, channel: .letter, receivedOn: try day("2026-11-02"),
                    identityShown: true, onBehalfAs: "parent", competence: "aged 9: not yet competent"),
                actor: "office")

            let plan = try await erasures.assess(request: request.id, on: try day("2026-11-02")).plan
            let kept = try #require(plan.items.first?.kept)
            #expect(kept.exemption == .legalObligationOrPublicTask)
            #expect(kept.mayOverride)
            await #expect(throws: VaultError.self, "nothing can be erased: refuse it instead") {
                try await erasures.carryOut(
                    request: request.id, ground: .noLongerNecessary, on: try day("2026-11-02"), actor: "dpo")
            }

            let hold = try await LegalHolds(vault: vault).place(
                subject: pupil, recordType: nil, reason: "claim 2026/17", on: try day("2026-11-02"), actor: "dpo")
            let held = try await erasures.assess(
                request: request.id, on: try day("2026-11-03"), eraseDespite: []
            ).plan.items.first?.kept
            #expect(held?.exemption == .legalClaims)
            #expect(held?.mayOverride == false)
            await #expect(throws: VaultError.self, "a legal hold cannot be set aside") {
                try await erasures.carryOut(
                    request: request.id, ground: .noLongerNecessary, eraseDespite: ["pupil_record"],
                    on: try day("2026-11-03"), actor: "dpo")
            }
            try await LegalHolds(vault: vault).release(hold.id, on: try day("2026-11-04"), actor: "dpo")
            #expect(try await LegalHolds(vault: vault).list().isEmpty)
            let certificate = try await erasures.carryOut(
                request: request.id, ground: .noLongerNecessary, eraseDespite: ["pupil_record"],
                on: try day("2026-11-04"), actor: "dpo")
            #expect(certificate.keyDestroyed)
            #expect(certificate.erased.map(\.recordType) == ["pupil_record"])
            await #expect(throws: VaultError.self, "an unknown type cannot be named") {
                _ = try await erasures.assess(
                    request: request.id, on: try day("2026-11-04"), eraseDespite: ["sen_file"])
            }
        }
    }

    @Test("a crash part-way through an erasure leaves nothing done, and running it again finishes it")
    func crashSafe() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let requests = Requests(vault: vault)
            let request = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: head, channel: .phone, receivedOn: try day("2026-11-02"),
                    identityShown: true), actor: "office")
            let sqlite = try #require(fixture.store as? SQLiteStore)
            let database = try DatabaseQueue(
                path: sqlite.directory.appendingPathComponent(SQLiteStore.fileName).path)
            // The last thing the erasure writes is its Art 19 task: make that fail, as a crash would.
            try await database.write { db in
                try db.execute(
                    sql: "CREATE TRIGGER crash BEFORE INSERT ON task BEGIN SELECT RAISE(ABORT, 'crash'); END")
            }
            await #expect(throws: (any Error).self) {
                try await Erasures(vault: vault).carryOut(
                    request: request.id, ground: .consentWithdrawn, on: try day("2026-11-03"), actor: "dpo")
            }
            #expect(try await vault.read(subject: head, actor: "dpo", reason: "check").records.count == 1)
            #expect(try await requests.list().first?.state == .inProgress)

            try await database.write { db in try db.execute(sql: "DROP TRIGGER crash") }
            try await Erasures(vault: vault).carryOut(
                request: request.id, ground: .consentWithdrawn, on: try day("2026-11-03"), actor: "dpo")
            #expect(try await vault.read(subject: head, actor: "dpo", reason: "check").records.isEmpty)
            #expect(try await Tasks(vault: vault).list().count == 1)
        }
    }
}
