import CustosCore
import CustosServices
import Foundation
import Testing

/// The workspace's record of processing on each backend: the policy's rows, with what the
/// registers show (recipients from the disclosure log, breaches, retention not kept to and why).
@Suite("Record of processing from the registers")
struct ProcessingRecordsContractTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    func pupil(_ vault: Vault, born: String) async throws -> UUID {
        let type = try #require(vault.policy.recordType("pupil_record"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: [
                    "name": "A Pupil", "date_of_birth": born, "parent_name": "A Parent",
                    "parent_phone": "01277 000001",
                ], source: .person),
            actor: "office")
        guard case .created(_, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
        return try #require(subjects["pupil"])
    }

    /// The row of `purpose`, by column heading.
    func row(_ record: RecordOfProcessing, _ purpose: String, in policy: Policy) throws -> [String: String] {
        let index = try #require(policy.purposes.firstIndex { $0.id == purpose })
        return Dictionary(uniqueKeysWithValues: zip(RecordOfProcessing.columns, record.rows[index]))
    }

    @Test(
        "Hutton: each purpose's row names the recipients the log shows, links the breaches that touched it, and says why records are kept past their period",
        arguments: TestBackend.available)
    func registers(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let policy = vault.policy
            let reviewed = try await pupil(vault, born: "2000-01-10")
            let held = try await pupil(vault, born: "1999-03-01")
            try await LegalHolds(vault: vault).place(
                subject: held, recordType: nil, reason: "Claim", on: try day("2026-01-05"), actor: "dpo")
            try await Disclosures(vault: vault).record(
                subject: reviewed, to: .other(name: "Essex Police", kind: .police), recordTypes: ["pupil_record"],
                purpose: "emergency_sharing", reason: "Missing child", on: try day("2026-11-03"), actor: "dsl")
            let breach = try await Breaches(vault: vault).record(
                description: "A medical list left on a bus", discoveredAt: Date(),
                facts: BreachFacts(risk: .high, specialCategory: true, categories: ["user.health_and_medical"]),
                actor: "dpo")
            let asOf = try day("2026-11-22")
            try await Retention(vault: vault).run(asOf: asOf)

            let record = try await ProcessingRecords(vault: vault).build(
                asOf: asOf, retentionScheduleURL: "https://privacy.example/privacy/hutton/retention")
            let emergency = try row(record, "emergency_sharing", in: policy)
            #expect(
                emergency["Categories of recipients"]?.contains("Essex Police (Police; 1 disclosure logged)") == true)
            #expect(try row(record, "education", in: policy)["Categories of recipients"]?.contains("Essex") == false)

            let education = try row(record, "education", in: policy)
            #expect(education["Has a personal data breach occurred?"] == "Yes")
            #expect(
                education["Link to record of personal data breach"]?.contains(
                    "breach \(breach.id.uuidString) (discovered") == true)
            let website = try row(record, "website", in: policy)
            #expect(website["Has a personal data breach occurred?"] == "No", "no health data is used for the website")

            #expect(
                education["Is personal data retained and erased in accordance with the retention policy document?"]
                    == "No")
            let reasons = try #require(
                education["Reasons for not adhering to retention and erasure policy document (if applicable)"])
            #expect(reasons.contains("The pupil's school record: 1 person's records awaiting the DPO's review"))
            #expect(reasons.contains("The pupil's school record: 1 person's records kept under a legal hold"))
            #expect(
                education["Link to retention and erasure policy document"]?.hasSuffix(
                    "https://privacy.example/privacy/hutton/retention") == true)

            // Reviewed and kept, released: the rows say the rules are kept to.
            let review = try #require(try await Tasks(vault: vault).list().first { $0.subjectID == reviewed })
            try await Tasks(vault: vault).complete(
                review.id, on: asOf, note: "Kept: the file is needed for a claim", actor: "dpo")
            let hold = try #require(try await LegalHolds(vault: vault).list().first)
            try await LegalHolds(vault: vault).release(hold.id, on: asOf, actor: "dpo")
            try await Retention(vault: vault).run(asOf: asOf)
            try await Tasks(vault: vault).complete(
                try #require(try await Tasks(vault: vault).list().first { $0.subjectID == held }).id, on: asOf,
                note: "Kept", actor: "dpo")
            let after = try await ProcessingRecords(vault: vault).build(asOf: asOf)
            #expect(
                try row(after, "education", in: policy)[
                    "Is personal data retained and erased in accordance with the retention policy document?"]
                    == "Yes: Custos applies the rules daily")
            #expect(try await Tasks(vault: vault).list().isEmpty, "a record reviewed and kept is not raised again")
        }
    }
}
