import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import Testing

/// Records about someone already held (Hutton's SEN file): written for a person found by an
/// import's lookup column or named by id, never a new person; then in their access package and
/// their erasure like any other record.
@Suite("Records about someone already held")
struct HeldPersonContractTests {
    func pupil(_ vault: Vault, upn: String) async throws -> UUID {
        let type = try #require(vault.policy.recordType("pupil_record"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: [
                    "name": "Pat Pupil", "date_of_birth": "2016-04-01", "upn": upn, "parent_name": "Sam Parent",
                    "parent_phone": "01245 123456",
                ], source: .person),
            actor: "t")
        guard case .created(_, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
        return try #require(subjects["pupil"])
    }

    @Test(
        "an SEN file imported by UPN joins the pupil; an unknown UPN refuses the row by line and makes no one",
        arguments: TestBackend.available)
    func importByLookup(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let pupil = try await pupil(vault, upn: "B801200005001")
            let type = try #require(vault.policy.recordType("sen_file"))
            let file = try fixture.csv(
                """
                UPN,Special educational needs provision (E K or N),Assessments plans and reviews
                b801 2000 05001,K,Speech and language plan
                A801200005001,E,EHC plan
                ,N,No one named
                """, name: "sen.csv")
            let report = try await RecordImporter(vault: vault, recordType: type).run(
                file: file, dryRun: false, actor: "office")
            #expect(report.created == 1)
            #expect(report.newSubjects == 0, "no one is made")
            #expect(report.rejected == 2)
            #expect(report.problems.map(\.line) == [3, 4])
            #expect(report.problems.allSatisfy { $0.field == "upn" && !$0.message.contains("A801200005001") })

            let records = try await vault.read(subject: pupil, actor: "t").records
            #expect(Set(records.map(\.type)) == ["pupil_record", "sen_file"])
            #expect(records.first { $0.type == "sen_file" }?.values["upn"] == nil, "the lookup is not kept in the file")

            let package = try await AccessPackages(vault: vault).build(subject: pupil, actor: "dpo")
            #expect(package.records.contains { $0.type == "sen_file" })
            try await vault.erase(subject: pupil, actor: "dpo", reason: "test")
            #expect(try await fixture.store.recordParts(ofSubjects: [pupil], in: vault.workspace.id).isEmpty)
        }
    }

    @Test(
        "named by id: another record of the type each time; without a person, nothing is written",
        arguments: TestBackend.available)
    func namedByID(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let pupil = try await pupil(vault, upn: "B801200005001")
            let type = try #require(vault.policy.recordType("child_protection_file"))
            for concern in ["First concern", "Second concern"] {
                _ = try await vault.write(
                    RecordInput(
                        type: type, values: ["concerns": concern], source: .person, subjects: ["pupil": pupil],
                        isAnotherRecord: true),
                    actor: "dsl")
            }
            let files = try await vault.read(subject: pupil, actor: "t").records.filter {
                $0.type == "child_protection_file"
            }
            #expect(files.count == 2)
            await #expect(throws: VaultError.self) {
                try await vault.write(
                    RecordInput(type: type, values: ["concerns": "Whose?"], source: .person), actor: "dsl")
            }
            await #expect(throws: VaultError.self) {
                try await vault.write(
                    RecordInput(
                        type: type, values: ["concerns": "Whose?"], source: .person, subjects: ["pupil": UUID()]),
                    actor: "dsl")
            }
            let created = try await AuditLog(store: fixture.store).entries(limit: 1000).filter {
                $0.event.action == "record.create"
            }
            #expect(created.count == 4, "the pupil record (pupil and parent) and the two files; nothing for no one")
        }
    }

    @Test(
        "an import naming a school URN the workspace does not hold is refused by line", arguments: TestBackend.available
    )
    func unknownSchool(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "bep")
            try await vault.addSchool(name: "Basildon Academy", urn: "100001", laCode: nil, actor: "t")
            let type = try #require(vault.policy.recordType("registered_user"))
            let file = try fixture.csv(
                """
                first_name,surname,role,email,phone,school_urn
                Ann,Held,Teacher,ann@example.sch.uk,01268 000000,100001
                Bob,Unheld,Teacher,bob@example.sch.uk,01268 000001,100009
                """, name: "users.csv")
            let report = try await RecordImporter(vault: vault, recordType: type).run(
                file: file, dryRun: false, actor: "office")
            #expect(report.created == 1)
            #expect(report.rejected == 1)
            #expect(report.problems.map(\.line) == [3])
            #expect(report.problems.first?.field == "school_urn")
            #expect(
                try await fixture.store.schools(in: vault.workspace.id).map(\.urn) == ["100001"], "no school is made")
        }
    }
}
