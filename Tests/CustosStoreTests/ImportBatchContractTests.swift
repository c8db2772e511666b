import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import Testing

/// An import works out each batch while the one before it is written. A person or a record met in
/// one batch and again in the next must still be made once: the next batch takes what the last
/// one makes as held, before the store holds it.
@Suite("Imports in batches, each worked out while the last is written")
struct ImportBatchContractTests {
    @Test(
        "a person and their record met again in the next batch are found, not made twice",
        arguments: TestBackend.available)
    func nextBatchFindsTheLast(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("contact"))
            for (name, urn) in [("North Academy", "100001"), ("South Academy", "100002")] {
                _ = try await vault.addSchool(name: name, urn: urn, laCode: nil, actor: "office")
            }
            let file = try fixture.csv(
                """
                Name,School name,School URN,Email
                Ann Lee,North Academy,100001,ann@north.example
                Ben Cole,North Academy,100001,ben@north.example
                Ann Smith,North Academy,100001,ann@north.example
                Cat Reid,South Academy,100002,cat@south.example
                Cat Reid-Moss,South Academy,100002,cat@south.example
                """, name: "contacts.csv")
            var importer = RecordImporter.byTheDPO(vault, type, actor: "office")
            // Batches of two: rows 2–3, 4–5 and 6; Ann comes back in the second, Cat in the third.
            importer.batchSize = 2
            let report = try await importer.run(file: file, dryRun: false)

            #expect(report.rows == 5)
            #expect(report.created == 3)
            #expect(report.updated == 2)
            #expect(report.newSubjects == 3)
            #expect(report.rejected == 0)
            #expect(report.problems.isEmpty)
            let schools = try await vault.schools()
            #expect(schools.compactMap(\.urn).sorted() == ["100001", "100002"])

            for (email, name) in [("ann@north.example", "Ann Smith"), ("cat@south.example", "Cat Reid-Moss")] {
                let people = try await vault.subjectIDs(identifierKind: "email", value: email)
                #expect(people.count == 1)
                let view = try await vault.read(subject: try #require(people.first), actor: "test")
                #expect(view.records.count == 1)
                #expect(view.records.first?.values["name"] == name)
            }
            #expect(try await vault.subjectIDs(withRecordsOfTypes: [type.id]).count == 3)
        }
    }

    @Test(
        "a batch of hundreds, some people given again under a new name, is written as row by row; imported again, everyone is found",
        arguments: TestBackend.available)
    func largeBatchWrittenAsRowByRow(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("contact"))
            _ = try await vault.addSchool(name: "North Academy", urn: "100001", laCode: nil, actor: "office")
            // Surnames of letters, one a person: Baa, Bab, … (names are indexed by their words).
            func surname(_ number: Int) -> String {
                let letters = Array("abcdefghijklmnopqrstuvwxyz")
                return "B" + String(letters[number / 26 % 26]) + String(letters[number % 26])
            }
            let people = 600
            let renamed = 40..<45  // given again last, across the store's runs of rows
            var rows = (0..<people).map { "Ann \(surname($0)),North Academy,100001,p\($0)@north.example" }
            rows += renamed.map { "Renamed \(surname($0)),North Academy,100001,p\($0)@north.example" }
            let file = try fixture.csv(
                (["Name,School name,School URN,Email"] + rows).joined(separator: "\n"), name: "contacts.csv")
            let importer = RecordImporter.byTheDPO(vault, type, actor: "office")

            let first = try await importer.run(file: file, dryRun: false)
            #expect(first.created == people && first.updated == renamed.count && first.newSubjects == people)
            let dpo = StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy)
            func found(_ name: String) async throws -> Int {
                try await vault.subjects(named: name, reachableBy: dpo, actor: "t").count
            }
            for number in renamed {
                #expect(try await found("Ann \(surname(number))") == 0, "the name given first is not kept")
                #expect(try await found("Renamed \(surname(number))") == 1)
            }
            for number in [0, 31, 32, 39, 45, 511, 512, people - 1] {
                #expect(try await found("Ann \(surname(number))") == 1, "\(number)")
            }

            // Every address is looked up again, hundreds at a statement: no one is made twice.
            let again = try await importer.run(file: file, dryRun: false)
            #expect(again.created == 0 && again.updated == people + renamed.count && again.newSubjects == 0)
            #expect(try await vault.subjectIDs(withRecordsOfTypes: [type.id]).count == people)
        }
    }

    @Test(
        "a batch prepared after one not yet written finds its people and records as held",
        arguments: TestBackend.available)
    func preparedAfterUnapplied(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let type = try #require(vault.policy.recordType("contact"))
            func contact(_ name: String, _ email: String) -> RecordInput {
                RecordInput(
                    type: type, values: ["name": name, "school_name": "North Academy", "email": email],
                    source: RecordSource(kind: .importFile))
            }
            let (_, first, made) = try await vault.prepare(
                [contact("Ann Lee", "ann@north.example"), contact("Ben Cole", "ben@north.example")], at: Date(),
                following: .none)
            guard case .created(let record, let subjects, 1) = first.first else {
                Issue.record("Ann was not made: \(first)")
                return
            }
            // Ann again, before the first batch is written: the same person and record.
            let (_, second, _) = try await vault.prepare(
                [contact("Ann Smith", "ann@north.example")], at: Date(), following: made)
            #expect(second == [.updated(recordID: record, subjects: subjects)])
            // Without what the first batch makes, the store alone knows no Ann.
            let (_, alone, _) = try await vault.prepare(
                [contact("Ann Smith", "ann@north.example")], at: Date(), following: .none)
            guard case .created(let other, _, 1) = alone.first else {
                Issue.record("Ann was found without the first batch: \(alone)")
                return
            }
            #expect(other != record)
        }
    }
}
