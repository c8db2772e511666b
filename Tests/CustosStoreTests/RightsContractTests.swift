import CustosCore
import CustosServices
import Foundation
import Testing
import ZIPFoundation

/// Restriction, objection, rectification and portability requests on each backend: carried out
/// in one transaction with the request's completion, as ASHE's office would.
@Suite("Restriction, objection, rectification and portability")
struct RightsContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    func open(_ kind: RequestKind, for subject: UUID, in vault: Vault) async throws -> StoredRequest {
        try await Requests(vault: vault).open(
            RequestIntake(
                kind: kind, subjectID: subject, channel: .email, receivedOn: try day("2026-11-02"), identityShown: true),
            actor: "office")
    }

    @Test(
        "a restriction refuses every use but storage until lifted, and lifting needs the day the person was told",
        arguments: TestBackend.available)
    func restriction(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let contacts = Contacts(vault: vault)
            try await contacts.record(
                .given, subject: head, purpose: "marketing", list: "lens", source: .webForm, actor: "office")
            let question = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
            #expect(try await contacts.decide(subject: head, question).allowed)

            let request = try await open(.restriction, for: head, in: vault)
            await #expect(throws: VaultError.self, "a restriction completes only by being carried out") {
                try await Requests(vault: vault).record(
                    .completed, request: request.id, on: try day("2026-11-03"), actor: "dpo")
            }
            let done = try await Restrictions(vault: vault).carryOut(
                request: request.id, ground: .accuracyContested, purposes: nil, on: try day("2026-11-03"), actor: "dpo")
            #expect(done.state == .completed)
            #expect(done.outcome?.restriction?.ground == .accuracyContested)
            #expect(try await contacts.decide(subject: head, question).allowed == false)
            #expect(try await Tasks(vault: vault).list().first?.kind == .notifyRecipients)
            await #expect(throws: VaultError.self, "restricted data is not read for a purpose") {
                _ = try await vault.read(subject: head, actor: "office", purpose: "booking_admin")
            }
            let stored = try await vault.read(subject: head, actor: "dpo", reason: "answering the person")
            #expect(stored.records.count == 1, "it is still stored, and the DPO can answer the person")
            let record = try #require(stored.records.first?.recordID)
            #expect(try await vault.read(record: record, actor: "office", purpose: "booking_admin").isEmpty)

            await #expect(throws: VaultError.self, "not before the person is told") {
                try await contacts.setProcessingState(
                    .active, subject: head, purpose: nil, reason: "accuracy checked", actor: "dpo")
            }
            try await contacts.setProcessingState(
                .active, subject: head, purpose: nil, reason: "accuracy checked", personToldOn: try day("2026-11-10"),
                actor: "dpo")
            #expect(try await contacts.decide(subject: head, question).allowed)
            #expect(try await vault.read(subject: head, actor: "office", purpose: "booking_admin").records.count == 1)
        }
    }

    @Test(
        "an objection to marketing is absolute; to legitimate interests the DPO may record compelling grounds; contract is out of reach",
        arguments: TestBackend.available)
    func objection(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let objections = Objections(vault: vault)
            let request = try await open(.objection, for: head, in: vault)
            await #expect(throws: VaultError.self, "grounds cannot be recorded against direct marketing") {
                try await objections.carryOut(
                    request: request.id, purposes: ["marketing"], compellingGrounds: ["marketing": "we like it"],
                    on: try day("2026-11-03"), actor: "dpo")
            }
            await #expect(throws: VaultError.self, "the right to object does not reach contract") {
                try await objections.carryOut(
                    request: request.id, purposes: ["booking_admin"], on: try day("2026-11-03"), actor: "dpo")
            }
            let done = try await objections.carryOut(
                request: request.id, purposes: ["marketing", "customer_research"],
                compellingGrounds: ["customer_research": "surveys are how members steer our courses"],
                on: try day("2026-11-03"), actor: "dpo")
            #expect(done.outcome?.objection?.stopped == ["marketing"])
            #expect(done.outcome?.objection?.continued.map(\.purpose) == ["customer_research"])
            #expect(
                try await Contacts(vault: vault).suppression(kind: "email", value: "head@school.example") == .marketing)
            let states = try await Contacts(vault: vault).processingStates(of: head)
            #expect(states.map(\.purpose) == ["marketing"])
            let audit = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event)
            #expect(!audit.contains { ($0.detail ?? "").contains("steer") || ($0.reason ?? "").contains("steer") })
        }
    }

    @Test(
        "a rectification keeps the earlier values, shown in the access package; another person's fields are refused",
        arguments: TestBackend.available)
    func rectification(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example", paEmail: "pa@school.example")
            let record = try #require(try await vault.read(subject: head, actor: "test", reason: "test").records.first)
            let rectifications = Rectifications(vault: vault)
            let request = try await open(.rectification, for: head, in: vault)
            await #expect(throws: VaultError.self, "the PA's name is the PA's") {
                try await rectifications.carryOut(
                    request: request.id, record: record.recordID, changes: ["pa_name": "Someone Else"],
                    on: try day("2026-11-03"), actor: "office")
            }
            await #expect(throws: VaultError.self, "nothing would change") {
                try await rectifications.carryOut(
                    request: request.id, record: record.recordID, changes: ["name": "Head Teacher"],
                    on: try day("2026-11-03"), actor: "office")
            }
            let done = try await rectifications.carryOut(
                request: request.id, record: record.recordID, changes: ["name": "Head Teacher-Smith"],
                on: try day("2026-11-03"), actor: "office")
            #expect(done.outcome?.rectification?.fields == ["name"])
            let package = try await AccessPackages(vault: vault).build(subject: head, actor: "dpo")
            let current = try #require(package.records.first)
            #expect(current.fields.contains { $0.value == "Head Teacher-Smith" })
            #expect(current.earlier.count == 1)
            #expect(current.earlier.first?.fields.contains { $0.value == "Head Teacher" } == true)
            let audit = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event)
            #expect(!audit.contains { ($0.detail ?? "").contains("Head Teacher") })

            // A second correction is refused; the person's statement is attached to the record.
            let refused = try await open(.rectification, for: head, in: vault)
            await #expect(throws: VaultError.self, "a refusal gives its reasons") {
                try await rectifications.refuse(
                    request: refused.id, record: record.recordID, reasons: " ", statement: "x",
                    on: try day("2026-11-04"), actor: "dpo")
            }
            let done2 = try await rectifications.refuse(
                request: refused.id, record: record.recordID, reasons: "the school's records show the name as held",
                statement: "My name is spelt Smythe on my birth certificate.", on: try day("2026-11-04"),
                actor: "dpo")
            #expect(done2.state == .refused)
            let withStatement = try await AccessPackages(vault: vault).build(subject: head, actor: "dpo")
            #expect(withStatement.records.first?.statements == ["My name is spelt Smythe on my birth certificate."])
            let trail = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            #expect(!trail.contains { ($0.detail ?? "").contains("Smythe") || ($0.reason ?? "").contains("Smythe") })

            try await vault.erase(subject: head, actor: "dpo", reason: "test")
            #expect(try await fixture.store.recordStatements(ofSubject: head, in: vault.workspace.id).isEmpty)
            #expect(try await fixture.store.recordPartVersions(ofSubject: head, in: vault.workspace.id).isEmpty)
        }
    }

    @Test(
        "portability gives the data the person provided for a contract, as JSON and CSV without the report",
        arguments: TestBackend.available)
    func portability(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let request = try await open(.portability, for: head, in: vault)
            let zip = try await Requests(vault: vault).portable(request.id, actor: "office")
            let archive = try Archive(data: zip, accessMode: .read)
            #expect(Set(archive.map(\.path)) == ["data.json", "records.csv"])
            var csv = Data()
            _ = try archive.extract(try #require(archive["records.csv"])) { csv.append($0) }
            #expect(String(decoding: csv, as: UTF8.self).contains("head@school.example"))
            let access = try await open(.access, for: head, in: vault)
            await #expect(throws: VaultError.self) {
                _ = try await Requests(vault: vault).portable(access.id, actor: "office")
            }
        }
    }
}
