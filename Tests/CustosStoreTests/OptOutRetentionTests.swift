import CustosCore
import CustosServices
import Foundation
import Testing

/// Opt-outs that last: an unsubscribe that leaves no marketing consent suppresses the address, a
/// full opt-out starts the consent-withdrawn period, and the erasure when it ends keeps the
/// address suppressed, so the next import cannot bring the marketing back.
@Suite("Opt-outs, consent periods and the suppression list")
struct OptOutRetentionTests {
    @Test(
        "ASSET: an unsubscribe suppresses the address; an opt-out ends the consent period; the erasure keeps both out of marketing",
        arguments: TestBackend.available)
    func optOutsLast(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contacts = Contacts(vault: vault)
            let retention = Retention(vault: vault)
            let sam = try await SeedPeople.assetContact(vault, email: "sam@hill.example")
            let pat = try await SeedPeople.assetContact(vault, email: "pat@dale.example", name: "Pat Head")
            // Everything happened two days ago, so the periods that end with a withdrawal are over today.
            let then = Date().addingTimeInterval(-2 * 86_400)
            for person in [sam, pat] {
                try await contacts.record(
                    .given, subject: person, purpose: "marketing", channel: .email, list: "newsletter",
                    source: .webForm, actor: "subject", at: then)
            }
            #expect(try await contacts.suppression(kind: "email", value: "sam@hill.example") == nil)

            // Sam unsubscribes from the only list they were on: nothing of marketing is left in force.
            try await contacts.record(
                .withdrawn, subject: sam, purpose: "marketing", channel: .email, list: "newsletter",
                source: .unsubscribeLink, actor: "subject", at: then.addingTimeInterval(60))
            #expect(try await contacts.suppression(kind: "email", value: "sam@hill.example") == .marketing)
            // Pat opts out of everything: every marketing purpose withdrawn at once.
            try await contacts.optOutOfMarketing(
                subject: pat, source: .phoneCall, actor: "office", at: then.addingTimeInterval(60))

            let today = CalendarDay.today
            await #expect(throws: VaultError.self, "a sweep as of a day to come would erase early") {
                try await retention.run(asOf: today.adding(days: 1))
            }
            let due = try await retention.plan(asOf: today)
            #expect(
                Set(due.filter { $0.rule == "while_consented" }.map(\.subjectID)) == [sam, pat],
                "both consents ended, the full opt-out included")
            let report = try await retention.run(asOf: today)
            #expect(report.subjectsErased == 2)

            // Back on the next import, with no consent history: still not marketed to.
            let back = try await SeedPeople.assetContact(vault, email: "pat@dale.example", name: "Pat Head")
            #expect(back != pat)
            #expect(try await contacts.suppression(kind: "email", value: "pat@dale.example") == .marketing)
            let decision = try await contacts.decide(
                subject: back, ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter"))
            #expect(decision.reason == .suppressed)
        }
    }
}

/// A retention event for many people at once.
@Suite("Retention events for a group")
struct GroupRetentionEventTests {
    @Test(
        "ASSET: a school's subscription ends for every pupil in one step, audited once; the day may not be to come",
        arguments: TestBackend.available)
    func wholeSchool(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("pupil_assessment"))
            let hill = try await vault.addSchool(name: "Hill School", urn: "100001", laCode: nil, actor: "dpo")
            let dale = try await vault.addSchool(name: "Dale School", urn: "100002", laCode: nil, actor: "dpo")
            let hillPupils = try fixture.csv(
                """
                \(VaultFixture.pupilHeading)
                Ann Smith,B801200005001,F,Y,N,K,100,105,EXS,EXS,102.5,Maths,5
                Eve White,P207000016049,F,N,N,N,95,94,EXS,EXS,94.5,Maths,4
                """, name: "hill.csv")
            let dalePupils = try fixture.csv(
                "\(VaultFixture.pupilHeading)\nBen Stone,A801200005003,M,N,N,N,99,98,EXS,EXS,98.5,Maths,5\n",
                name: "dale.csv")
            _ = try await RecordImporter.byTheDPO(vault, type, actor: "dpo").run(
                file: hillPupils, schoolID: hill.id, dryRun: false)
            _ = try await RecordImporter.byTheDPO(vault, type, actor: "dpo").run(
                file: dalePupils, schoolID: dale.id, dryRun: false)
            let retention = Retention(vault: vault)
            let today = CalendarDay.today
            let before = try await AuditLog(store: fixture.store).entries(limit: 500).count

