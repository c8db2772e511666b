import CustosCore
import CustosServices
import Foundation
import Testing

/// The register of requests on each backend: taken in, moved on by events never rewritten,
/// listed by due date, every step audited.
@Suite("Requests")
struct RequestContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test("a person's requests are theirs alone, open and closed", arguments: TestBackend.available)
    func requestsAboutOnePerson(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let requests = Requests(vault: vault)
            let ann = try await SeedPeople.head(vault, email: "ann@school.example")
            let bea = try await SeedPeople.head(vault, email: "bea@school.example")
            let annsAccess = try await requests.open(
                RequestIntake(kind: .access, subjectID: ann, channel: .email, receivedOn: try day("2026-09-01")),
                actor: "office")
            let annsObjection = try await requests.open(
                RequestIntake(kind: .objection, subjectID: ann, channel: .email, receivedOn: try day("2026-09-02")),
                actor: "office")
            _ = try await requests.open(
                RequestIntake(kind: .access, subjectID: bea, channel: .email, receivedOn: try day("2026-09-01")),
                actor: "office")
            #expect(Set(try await requests.list(about: ann).map(\.id)) == [annsAccess.id, annsObjection.id])
            #expect(try await requests.list(about: bea).count == 1)
            #expect(try await requests.list(about: UUID()).isEmpty)
        }
    }

    @Test(
        "an ASHE head's access request: identity awaited, verified, paused, extended, completed; listed by due date",
        arguments: TestBackend.available)
    func accessRequest(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let requests = Requests(vault: vault)
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let access = try await requests.open(
                RequestIntake(kind: .access, subjectID: head, channel: .email, receivedOn: try day("2026-09-01")),
                actor: "office")
            #expect(access.state == .awaitingVerification)
            #expect(access.dueOn == nil)

            var now = try await requests.record(
                .verified, request: access.id, on: try day("2026-09-03"), actor: "office")
            #expect(now.state == .inProgress)
            #expect(now.dueOn?.iso == "2026-10-05")
            now = try await requests.record(
                .clarificationAsked, request: access.id, on: try day("2026-09-10"), actor: "dpo")
            #expect(now.state == .awaitingClarification)
            now = try await requests.record(
                .clarificationReceived, request: access.id, on: try day("2026-09-15"), actor: "office")
            #expect(now.dueOn?.iso == "2026-10-08")

            // A second request, due sooner, and one closed: the list is by due date, open only.
            let erasure = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: head, channel: .phone, receivedOn: try day("2026-09-02"),
                    identityShown: true), actor: "office")
            #expect(erasure.dueOn?.iso == "2026-10-02")
            let objection = try await requests.open(
                RequestIntake(
                    kind: .objection, subjectID: head, channel: .letter, receivedOn: try day("2026-09-01"),
                    identityShown: true), actor: "office")
            try await requests.record(
                .refused, request: objection.id, on: try day("2026-09-04"),
                reason: "the objection concerns processing the law requires", actor: "dpo")
            #expect(try await requests.list().map(\.id) == [erasure.id, access.id])
            #expect(try await requests.list(includingClosed: true).count == 3)

            await #expect(throws: VaultError.self) {
                try await requests.record(.extended, request: access.id, on: try day("2026-09-20"), actor: "dpo")
            }
            now = try await requests.record(
                .extended, request: access.id, on: try day("2026-09-20"), reason: "records in three systems",
                actor: "dpo")
            #expect(now.dueOn?.iso == "2026-12-08")
            try await requests.record(.completed, request: access.id, on: try day("2026-11-02"), actor: "dpo")

            let shown = try await requests.show(access.id, asOf: try day("2026-11-02"))
            #expect(shown.request.state == .completed)
            #expect(
                shown.events.map(\.action) == [
                    .received, .verified, .clarificationAsked, .clarificationReceived, .extended, .completed,
                ])
            #expect(shown.deadline?.extended == true)
            let entries = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event)
            #expect(
                !entries.contains {
                    ($0.reason ?? "").contains("three systems") || ($0.detail ?? "").contains("three systems")
                },
                "staff's free-text reasons stay in the request's history, out of the audit log")
            let actions = entries.map(\.action)
            #expect(actions.filter { $0.hasPrefix("request.") }.count == 9)
            #expect(actions.contains("request.refused"))
        }
    }

    @Test(
        "ASSET: an erasure waits for the DPO's approval; bad intakes are refused naming the field",
        arguments: TestBackend.available)
    func approvalsAndBadInput(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let requests = Requests(vault: vault)
            let contact = try await SeedPeople.assetContact(vault, email: "bursar@hill.example")
            let erasure = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: contact, channel: .phone, receivedOn: try day("2026-11-02"),
                    identityShown: true), actor: "office")
            do {
                try await Erasures(vault: vault).carryOut(
                    request: erasure.id, ground: .consentWithdrawn, on: try day("2026-11-03"), actor: "office")
                Issue.record("an erasure completed without the DPO's approval")
            } catch let error as VaultError {
                #expect(error.kind == .invalid)
                #expect(error.message.contains("approve"))
            }
            try await requests.record(
                .submittedForApproval, request: erasure.id, on: try day("2026-11-03"), actor: "office")
            try await requests.record(
                .approved, request: erasure.id, on: try day("2026-11-04"), reason: "no exemption applies", actor: "dpo")
            await #expect(throws: VaultError.self, "an erasure completes only by being carried out") {
                try await requests.record(.completed, request: erasure.id, on: try day("2026-11-04"), actor: "office")
            }
            try await Erasures(vault: vault).carryOut(
                request: erasure.id, ground: .consentWithdrawn, on: try day("2026-11-04"), actor: "office")
            #expect(try await requests.list(includingClosed: true).first { $0.id == erasure.id }?.state == .completed)

            let unknown = RequestIntake(
                kind: .access, subjectID: UUID(), channel: .email, receivedOn: try day("2026-11-02"))
            await #expect(throws: VaultError.self) { try await requests.open(unknown, actor: "office") }
            let record = RequestIntake(
                kind: .educationalRecord, subjectID: contact, channel: .letter, receivedOn: try day("2026-11-02"))
            do {
                _ = try await requests.open(record, actor: "office")
                Issue.record("an educational-record request was taken where the policy offers none")
            } catch let error as VaultError {
                #expect(error.message.hasPrefix("kind"))
            }
            let onBehalf = RequestIntake(
                kind: .access, subjectID: contact, channel: .letter, receivedOn: try day("2026-11-02"),
                onBehalfAs: "parent")
            do {
                _ = try await requests.open(onBehalf, actor: "office")
                Issue.record("a request on someone's behalf was taken without the competence decision")
            } catch let error as VaultError {
                #expect(error.message.hasPrefix("competence"))
            }
            await #expect(throws: VaultError.self) {
                try await requests.record(.verified, request: UUID(), on: try day("2026-11-02"), actor: "office")
            }
            #expect(try await requests.list(includingClosed: true).count == 1)
        }
    }
}

