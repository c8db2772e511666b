import CustosCore
import CustosServices
import Foundation
import Testing
import ZIPFoundation

/// People of the seeds' kinds, written or imported as the office would, for scenario tests.
enum SeedPeople {
    static func head(_ vault: Vault, email: String, paEmail: String? = nil) async throws -> UUID {
        let type = try #require(vault.policy.recordType("member_contact"))
        var values = ["name": "Head Teacher", "school_address": "1 School Lane", "head_email": email]
        if let paEmail {
            values["pa_name"] = "Pat Assistant"
            values["pa_email"] = paEmail
        }
        let outcome = try await vault.write(
            RecordInput(type: type, values: values, source: .person), actor: "test")
        guard case .created(_, let subjects, _) = outcome else { throw ScenarioFailure() }
        return try #require(subjects["head"])
    }

    static func assetContact(_ vault: Vault, email: String, name: String = "Sam Bursar") async throws -> UUID {
        let type = try #require(vault.policy.recordType("contact"))
        let outcome = try await vault.write(
            RecordInput(
                type: type, values: ["name": name, "school_name": "Hill School", "email": email],
                source: RecordSource(kind: .form, name: "demo request")),
            actor: "test")
        let id = outcome.recordID.flatMap { _ in
            if case .created(_, let subjects, _) = outcome { subjects["contact"] } else { nil }
        }
        return try #require(id)
    }

    /// Hutton's pupil Ann Smith, with her parent Jo on the record: the record's id and the pupil's.
    static func huttonPupil(_ vault: Vault) async throws -> (record: UUID, pupil: UUID) {
        let type = try #require(vault.policy.recordType("pupil_record"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: [
                    "name": "Ann Smith", "date_of_birth": "2017-03-04", "parent_name": "Jo Smith",
                    "parent_phone": "01277 000000",
                ], source: .person),
            actor: "office")
        guard case .created(let record, let subjects, _) = outcome else { throw ScenarioFailure() }
        return (record, try #require(subjects["pupil"]))
    }

    /// The package and the report of an access package's zip.
    static func opened(_ zip: Data) throws -> (AccessPackage, String) {
        let archive = try Archive(data: zip, accessMode: .read)
        var json = Data()
        _ = try archive.extract(try #require(archive["data.json"])) { json.append($0) }
        var html = Data()
        _ = try archive.extract(try #require(archive["report.html"])) { html.append($0) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try decoder.decode(AccessPackage.self, from: json), String(decoding: html, as: UTF8.self))
    }

    struct ScenarioFailure: Error {}

    /// Imports ASSET contact rows (name, school, email) from a CSV file, as the office would.
    static func importContacts(_ rows: [String], into vault: Vault, fixture: VaultFixture) async throws -> ImportReport
    {
        let file = try fixture.csv(
            (["Name,School name,Email"] + rows).joined(separator: "\n") + "\n", name: "contacts.csv")
        let type = try #require(vault.policy.recordType("contact"))
        return try await RecordImporter.byTheDPO(vault, type, actor: "office").run(file: file, dryRun: false)
    }
}

extension RecordImporter {
    /// An importer acting as the DPO, for the first purpose the type is kept for that the DPO may
    /// write it for: for the tests that are not about the door.
    static func byTheDPO(_ vault: Vault, _ type: RecordType, actor: String) -> RecordImporter {
        RecordImporter(
            vault: vault, recordType: type,
            as: DataUser(actor: actor, access: StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy)),
            purpose: RolePurposeRule.purposes(of: .dpo, .update, recordType: type, policy: vault.policy).first)
    }
}
