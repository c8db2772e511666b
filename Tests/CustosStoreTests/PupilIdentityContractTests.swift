import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import Testing

/// ASSET's notice: "either a Pupil Name or a URN (whether pseudonymised or not)" identifies a
/// pupil. A UPN finds a pupil across schools; a name, or the school's own pupil code, only within
/// the school a file is imported for. A row with nothing that identifies is refused by line.
@Suite("Pupils identified by UPN, or by name or code within their school")
struct PupilIdentityContractTests {
    static let heading =
        "Pupil Name,UPN,Pupil code,KS2 Reading Mark,KS2 Maths Mark,KS2 Reading TA,KS2 Maths TA,KS2 APS,Subjects,Grades"

    static func row(name: String = "", upn: String = "", code: String = "", mark: Int = 100) -> String {
        "\(name),\(upn),\(code),\(mark),100,EXS,EXS,100,Maths,5"
    }

    @Test(
        "a name or a school's own code finds a pupil within one school; a UPN across schools; nothing that identifies is refused",
        arguments: TestBackend.available)
    func identifiedWithinSchool(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let north = try await vault.addSchool(name: "North Academy", urn: "100001", laCode: nil, actor: "t")
            let south = try await vault.addSchool(name: "South Academy", urn: "100002", laCode: nil, actor: "t")
            let type = try #require(vault.policy.recordType("pupil_assessment"))
            func upload(_ rows: [String], for school: School?) async throws -> ImportReport {
                let file = try fixture.csv(([Self.heading] + rows).joined(separator: "\n"), name: "\(UUID()).csv")
                return try await RecordImporter.byTheDPO(vault, type, actor: "office").run(
                    file: file, schoolID: school?.id, dryRun: false)
            }

            var report = try await upload(
                [
                    Self.row(name: "Ann Smith"), Self.row(code: "P1042"),
                    Self.row(name: "Ben Jones", upn: "B801200005001"),
                ],
                for: north)
            #expect(report.created == 3)
            #expect(report.newSubjects == 3)
            // The same pupils again, for the same school: found and updated, no one new.
            report = try await upload(
                [
                    Self.row(name: "Ann Smith", mark: 101), Self.row(code: "P1042", mark: 101),
                    Self.row(name: "Ben Jones"),
                ],
                for: north)
            #expect(report.updated == 3)
            #expect(report.newSubjects == 0)
            #expect(try await vault.memberIDs(ofSchool: north.id).count == 3)

            // Another school's Ann Smith and pupil P1042 are other pupils; Ben's UPN finds Ben.
            report = try await upload(
                [Self.row(name: "Ann Smith"), Self.row(code: "P1042"), Self.row(upn: "B801200005001")], for: south)
            #expect(report.created == 2)
            #expect(report.updated == 1)
            #expect(report.newSubjects == 2)
            #expect(try await vault.memberIDs(ofSchool: south.id).count == 3)

            // Nothing that identifies, or only a name with no school: refused by line, no one made.
            let before = try await vault.subjectIDs(withRecordsOfTypes: [type.id]).count
            report = try await upload([Self.row(), Self.row(name: "Cat Brown")], for: nil)
            #expect(report.rejected == 2)
            #expect(report.newSubjects == 0)
            let errors = report.problems.filter { !$0.isWarning }
            #expect(errors.map(\.line) == [2, 3])
            #expect(errors.first?.field == "upn")
            #expect(errors.first?.message.contains("give at least one of") == true)
            #expect(errors.last?.field == "pupil_name")
            #expect(errors.last?.message.contains("only within a school") == true)
            #expect(report.problems.allSatisfy { !$0.message.contains("Cat Brown") })
            #expect(try await vault.subjectIDs(withRecordsOfTypes: [type.id]).count == before)

            // A new Ann Smith at North with a UPN of her own is another pupil: the UPN, the
            // strongest identifier given, decides, and the name held does not join them.
            report = try await upload([Self.row(name: "Ann Smith", upn: "P207000016049")], for: north)
            #expect(report.created == 1)
            #expect(report.newSubjects == 1)
            #expect(try await vault.subjectIDs(identifierKind: "upn", value: "P207000016049").count == 1)
            #expect(
                try await vault.subjectIDs(identifierKind: "pupil_name", value: "Ann Smith").isEmpty,
                "a name within a school finds no one without the school")

            // A pupil known by name only has their rows in their access package and their erasure.
            // A name is not theirs alone, so erasing them leaves no tombstone on it: the school's
            // next Ann Smith (whom only the school can tell apart) is not refused.
            var named: [UUID] = []
            for id in try await vault.memberIDs(ofSchool: north.id) {
                let records = try await vault.read(subject: id, actor: "t").records
                if records.contains(where: { $0.values["pupil_code"] == nil && $0.values["upn"] == nil }) {
                    named.append(id)
                }
            }
            #expect(named.count == 1, "North holds one Ann by name only, the other by UPN, and P1042 by code")
            let ann = try #require(named.first)
            let package = try await AccessPackages(vault: vault).build(subject: ann, actor: "dpo")
            #expect(package.records.contains { $0.type == type.id })
            try await vault.erase(subject: ann, actor: "dpo", reason: "test")
            #expect(try await fixture.store.recordParts(ofSubjects: [ann], in: vault.workspace.id).isEmpty)
            report = try await upload([Self.row(name: "Ann Smith")], for: south)
            #expect(report.updated == 1, "South's Ann Smith is someone else, and still held")
            #expect(report.suppressed == 0)
        }
    }
}
