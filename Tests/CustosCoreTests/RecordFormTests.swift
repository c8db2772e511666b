import CustosCore
import CustosTestSupport
import Foundation
import Testing

@Suite("Forms made from record types")
struct RecordFormTests {
    static func policy(_ name: String) throws -> Policy {
        try PolicyLoader.load(contentsOf: Repository.example(name)).policy
    }

    @Test(
        "each field is required or optional, a required one says what follows without it, and the input suits the format"
    )
    func fields() throws {
        let policy = try Self.policy("hutton")
        let form = RecordForm(recordType: try #require(policy.recordType("pupil_record")), policy: policy)
        let byName = Dictionary(uniqueKeysWithValues: form.fields.map { ($0.name, $0) })
        let phone = try #require(byName["parent_phone"])
        #expect(phone.required)
        #expect(phone.consequence == "We cannot reach you in an emergency.")
        #expect(phone.input == .telephone)
        #expect(byName["date_of_birth"]?.input == .date)
        let address = try #require(byName["address"])
        #expect(!address.required)
        #expect(address.consequence == nil)
        #expect(
            form.fields.map(\.name) == policy.recordType("pupil_record")?.fields.map(\.name), "in the policy's order")
    }

    @Test("special-category fields say why they are asked; others do not")
    func specialCategories() throws {
        let policy = try Self.policy("hutton")
        let form = RecordForm(recordType: try #require(policy.recordType("pupil_record")), policy: policy)
        let byName = Dictionary(uniqueKeysWithValues: form.fields.map { ($0.name, $0) })
        #expect(
            byName["religion"]?.specialReason
                == "As a Church of England school, for admissions under our faith criteria.")
        #expect(
            byName["medical_conditions"]?.specialReason == "So that we can keep your child safe and well in school.")
        #expect(byName["name"]?.specialReason == nil)
    }

    @Test("problems read as the GOV.UK Design System writes them")
    func messages() throws {
        let policy = try Self.policy("bep")
        let type = try #require(policy.recordType("registered_user"))
        let form = RecordForm(recordType: type, policy: policy)
        let problems = RecordValidator(recordType: type).validate(["email": "not-an-address"]).problems
        let messages = problems.filter { !$0.isWarning }.map(form.message(for:))
        #expect(messages.contains("Enter first name"))
        #expect(messages.contains("Work or personal email address: not an email address"))
    }
}
