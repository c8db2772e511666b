import CustosCore
import Foundation
import Testing

@testable import CustosServices

/// An audience is the contact decision asked of many at once: for every person it must say what
/// asking about them alone says, however the people are split to be decided side by side.
@Suite("Audiences agree with single decisions")
struct AudienceAgreementTests {
    @Test(
        "consents (some entered late with an earlier date), withdrawals, suppressions and restrictions, split any way",
        arguments: TestBackend.available)
    func agreement(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contacts = Contacts(vault: vault)
            let rows = (0..<40).map { "Person \($0),Hill School,person\($0)@hill.example" }
            _ = try await SeedPeople.importContacts(rows, into: vault, fixture: fixture)
            var people: [UUID] = []
            for number in 0..<40 {
                people += try await vault.subjectIDs(identifierKind: "email", value: "person\(number)@hill.example")
            }
            #expect(people.count == 40)
            let now = Date()
            for (number, id) in people.enumerated() {
                switch number % 8 {
                case 0:
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                        actor: "office",
                        at: now)
                case 1:
                    // A paper withdrawal typed in after the web consent, dated the day it was signed.
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                        actor: "office",
                        at: now)
                    try await contacts.record(
                        .withdrawn, subject: id, purpose: "marketing", list: "newsletter", source: .paperForm,
                        actor: "office", at: now - 86_400)
                case 2:
                    try await contacts.record(
                        .withdrawn, subject: id, purpose: "marketing", source: .phoneCall, actor: "office",
                        at: now - 86_400)
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                        actor: "office",
                        at: now - 2 * 86_400)
                case 3:
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", channel: .post, source: .webForm, actor: "office")
                case 4:
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", source: .webForm, actor: "office")
                    try await contacts.suppress(
                        kind: "email", value: "person\(number)@hill.example", scope: .marketing, reason: .manual,
                        actor: "dpo")
                case 5:
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", source: .webForm, actor: "office")
                    try await contacts.setProcessingState(
                        .restricted, subject: id, purpose: nil, reason: "accuracy contested", actor: "dpo")
                case 6:
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                        actor: "office",
                        at: now)
                    try await contacts.record(
                        .given, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                        actor: "office",
                        at: now)
                    try await contacts.record(
                        .withdrawn, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                        actor: "office", at: now)
                default:
                    break
                }
            }
            let newsletter = ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter")
            var expected: [UUID: ContactReason] = [:]
            for id in people { expected[id] = try await contacts.decide(subject: id, newsletter).reason }
            #expect(expected.values.filter { $0 == .consentGiven }.count == 10)
            Self.expectWithdrawnAndSuppressed(expected)

            for size in [1, 3, 7, 10_000] {
                let audience = try await contacts.decideAudience(newsletter, stretchSize: size)
                let allowed = Dictionary(uniqueKeysWithValues: audience.allowed.map { ($0.subjectID, $0.reason) })
                #expect(
                    audience.allowed.map(\.subjectID) == SubjectOrder.sortedUnique(audience.allowed.map(\.subjectID)))
                for id in people where expected[id]?.allows == true {
                    #expect(allowed[id] == expected[id], "stretches of \(size)")
                }
                var denied: [ContactReason: Int] = [:]
                for reason in expected.values where !reason.allows { denied[reason, default: 0] += 1 }
                #expect(audience.denied == denied, "stretches of \(size)")
                #expect(audience.withoutAddress == 0)
            }
        }
    }
}

extension AudienceAgreementTests {
    /// Case 1's withdrawal predates its consent; case 6's leaves no marketing consent in force,
    /// which puts the address on the suppression list too, beside case 4's put there by hand.
    static func expectWithdrawnAndSuppressed(_ decisions: [UUID: ContactReason]) {
        #expect(decisions.values.filter { $0 == .consentWithdrawn }.count == 5)
        #expect(decisions.values.filter { $0 == .suppressed }.count == 10)
    }
}

/// The order audiences merge lists in.
@Suite("Subject order")
struct SubjectOrderTests {
    @Test("sorting by subject follows the ids' bytes, keeps one subject's elements in order, and drops repeats")
    func order() {
        for count in [0, 1, 50, 20_000] {
            let ids = (0..<count).map { _ in UUID() }
            let repeated = ids + ids.prefix(count / 3)
            let unique = SubjectOrder.sortedUnique(repeated.shuffled())
            #expect(unique.count == count)
            let bytes = unique.map { withUnsafeBytes(of: $0.uuid) { Array($0) } }
            #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })

            let tagged = repeated.shuffled().enumerated().map { (subject: $0.element, position: $0.offset) }
            let sorted = SubjectOrder.sorted(tagged) { $0.subject }
            #expect(sorted.count == tagged.count)
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                #expect(!SubjectOrder.precedes(later.subject, earlier.subject))
                if earlier.subject == later.subject {
                    #expect(earlier.position < later.position, "one subject's elements keep their order")
                }
            }
        }
    }
}
