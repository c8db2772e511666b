import CustosCore
import CustosServices
import Foundation
import Testing
import ZIPFoundation

/// The zip a person receives for an access request: what is in it, and that making it is audited.
@Suite("Access packages")
struct AccessPackageTests {
    @Test(
        "an ASHE head's package holds their record with its uses, bases, recipients and retention, and their consents",
        arguments: TestBackend.available)
    func asheHead(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example", paEmail: "pa@school.example")
            try await Contacts(vault: vault).record(
                .given, subject: head, purpose: "marketing", list: "lens", source: .webForm, actor: "office")
            let requests = Requests(vault: vault)
            let day = try #require(CalendarDay(iso: "2026-11-02"))
            let access = try await requests.open(
                RequestIntake(kind: .access, subjectID: head, channel: .email, receivedOn: day, identityShown: true),
                actor: "office")
            let zip = try await requests.package(access.id, actor: "dpo")

            let archive = try Archive(data: zip, accessMode: .read)
            var files: [String: Data] = [:]
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                files[entry.path] = data
            }
            #expect(files.keys.sorted() == ["data.json", "records.csv", "report.html"])

            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let package = try decoder.decode(AccessPackage.self, from: try #require(files["data.json"]))
            #expect(package.subjectID == head)
            let record = try #require(package.records.first)
            #expect(record.fields.contains { $0.value == "head@school.example" })
            // The PA's details are the PA's: not in the head's package.
            #expect(!record.fields.contains { $0.value == "pa@school.example" })
            #expect(!record.uses.isEmpty)
            #expect(record.uses.allSatisfy { !$0.lawfulBasis.isEmpty })
            #expect(!record.retention.isEmpty)
            #expect(record.source == "you")
            #expect(package.consents.map(\.action) == ["given"])

            let csv = String(decoding: try #require(files["records.csv"]), as: UTF8.self)
            #expect(csv.hasPrefix("record,record type,role,field,value\r\n"))
            #expect(csv.contains("head@school.example"))
            let html = String(decoding: try #require(files["report.html"]), as: UTF8.self)
            #expect(html.contains("<html lang=\"en-GB\">"))
            #expect(html.contains("head@school.example"))
            #expect(html.contains("Information Commissioner"))

            let actions = try await AuditLog(store: fixture.store).entries(limit: 50).map(\.event.action)
            #expect(actions.contains("request.package"))
            #expect(actions.contains("subject.read"))

            let erasure = try await requests.open(
                RequestIntake(kind: .erasure, subjectID: head, channel: .email, receivedOn: day), actor: "office")
            await #expect(throws: VaultError.self) { try await requests.package(erasure.id, actor: "dpo") }
        }
    }
}

/// Items a reviewer holds back from an access request under the exemptions the notice lists.
@Suite("Withholding from access packages")
struct WithholdingTests {
    func opened(_ zip: Data) throws -> (AccessPackage, String) { try SeedPeople.opened(zip) }

    @Test(
        "Hutton withholds a field for serious harm (and says so) and a record for crime prevention (silently)",
        arguments: TestBackend.available)
    func withhold(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let type = try #require(vault.policy.recordType("pupil_record"))
            let outcome = try await vault.write(
                RecordInput(
                    type: type,
                    values: [
                        "name": "Ann Smith", "date_of_birth": "2017-03-04", "medical_conditions": "Asthma",
                        "parent_name": "Jo Smith", "parent_phone": "01277 000000",
                    ], source: .person), actor: "office")
            guard case .created(let record, let subjects, _) = outcome else { throw SeedPeople.ScenarioFailure() }
            let subject = try #require(subjects["pupil"])
            let requests = Requests(vault: vault)
            let day = try #require(CalendarDay(iso: "2026-11-02"))
            let request = try await requests.open(
                RequestIntake(
                    kind: .access, subjectID: subject, channel: .letter, receivedOn: day, identityShown: true,
                    onBehalfAs: "parent", competence: "aged 9: not yet competent"), actor: "office")

            await #expect(throws: VaultError.self, "legal privilege is not among Hutton's listed exemptions") {
                try await requests.withhold(
                    request: request.id, record: record, exemption: .legalPrivilege, reason: "advice", on: day,
                    actor: "dpo")
            }
            await #expect(throws: VaultError.self, "the parent's name is the parent's part, not the pupil's") {
                try await requests.withhold(
                    request: request.id, record: record, fields: ["parent_name"], exemption: .seriousHarm,
                    reason: "x", on: day, actor: "dpo")
            }
            try await requests.withhold(
                request: request.id, record: record, fields: ["medical_conditions"], exemption: .seriousHarm,
                reason: "clinician's advice", on: day, actor: "dpo")
            var (package, report) = try opened(try await requests.package(request.id, actor: "dpo"))
            #expect(package.records.first?.fields.contains { $0.name == "medical_conditions" } == false)
            #expect(package.records.first?.fields.contains { $0.name == "name" } == true)
            #expect(package.withheld.map(\.reference) == [Exemption.seriousHarm.reference])
            #expect(report.contains("What we have not given you"))
            #expect(!report.contains("Asthma"))

            try await requests.withhold(
                request: request.id, record: record, exemption: .crimePrevention, reason: "police enquiry", on: day,
                actor: "dpo")
            (package, report) = try opened(try await requests.package(request.id, actor: "dpo"))
            #expect(package.records.isEmpty)
            #expect(
                package.withheld.map(\.reference) == [Exemption.seriousHarm.reference], "crime prevention is not said")
            #expect(!report.contains("crime"))
            let audit = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            #expect(audit.filter { $0.action == "request.withhold" }.count == 2)
            #expect(!audit.contains { ($0.detail ?? "").contains("police") || ($0.detail ?? "").contains("clinician") })
        }
    }
}
