import CustosCore
import CustosTestSupport
import Foundation
import Testing

/// The one contact decision, on the example policies.
@Suite("Contact decision")
struct ContactDeciderTests {
    let subject = UUID()
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func decider(_ example: String) throws -> ContactDecider {
        ContactDecider(policy: try PolicyLoader.load(contentsOf: Repository.example(example)).policy)
    }

    func entry(
        _ action: ConsentAction, purpose: String, channel: MarketingChannel? = nil, list: String? = nil,
        secondsLater: TimeInterval = 0
    ) -> ConsentEntry {
        ConsentEntry(
            subjectID: subject, purpose: purpose, channel: channel, list: list, action: action, wording: nil,
            policyVersion: 1, source: .webForm, recordedBy: "subject", recordedAt: now + secondsLater)
    }

    @Test("ASHE: a head who opted out of marketing gets no newsletter but still gets booking changes")
    func asheOptOut() throws {
        let ashe = try decider("ashe")
        let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
        let booking = ContactQuestion(purpose: "booking_admin", channel: .email)
        var facts = ContactFacts(consents: ConsentLedger([entry(.given, purpose: "marketing")]))
        #expect(try ashe.decide(lens, facts: facts).reason == .consentGiven)

        facts.consents = ConsentLedger(
            facts.consents.entries + [entry(.withdrawn, purpose: "marketing", secondsLater: 60)])
        facts.suppression = .marketing
        #expect(try ashe.decide(lens, facts: facts).reason == .suppressed)
        #expect(!(try ashe.decide(lens, facts: facts).allowed))
        let admin = try ashe.decide(booking, facts: facts)
        #expect(admin.allowed)
        #expect(admin.reason == .administrative)

        facts.suppression = nil
        #expect(try ashe.decide(lens, facts: facts).reason == .consentWithdrawn)
    }

    @Test("separate lists: consent to one list is not consent to another; the latest act wins")
    func lists() throws {
        let ashe = try decider("ashe")
        let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
        let events = ContactQuestion(purpose: "marketing", channel: .email, list: "events")
        let post = ContactQuestion(purpose: "marketing", channel: .post, list: "lens")
        var facts = ContactFacts(
            consents: ConsentLedger([entry(.given, purpose: "marketing", channel: .email, list: "lens")]))
        #expect(try ashe.decide(lens, facts: facts).reason == .consentGiven)
        #expect(try ashe.decide(events, facts: facts).reason == .noConsent)
        #expect(try ashe.decide(post, facts: facts).reason == .noConsent)

        facts.consents = ConsentLedger(
            facts.consents.entries + [entry(.withdrawn, purpose: "marketing", secondsLater: 10)])
        #expect(try ashe.decide(lens, facts: facts).reason == .consentWithdrawn)
        facts.consents = ConsentLedger(
            facts.consents.entries + [
                entry(.given, purpose: "marketing", channel: .email, list: "events", secondsLater: 20)
            ])
        #expect(try ashe.decide(events, facts: facts).reason == .consentGiven)
        #expect(try ashe.decide(lens, facts: facts).reason == .consentWithdrawn)
    }

