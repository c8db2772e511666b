import CustosCore
import CustosServices
import Foundation
import Testing

/// The disclosure log on each backend: what left the workspace, to whom, on which ground and why;
/// an emergency disclosure made without telling the person carries a task to tell them and stays
/// out of their access package until they are told; the log names the recipients to tell of a
/// correction (Art 19).
@Suite("Disclosure log")
struct DisclosureContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    /// A Hutton pupil, with a parent.
    func pupil(_ vault: Vault) async throws -> UUID {
        let type = try #require(vault.policy.recordType("pupil_record"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: [
                    "name": "Ann Smith", "date_of_birth": "2015-05-15", "address": "1 Hutton Road",
                    "parent_name": "Jo Smith", "parent_phone": "01277 000000",
                ], source: .person),
            actor: "office")
        guard case .created(_, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
        return try #require(subjects["pupil"])
    }

    @Test(
        "Hutton: an emergency disclosure to the police is recorded with its ground and reason, the person is told when it is safe, and only then is it in their access package",
        arguments: TestBackend.available)
    func emergency(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let pupil = try await pupil(vault)
            let disclosures = Disclosures(vault: vault)
            let on = try day("2026-11-03")

            await #expect(throws: VaultError.self, "a recipient the policy does not name needs its name and kind") {
                try await disclosures.record(
                    subject: pupil, to: .policy("ofsted"), recordTypes: ["pupil_record"], reason: "x", on: on,
                    actor: "dsl")
            }
            await #expect(throws: VaultError.self, "the record types are the policy's") {
                try await disclosures.record(
                    subject: pupil, to: .policy("police"), recordTypes: ["diary"], reason: "x", on: on, actor: "dsl")
            }
            await #expect(throws: VaultError.self, "the categories are those of the records") {
                try await disclosures.record(
                    subject: pupil, to: .policy("police"), recordTypes: ["pupil_record"],
                    categories: ["user.financial"], reason: "x", on: on, actor: "dsl")
            }
            await #expect(throws: VaultError.self, "a ground is needed") {
                try await disclosures.record(
                    subject: pupil, to: .other(name: "Essex Police", kind: .police), recordTypes: ["pupil_record"],
                    reason: "x", on: on, actor: "dsl")
            }
            await #expect(throws: VaultError.self, "a reason is needed") {
                try await disclosures.record(
                    subject: pupil, to: .policy("police"), recordTypes: ["pupil_record"], reason: " ", on: on,
                    actor: "dsl")
            }
            #expect(try await disclosures.list().isEmpty, "nothing is recorded by a refusal")

            let emergency = try await disclosures.record(
                subject: pupil, to: .policy("police"), recordTypes: ["pupil_record"],
                categories: ["user.name", "user.contact"],
                reason: "Ann Smith was missing after school; her address and her parent's phone were given to officers",
                decidedBy: "Designated safeguarding lead", withoutTelling: true, on: on, actor: "dsl")
            #expect(emergency.facts.purpose == "emergency_sharing", "the one purpose sharing with the police")
            #expect(emergency.facts.lawfulBasis == .vitalInterests)
            #expect(emergency.awaitsTelling)
            let task = try #require(try await Tasks(vault: vault).list().first { $0.kind == .tellOfDisclosure })
            #expect(task.subjectID == pupil && task.id == emergency.taskID)

            let before = try await AccessPackages(vault: vault).build(subject: pupil, actor: "dpo")
            #expect(before.disclosures.isEmpty, "not shown before the person is told")

            let crime = try await disclosures.record(
                subject: pupil, to: .other(name: "Essex Police", kind: .police), recordTypes: ["pupil_record"],
                exemption: .crimePrevention, reason: "A request under Sch 2 para 2, reference EP/123",
                on: try day("2026-11-05"), actor: "dpo")
            #expect(crime.recipientKind == .police && crime.facts.lawfulBasis == nil)
            #expect(try await disclosures.list(subject: pupil).map(\.id) == [crime.id, emergency.id], "latest first")

            await #expect(throws: VaultError.self, "told on or after the day") {
                try await disclosures.told(emergency.id, on: try day("2026-11-01"), actor: "dsl")
            }
            let told = try await disclosures.told(emergency.id, on: try day("2026-11-10"), actor: "dsl")
            #expect(told.toldOn?.iso == "2026-11-10" && !told.awaitsTelling)
            #expect(try await Tasks(vault: vault).list().allSatisfy { $0.kind != .tellOfDisclosure }, "task done")

            let after = try await AccessPackages(vault: vault).build(subject: pupil, actor: "dpo")
            #expect(after.disclosures.map(\.recipient) == ["Essex Police", "The police"])
            let shown = try #require(after.disclosures.last)
            #expect(shown.on == "3 November 2026" && shown.ground.contains("Art 6(1)(d)"))
            #expect(shown.what.contains("The pupil's school record") && shown.what.contains("only"))
            let html = AccessPackageWriter().html(after)
            #expect(html.contains("Who we have given your information to") && html.contains("Essex Police"))

            let (_, text) = try await disclosures.show(emergency.id, actor: "dpo")
            #expect(text.reason.hasPrefix("Ann Smith was missing"))
            let audit = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            #expect(
                audit.map(\.action).filter { $0.hasPrefix("disclosure.") } == [
                    "disclosure.recorded", "disclosure.recorded", "disclosure.told", "disclosure.read",
                ])
            #expect(audit.allSatisfy { !($0.detail ?? "").contains("Ann") && !($0.detail ?? "").contains("EP/123") })
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    @Test(
        "Hutton: a correction is to be told to the routine recipients and to those the log shows received the record, not to those the policy shares with only sometimes",
        arguments: TestBackend.available)
    func article19(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let pupil = try await pupil(vault)
            let record = try #require(
                try await vault.read(subject: pupil, actor: "test", reason: "test").records.first)
            let disclosures = Disclosures(vault: vault)
            #expect(
                try await disclosures.recipientsToTell(subject: pupil, recordTypes: ["pupil_record"]) == [
                    "Department for Education", "Essex County Council (our local authority)",
                ])
            let disclosure = try await disclosures.record(
                subject: pupil, to: .policy("social_care"), recordTypes: ["pupil_record"], purpose: "safeguarding",
                reason: "A referral", on: try day("2026-11-03"), actor: "dsl")
            #expect(disclosure.facts.lawfulBasis == .legalObligation, "the purpose's basis")

            let request = try await Requests(vault: vault).open(
                RequestIntake(
                    kind: .rectification, subjectID: pupil, channel: .letter, receivedOn: try day("2026-11-04"),
                    identityShown: true),
                actor: "office")
            try await Rectifications(vault: vault).carryOut(
                request: request.id, record: record.recordID, changes: ["address": "2 Hutton Road"],
                on: try day("2026-11-05"), actor: "office")
            let task = try #require(try await Tasks(vault: vault).list().first { $0.kind == .notifyRecipients })
            #expect(
                task.recipients == [
                    "Children's social care", "Department for Education", "Essex County Council (our local authority)",
                ])
        }
    }

    @Test(
        "marking the task to tell the person done records that they were told", arguments: TestBackend.available)
    func taskDone(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let pupil = try await pupil(vault)
            let disclosure = try await Disclosures(vault: vault).record(
                subject: pupil, to: .policy("social_care"), recordTypes: ["pupil_record"],
                purpose: "emergency_sharing", reason: "Immediate risk of harm", withoutTelling: true,
                on: try day("2026-11-03"), actor: "dsl")
            let task = try #require(disclosure.taskID)
            try await Tasks(vault: vault).complete(
                task, on: try day("2026-11-20"), note: "Told the parent at a meeting", actor: "dsl")
            let stored = try #require(try await Disclosures(vault: vault).list(subject: pupil).first)
            #expect(stored.toldOn?.iso == "2026-11-20" && !stored.awaitsTelling)
            let audit = try await AuditLog(store: fixture.store).entries(limit: 50).map(\.event.action)
            #expect(audit.contains("disclosure.told"), "the telling is audited however it is recorded")
        }
    }

    @Test("the log is read a page at a time, latest first, with its count", arguments: TestBackend.available)
    func paged(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let pupil = try await pupil(vault)
            let disclosures = Disclosures(vault: vault)
            let first = try day("2026-10-01")
            for offset in 0..<7 {
                try await disclosures.record(
                    subject: pupil, to: .policy("police"), recordTypes: ["pupil_record"],
                    reason: "Enquiry \(offset)", on: first.adding(days: offset), actor: "dsl")
            }
            let page = try await disclosures.page(limit: 3, offset: 0)
            #expect(page.total == 7)
            #expect(page.disclosures.map(\.disclosedOn) == [6, 5, 4].map { first.adding(days: $0) })
            let last = try await disclosures.page(limit: 3, offset: 6)
            #expect(last.disclosures.map(\.disclosedOn) == [first])
            #expect(try await disclosures.page(limit: 3, offset: 9).disclosures.isEmpty)
        }
    }
}