            await #expect(throws: VaultError.self) {
                try await retention.record(
                    event: "subscription_ended", school: hill.id, on: today.adding(days: 1), actor: "dpo")
            }
            await #expect(throws: VaultError.self) {
                try await retention.record(event: "retired", school: hill.id, on: today, actor: "dpo")
            }
            #expect(try await AuditLog(store: fixture.store).entries(limit: 500).count == before, "nothing recorded")

            let recorded = try await retention.record(
                event: "subscription_ended", school: hill.id, on: today, actor: "dpo")
            #expect(recorded == 2)
            let due = try await retention.plan(asOf: today.adding(days: 1)).filter { $0.rule == "pupil_data" }
            #expect(due.count == 2, "Hill's two pupils, not Dale's")
            let entries = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            let events = entries.filter { $0.action == "retention.event" }
            #expect(events.count == 1)
            #expect(events.first?.detail?.contains("for 2 people (everyone of school 100001)") == true)
        }
    }
}

/// The TPS list imported and screened against, on each backend.
@Suite("Telephone Preference Service list")
struct TelephonePreferenceListTests {
    @Test(
        "marketing calls wait for a TPS list; a number on it is refused, one not on it may be called, singly and as an audience",
        arguments: TestBackend.available)
    func screening(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe") {
                $0.replacingOccurrences(
                    of: "    data_use: functional.service.improve\n",
                    with: "    data_use: functional.service.improve\n    marketing:\n      channels: [phone, post]\n")
            }
            let type = try #require(vault.policy.recordType("member_contact"))
            func head(_ email: String, mobile: String) async throws -> UUID {
                let outcome = try await vault.write(
                    RecordInput(
                        type: type,
                        values: [
                            "name": "Head Teacher", "school_address": "1 Lane", "head_email": email,
                            "head_mobile": mobile,
                        ], source: .person), actor: "test")
                guard case .created(_, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
                return try #require(subjects["head"])
            }
            let listed = try await head("ann@school.example", mobile: "07700 900123")
            let free = try await head("bea@school.example", mobile: "07700 900456")
            let contacts = Contacts(vault: vault)
            let call = ContactQuestion(purpose: "customer_research", channel: .phone)
            #expect(try await contacts.decide(subject: free, call).reason == .tpsNotScreened)

            await #expect(throws: VaultError.self) {
                try await contacts.importTelephonePreferenceList(
                    "number\n07700 900123\nnot a number 12\n", actor: "dpo")
            }
            #expect(try await contacts.decide(subject: free, call).reason == .tpsNotScreened, "nothing was kept")

            // As the TPS sends it: a header, Windows line ends.
            let count = try await contacts.importTelephonePreferenceList(
                "number\r\n+44 7700 900123\r\n07700900999\r\n\r\n", actor: "dpo")
            #expect(count == 2)
            #expect(try await contacts.decide(subject: listed, call).reason == .tpsRegistered)
            #expect(try await contacts.decide(subject: free, call).reason == .legitimateInterests)
            let audience = try await contacts.decideAudience(call)
            #expect(audience.allowed.map(\.subjectID) == [free])
            #expect(audience.denied[.tpsRegistered] == 1)
            let audit = try await AuditLog(store: fixture.store).entries(limit: 50).map(\.event)
            #expect(audit.contains { $0.action == "tps.import" && $0.detail == "2 numbers on the TPS list" })
            #expect(!audit.contains { $0.detail?.contains("7700") == true }, "never a number")
        }
    }
}