    @Test("restriction and objection deny every contact for the purpose; gone people are never contacted")
    func states() throws {
        let ashe = try decider("ashe")
        let booking = ContactQuestion(purpose: "booking_admin", channel: .email)
        func state(_ state: ProcessingState, _ purpose: String?, _ later: TimeInterval = 0) -> ProcessingStateEntry {
            ProcessingStateEntry(
                subjectID: subject, purpose: purpose, state: state, reason: "request", recordedBy: "dpo",
                recordedAt: now + later)
        }
        #expect(
            try ashe.decide(booking, facts: ContactFacts(processing: [state(.restricted, nil)])).reason == .restricted)
        #expect(
            try ashe.decide(booking, facts: ContactFacts(processing: [state(.objected, "booking_admin")])).reason
                == .objected)
        #expect(
            try ashe.decide(booking, facts: ContactFacts(processing: [state(.objected, "marketing")])).reason
                == .administrative)
        #expect(
            try ashe.decide(
                booking, facts: ContactFacts(processing: [state(.restricted, nil), state(.active, nil, 5)])
            ).reason == .administrative)
        #expect(try ashe.decide(booking, facts: ContactFacts(isGone: true)).reason == .gone)
        #expect(try ashe.decide(booking, facts: ContactFacts(suppression: .all)).reason == .suppressed)
    }

    @Test("BEP's soft opt-in needs every PECR condition; post and corporate marketing rest on legitimate interests")
    func softOptIn() throws {
        let bep = try decider("bep")
        let purpose = try #require(bep.policy.purposes.first { $0.marketing != nil })
        let email = ContactQuestion(purpose: purpose.id, channel: .email)
        // BEP does not promise a way to opt out in every message, so the soft opt-in is not met.
        #expect(try bep.decide(email, facts: ContactFacts(isCustomer: true)).reason == .noConsent)

        var policy = bep.policy
        let index = try #require(policy.purposes.firstIndex { $0.id == purpose.id })
        policy.purposes[index].marketing?.softOptIn?.optOutInEveryMessage = true
        let fixed = ContactDecider(policy: policy)
        #expect(try fixed.decide(email, facts: ContactFacts(isCustomer: true)).reason == .softOptIn)
        #expect(try fixed.decide(email, facts: ContactFacts(isCustomer: false)).reason == .noConsent)
        let withdrawn = ContactFacts(
            consents: ConsentLedger([entry(.withdrawn, purpose: purpose.id)]), isCustomer: true)
        #expect(try fixed.decide(email, facts: withdrawn).reason == .consentWithdrawn)

        policy.purposes[index].marketing?.channels.append(.post)
        #expect(
            try ContactDecider(policy: policy).decide(
                ContactQuestion(purpose: purpose.id, channel: .post), facts: ContactFacts()
            ).reason == .legitimateInterests)
        policy.purposes[index].marketing?.subscriber = .corporate
        #expect(try ContactDecider(policy: policy).decide(email, facts: ContactFacts()).reason == .legitimateInterests)
    }

    @Test("questions the policy cannot answer name the field")
    func badQuestions() throws {
        let ashe = try decider("ashe")
        func field(_ question: ContactQuestion) -> String? {
            do {
                _ = try ashe.check(question)
                return nil
            } catch {
                return error.field
            }
        }
        #expect(field(ContactQuestion(purpose: "nope", channel: .email)) == "purpose")
        #expect(field(ContactQuestion(purpose: "marketing", channel: .sms, list: "lens")) == "channel")
        #expect(field(ContactQuestion(purpose: "marketing", channel: .email)) == "list")
        #expect(field(ContactQuestion(purpose: "marketing", channel: .email, list: "gossip")) == "list")
        #expect(field(ContactQuestion(purpose: "booking_admin", channel: .email, list: "lens")) == "list")
        #expect(field(ContactQuestion(purpose: "booking_admin", channel: .phone)) == nil)
    }
}

/// PECR reg 21 in the contact decision: marketing calls without consent only to screened numbers.
@Suite("Telephone Preference Service")
struct TelephonePreferenceDecisionTests {
    @Test("a marketing call on legitimate interests needs a screened number not on the TPS; consent overrides it")
    func screening() throws {
        var loaded = try PolicyLoader.load(contentsOf: Repository.example("ashe")).policy
        let index = try #require(loaded.purposes.firstIndex { $0.id == "customer_research" })
        loaded.purposes[index].marketing = try PolicyLoader.load(
            yaml: String(
                decoding: try Data(contentsOf: Repository.example("ashe")), as: UTF8.self
            ).replacingOccurrences(
                of: "    data_use: functional.service.improve\n",
                with: "    data_use: functional.service.improve\n    marketing:\n      channels: [phone, post]\n"),
            fileName: "ashe.yaml"
        ).policy.purpose("customer_research")?.marketing
        let decider = ContactDecider(policy: loaded)
        let call = ContactQuestion(purpose: "customer_research", channel: .phone)
        #expect(try decider.decide(call, facts: ContactFacts()).reason == .tpsNotScreened)
        #expect(
            try decider.decide(call, facts: ContactFacts(telephonePreference: .registered)).reason == .tpsRegistered)
        #expect(
            try decider.decide(call, facts: ContactFacts(telephonePreference: .clear)).reason == .legitimateInterests)
        // Post is not a call: no screening.
        let letter = ContactQuestion(purpose: "customer_research", channel: .post)
        #expect(try decider.decide(letter, facts: ContactFacts()).reason == .legitimateInterests)
        // The person's consent to calls is their notice that they do not object (reg 21(4)).
        let consent = ConsentEntry(
            subjectID: UUID(), purpose: "customer_research", channel: .phone, list: nil, action: .given, wording: nil,
            policyVersion: 1, source: .phoneCall, recordedBy: "office", recordedAt: Date())
        let facts = ContactFacts(consents: ConsentLedger([consent]), telephonePreference: .registered)
        #expect(try decider.decide(call, facts: facts).reason == .consentGiven)
        #expect(!ContactReason.tpsRegistered.allows && !ContactReason.tpsNotScreened.allows)
    }
}
