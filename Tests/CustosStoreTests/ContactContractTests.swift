import CustosCore
import CustosServices
import Foundation
import Testing

/// The consent ledger, processing states, suppression list, contact decision and audiences, on
/// each backend, with the seeds' scenarios.
@Suite("Contacts")
struct ContactContractTests {
    @Test(
        "a ledger carried over from another system is written whole and audited once, or refused whole",
        arguments: TestBackend.available)
    func carriedLedger(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let contacts = Contacts(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
            let time = Date()
            func consent(_ purpose: String) -> ConsentEntry {
                ConsentEntry(
                    subjectID: id, purpose: purpose, channel: .email, list: "lens", action: .given, wording: nil,
                    policyVersion: 1, source: .paperForm, recordedBy: "old system", recordedAt: time)
            }
            let before = try await AuditLog(store: fixture.store).entries(limit: 1000).count

            // A purpose the policy does not have refuses the whole ledger, naming the entry.
            let unknown = CarriedLedger(consents: [consent("marketing"), consent("nonsense")])
            let refusal = await #expect(throws: VaultError.self) {
                try await contacts.carryOver(unknown, actor: "office")
            }
            #expect(refusal?.message.contains("consents[1].purpose") == true)
            let badAddress = CarriedLedger(
                consents: [consent("marketing")],
                suppressions: [.init(kind: "email", value: "not an address", scope: .marketing, reason: .optOut)])
            await #expect(throws: VaultError.self) { try await contacts.carryOver(badAddress, actor: "office") }
            #expect(try await contacts.consents(of: id).isEmpty, "nothing was written")
            #expect(try await AuditLog(store: fixture.store).entries(limit: 1000).count == before)

            let ledger = CarriedLedger(
                consents: [consent("marketing")],
                suppressions: [.init(kind: "email", value: "gone@school.example", scope: .marketing, reason: .optOut)])
            try await contacts.carryOver(ledger, actor: "office")
            let carried = try await contacts.consents(of: id)
            #expect(carried.map(\.source) == [.import], "kept as an import, whatever the other system said")
            #expect(try await contacts.decide(subject: id, lens).reason == .consentGiven)
            #expect(try await contacts.suppression(kind: "email", value: "gone@school.example") == .marketing)
            let entries = try await AuditLog(store: fixture.store).entries(limit: 1000)
            #expect(entries.count == before + 1)
            #expect(entries.last?.event.action == "ledger.carry_over")
            #expect(entries.last?.event.detail?.contains("gone") == false, "the audit names no address")
        }
    }

    @Test(
        "ASHE: a head opts out of marketing and still gets the booking-change email", arguments: TestBackend.available)
    func asheOptOut(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let contacts = Contacts(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
            let booking = ContactQuestion(purpose: "booking_admin", channel: .email)
            #expect(try await contacts.decide(subject: id, lens).reason == .noConsent)

            let given = try await contacts.record(
                .given, subject: id, purpose: "marketing", source: .paperForm, actor: "office")
            #expect(given.policyVersion == 1)
            #expect(try await contacts.decide(subject: id, lens).reason == .consentGiven)
            #expect(try await contacts.decide(subject: id, lens).consentEntryID == given.id)
            #expect(try await contacts.audience(lens, actor: "dpo").members.map(\.address) == ["head@school.example"])

            try await contacts.optOutOfMarketing(subject: id, source: .unsubscribeLink, actor: "subject")
            #expect(try await contacts.decide(subject: id, lens).reason == .suppressed)
            let admin = try await contacts.decide(subject: id, booking)
            #expect(admin.allowed)
            #expect(admin.reason == .administrative)
            #expect(try await contacts.suppression(kind: "email", value: "HEAD@school.example ") == .marketing)
            let audience = try await contacts.audience(lens, actor: "dpo")
            #expect(audience.members.isEmpty)
            #expect(audience.denied[.suppressed] == 1)
            #expect(
                try await contacts.audience(booking, actor: "dpo").members.map(\.address) == ["head@school.example"])

            // The ledger keeps every act; the newest wins.
            let ledger = try await contacts.consents(of: id)
            #expect(ledger.map(\.action) == [.given, .withdrawn])

            // Agreeing to surveys is not opting back in to marketing.
            try await contacts.record(
                .given, subject: id, purpose: "marketing", channel: .post, list: "events", source: .import,
                actor: "office")
            #expect(try await contacts.suppression(kind: "email", value: "head@school.example") == .marketing)
            // Opting in again on the preferences page lifts the opt-out's suppression.
            try await contacts.record(
                .given, subject: id, purpose: "marketing", channel: .email, list: "lens", source: .preferencesPage,
                actor: "subject")
            #expect(try await contacts.suppression(kind: "email", value: "head@school.example") == nil)
            #expect(try await contacts.decide(subject: id, lens).reason == .consentGiven)
            #expect(
                try await contacts.decide(
                    subject: id, ContactQuestion(purpose: "marketing", channel: .email, list: "events")
                ).reason == .consentWithdrawn)

            let actions = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event.action)
            #expect(
                actions.filter { $0.hasPrefix("consent.") } == [
                    "consent.given", "consent.opt-out", "consent.given", "consent.given",
                ])
            #expect(actions.filter { $0 == "audience.export" }.count == 3)
        }
    }

    @Test(
        "ASSET: a contact unsubscribes, is erased and re-imported from a CSV, and is never emailed again",
        arguments: TestBackend.available)
    func assetNeverAgain(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contacts = Contacts(vault: vault)
            let newsletter = ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter")
            let id = try await SeedPeople.assetContact(vault, email: "bursar@hill.example")
            let other = try await SeedPeople.assetContact(vault, email: "head@hill.example", name: "Pat Head")
            for subject in [id, other] {
                try await contacts.record(
                    .given, subject: subject, purpose: "marketing", channel: .email, list: "newsletter",
                    wording: "Subscribe to our mailing list.", source: .webForm, actor: "subject")
            }
            #expect(try await contacts.audience(newsletter, actor: "dpo").members.count == 2)

            try await contacts.optOutOfMarketing(subject: id, source: .unsubscribeLink, actor: "subject")
            // Agreeing to be asked for feedback is not opting back in to marketing.
            try await contacts.record(.given, subject: id, purpose: "feedback", source: .webForm, actor: "subject")
            #expect(try await contacts.suppression(kind: "email", value: "bursar@hill.example") == .marketing)
            try await vault.erase(subject: id, actor: "dpo", reason: "erasure request")
            #expect(try await contacts.suppression(kind: "email", value: "bursar@hill.example") == .all)
            #expect(try await contacts.decide(subject: id, newsletter).reason == .gone)

            // Re-imported from the school's list: the row is refused as an erased person's, and
            // the address stays suppressed whatever else happens.
            let report = try await SeedPeople.importContacts(
                ["Sam Bursar,Hill School,bursar@hill.example", "New Person,Hill School,new@hill.example"], into: vault,
                fixture: fixture)
            #expect(report.created == 1)
            #expect(report.suppressed == 1)
            #expect(try await vault.subjectIDs(identifierKind: "email", value: "bursar@hill.example").isEmpty)
            // Even a consent brought in by an import from another system cannot lift an erasure.
            let newcomer = try #require(
                try await vault.subjectIDs(identifierKind: "email", value: "new@hill.example").first)
            try await contacts.record(
                .given, subject: newcomer, purpose: "marketing", source: .import, actor: "office")
            let audience = try await contacts.audience(newsletter, actor: "dpo")
            #expect(audience.members.map(\.address).sorted() == ["head@hill.example", "new@hill.example"])
            #expect(!audience.members.contains { $0.address == "bursar@hill.example" })
        }
    }

    @Test(
        "an address on the suppression list is flagged on import and never in an audience",
        arguments: TestBackend.available)
    func suppressedOnImport(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contacts = Contacts(vault: vault)
            try await contacts.suppress(
                kind: "email", value: "Blocked@Hill.example", scope: .all, reason: .manual, actor: "dpo")
            await #expect(throws: VaultError.self) {
                try await contacts.suppress(
                    kind: "email", value: "not an email", scope: .all, reason: .manual, actor: "dpo")
            }
            await #expect(throws: VaultError.self) {
                try await contacts.suppress(kind: "upn", value: "A123", scope: .all, reason: .manual, actor: "dpo")
            }
            let report = try await SeedPeople.importContacts(
                ["Blocked Person,Hill School,blocked@hill.example", "Open Person,Hill School,open@hill.example"],
                into: vault, fixture: fixture)
            #expect(report.created == 2)
            #expect(report.doNotContact == 1)
            #expect(report.summary.contains("1 with an address on the suppression list"))
            for email in ["blocked@hill.example", "open@hill.example"] {
                let subject = try #require(try await vault.subjectIDs(identifierKind: "email", value: email).first)
                try await contacts.record(
                    .given, subject: subject, purpose: "marketing", source: .webForm, actor: "subject")
            }
            let audience = try await contacts.audience(
                ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter"), actor: "dpo")
            #expect(audience.members.map(\.address) == ["open@hill.example"])
            #expect(audience.members.first?.name == "Open Person")
            #expect(audience.denied == [.suppressed: 1])
            // Staff's "never contact" stays even when the person later gives consent.
            let blocked = try #require(
                try await vault.subjectIDs(identifierKind: "email", value: "blocked@hill.example").first)
            #expect(
                try await contacts.decide(
                    subject: blocked, ContactQuestion(purpose: "training_delivery", channel: .email)
                ).reason == .suppressed)
            #expect(try await fixture.store.suppressionCounts(in: vault.workspace.id) == [.manual: 1])
        }
    }

    @Test(
        "objection to marketing suppresses; restriction stops everything; states and consents survive a merge",
        arguments: TestBackend.available)
    func statesAndMerge(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let contacts = Contacts(vault: vault)
            let booking = ContactQuestion(purpose: "booking_admin", channel: .email)
            let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            try await contacts.record(.given, subject: id, purpose: "marketing", source: .webForm, actor: "subject")
            try await contacts.setProcessingState(
                .restricted, subject: id, purpose: nil, reason: "accuracy contested", actor: "dpo")
            #expect(try await contacts.decide(subject: id, booking).reason == .restricted)
            await #expect(throws: VaultError.self, "a restriction is lifted only once the person is told") {
                try await contacts.setProcessingState(
                    .active, subject: id, purpose: nil, reason: "verified", actor: "dpo")
            }
            try await contacts.setProcessingState(
                .active, subject: id, purpose: nil, reason: "verified", personToldOn: .today, actor: "dpo")
            #expect(try await contacts.decide(subject: id, booking).reason == .administrative)
            try await contacts.setProcessingState(
                .objected, subject: id, purpose: "marketing", reason: "phoned to object", actor: "office")
            #expect(try await contacts.decide(subject: id, lens).reason == .suppressed)
            #expect(try await contacts.suppression(kind: "email", value: "head@school.example") == .marketing)
            await #expect(throws: VaultError.self) {
                try await contacts.setProcessingState(
                    .objected, subject: id, purpose: "nope", reason: "x", actor: "dpo")
            }
            await #expect(throws: VaultError.self) {
                try await contacts.setProcessingState(.objected, subject: id, purpose: nil, reason: " ", actor: "dpo")
            }

            // A duplicate of the same head is merged into the first: the survivor carries the ledger.
            let duplicate = try await SeedPeople.head(vault, email: "head.teacher@school.example")
            try await contacts.record(
                .withdrawn, subject: duplicate, purpose: "marketing", channel: .post, source: .phoneCall,
                actor: "office")
            try await vault.merge(duplicate, into: id, actor: "dpo", reason: "same head")
            let ledger = try await contacts.consents(of: id)
            #expect(ledger.count == 2)
            #expect(ledger.contains { $0.channel == .post && $0.action == .withdrawn && $0.source == .phoneCall })
            #expect(try await contacts.processingStates(of: id).map(\.state) == [.restricted, .active, .objected])
            #expect(try await contacts.decide(subject: duplicate, booking).reason == .gone)
        }
    }

    @Test("bad consent input names the field and records nothing", arguments: TestBackend.available)
    func badConsents(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let contacts = Contacts(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let attempts: [(String, MarketingChannel?, String?, String)] = [
                ("nope", nil, nil, "purpose"), ("marketing", .sms, nil, "channel"),
                ("marketing", nil, "gossip", "list"), ("booking_admin", nil, nil, "purpose"),
            ]
            for (purpose, channel, list, field) in attempts {
                do {
                    try await contacts.record(
                        .given, subject: id, purpose: purpose, channel: channel, list: list, source: .webForm,
                        actor: "t")
                    Issue.record("\(purpose) was accepted")
                } catch let error as VaultError {
                    #expect(error.kind == .invalid)
                    #expect(error.message.hasPrefix(field), "\(error.message)")
                }
            }
            await #expect(throws: VaultError.self) {
                try await contacts.record(.given, subject: UUID(), purpose: "marketing", source: .webForm, actor: "t")
            }
            #expect(try await contacts.consents(of: id).isEmpty)
        }
    }
}