/// The school calendar kept in the workspace, and parents' requests for the educational record
/// counted on it.
@Suite("School calendar")
struct SchoolCalendarContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test(
        "Hutton's parent's request is due on the 15th school day of the calendar kept; none without one",
        arguments: TestBackend.available)
    func educationalRecord(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let requests = Requests(vault: vault)
            let intake = RequestIntake(
                kind: .educationalRecord, subjectID: nil, channel: .letter, receivedOn: try day("2026-11-02"),
                identityShown: true)
            #expect(try await requests.open(intake, actor: "office").dueOn == nil, "no calendar: no date")

            let calendars = SchoolCalendars(vault: vault)
            try await calendars.addTerm(from: try day("2026-09-03"), to: try day("2026-12-18"), actor: "office")
            await #expect(throws: VaultError.self, "terms do not overlap") {
                try await calendars.addTerm(from: try day("2026-12-01"), to: try day("2027-01-10"), actor: "office")
            }
            await #expect(throws: VaultError.self, "a closure is in a term") {
                try await calendars.addClosure(try day("2026-12-25"), actor: "office")
            }
            try await calendars.addClosure(try day("2026-11-13"), actor: "office")
            // Monday 2 November is day 1; 13 November is closed: the 15th school day is Monday 23 November.
            let request = try await requests.open(intake, actor: "office")
            #expect(request.dueOn?.iso == "2026-11-23")
            #expect(try await calendars.current().closures.map(\.iso) == ["2026-11-13"])
        }
    }
}
