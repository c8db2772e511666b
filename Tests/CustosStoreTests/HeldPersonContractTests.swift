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
            let report = try await RecordImporter.byTheDPO(vault, type, actor: "office").run(
                file: file, dryRun: false)
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
            let report = try await RecordImporter.byTheDPO(vault, type, actor: "office").run(
                file: file, dryRun: false)
            #expect(report.created == 1)
            #expect(report.rejected == 1)
            #expect(report.problems.map(\.line) == [3])
            #expect(report.problems.first?.field == "school_urn")
            #expect(
                try await fixture.store.schools(in: vault.workspace.id).map(\.urn) == ["100001"], "no school is made")
        }
    }

    @Test(
        "an import through the door: a row about someone who restricted the purpose is refused by its line and audited; the rest are written",
        arguments: TestBackend.available)
    func importRefusesRestricted(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let ann = try await SeedPeople.head(vault, email: "ann@school.example")
            try await Contacts(vault: vault).setProcessingState(
                .restricted, subject: ann, purpose: "booking_admin", reason: "accuracy contested", actor: "dpo")
            let type = try #require(vault.policy.recordType("member_contact"))
            let file = try fixture.csv(
                """
                Name,School postal address,Head's Email Address
                Ann Head,9 New Road,ann@school.example
                Bea Head,2 Lane,bea@school.example
                """, name: "members.csv")
            let office = DataUser(
                actor: "office", access: StaffAccess(role: .staff, schoolID: nil, policy: vault.policy))
            let before = try await vault.read(subject: ann, actor: "t").records.map(\.values)
            let report = try await RecordImporter(vault: vault, recordType: type, as: office, purpose: "booking_admin")
                .run(file: file, dryRun: false)
            #expect(report.created == 1)
            #expect(report.rejected == 1)
            #expect(report.problems.map(\.line) == [2])
            #expect(report.problems.first?.message.contains("restricted") == true)
            #expect(!report.problems.contains { $0.message.contains("ann@") })
            #expect(try await vault.read(subject: ann, actor: "t").records.map(\.values) == before, "Ann unchanged")
            #expect(try await vault.subjectIDs(identifierKind: "email", value: "bea@school.example").count == 1)
            let refused = try await AuditLog(store: fixture.store).entries(limit: 1000).filter {
                $0.event.action == "access.refused"
            }
            #expect(refused.map(\.event.subjectID) == [ann])
            #expect(refused.first?.event.purpose == "booking_admin")

            // A purpose the role may not write the type for refuses the whole file before a row is read.
            await #expect(throws: UseRefusal.self) {
                _ = try await RecordImporter(vault: vault, recordType: type, as: office, purpose: "nonsense")
                    .run(file: file, dryRun: false)
            }
        }
    }
}
