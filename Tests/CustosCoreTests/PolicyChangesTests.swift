import CustosCore
import CustosTestSupport
import Foundation
import Testing

@Suite("What changed between two versions of a policy")
struct PolicyChangesTests {
    static func asset() throws -> Policy {
        try PolicyLoader.load(contentsOf: Repository.example("asset")).policy
    }

    @Test("the same policy has no changes")
    func unchanged() throws {
        let policy = try Self.asset()
        let changes = PolicyChanges(from: policy, to: policy)
        #expect(changes.isEmpty)
        #expect(!changes.isToldByEmail)
    }

    @Test("ASSET shares training details with a new processor and changes a basis: each said plainly, people affected")
    func purposesAndRecipients() throws {
        let old = try Self.asset()
        var new = old
        let training = try #require(new.purposes.firstIndex { $0.id == "training_delivery" })
        new.purposes[training].recipients.append("mailchimp")
        let account = try #require(new.purposes.firstIndex { $0.id == "account_management" })
        new.purposes[account].lawfulBasis = .legitimateInterests
        new.purposes.removeAll { $0.id == "feedback" }
        new.recordTypes.removeAll { $0.id == "web_visit" }

        let changes = PolicyChanges(from: old, to: new)
        #expect(
            changes.changes.map(\.text) == [
                "For setting up and securing your account, we now rely on legitimate interests rather than contract.",
                "For preparing courses and demonstrations, we now share information with Mailchimp (mailing software).",
                "We no longer use information for asking for your feedback.",
                "We no longer keep this record: how you use our websites.",
            ])
        #expect(changes.isToldByEmail)
        #expect(changes.affectedPurposes == ["training_delivery", "account_management", "feedback"])
    }

    @Test("a longer retention period is a change people read, and are emailed about where the policy promises")
    func retention() throws {
        let old = try Self.asset()
        var new = old
        let rule = try #require(new.retention.indices.first)
        new.retention[rule].offset = RetentionPeriod(years: 9, months: 0, days: 0)
        let changes = PolicyChanges(from: old, to: new)
        #expect(changes.changes.map(\.area) == [.retention])
        #expect(changes.changes.first?.text.contains("now kept for 9 years") == true)
        #expect(changes.isToldByEmail)
        let kept = Set(old.recordTypes.filter { $0.retention.contains(old.retention[rule].id) }.flatMap(\.purposes))
        #expect(!kept.isEmpty && changes.affectedPurposes == kept, "the people the rule keeps records of")
    }
}
