import CustosTestSupport
import Foundation
import Testing

@testable import CustosCore

/// The choices a form made from the policy offers: each purpose resting on the person's say its
/// own unticked box.
@Suite("Choices offered when details are collected")
struct CollectionChoiceTests {
    @Test("a consent-based purpose asks for consent; soft opt-in marketing offers a refusal; others offer nothing")
    func choices() throws {
        let bep = try PolicyLoader.load(contentsOf: Repository.example("bep")).policy
        let account = try #require(bep.recordType("registered_user"))
        let offered = CollectionChoice.choices(for: account, in: bep)
        #expect(offered.map(\.value) == ["opt-out:relationship_marketing"])

        let asset = try PolicyLoader.load(contentsOf: Repository.example("asset")).policy
        let contact = try #require(asset.recordType("contact"))
        let consents = CollectionChoice.choices(for: contact, in: asset)
        #expect(!consents.isEmpty)
        #expect(consents.allSatisfy { $0.kind == .consent })
        let marketing = try #require(consents.first { $0.purpose == "marketing" })
        #expect(marketing.label == "Subscribe to our mailing list.")

        // Only boxes offered count, whatever else is sent.
        #expect(
            CollectionChoice.made(["consent:marketing", "consent:account_management"], among: consents).map(\.purpose)
                == ["marketing"])
    }
}
