import CustosCore
import CustosServices
import Foundation
import Testing
import ZIPFoundation

/// What each right gives the person, told truly: an access package that claims no consent never
/// given and names sources in words, the educational record's inspection copy, portability of
/// what an import carried from the person, and an erasure certificate that says how long backups
/// still hold a copy.
@Suite("Rights outputs")
struct RightsOutputsTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    /// An ASHE head brought in by an import, as the office does.
    func importedHead(_ vault: Vault, fixture: VaultFixture) async throws -> UUID {
        let type = try #require(vault.policy.recordType("member_contact"))
        let file = try fixture.csv(
            "Name,School postal address,Head's Email Address\nAnn Head,1 Lane,ann@school.example\n", name: "wh.csv")
        _ = try await RecordImporter.byTheDPO(vault, type, actor: "office").run(file: file, dryRun: false)
        return try #require(try await vault.subjectIDs(identifierKind: "email", value: "ann@school.example").first)
    }

    @Test(
        "an access package claims no consent never given, says there are no automated decisions, names sources in words and the day received",
        arguments: TestBackend.available)
    func truthfulPackage(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await importedHead(vault, fixture: fixture)
            let requests = Requests(vault: vault)
            let access = try await requests.open(
                RequestIntake(
                    kind: .access, subjectID: head, channel: .email, receivedOn: try day("2026-11-02"),
                    identityShown: true), actor: "office")
            let (package, report) = try SeedPeople.opened(try await requests.package(access.id, actor: "dpo"))
            let record = try #require(package.records.first)
            let marketing = try #require(record.uses.first { $0.purpose == vault.policy.purpose("marketing")?.name })
            #expect(marketing.lawfulBasis == "your consent, which you have not given: we do not use it for this")
            #expect(!record.source.contains("wh.csv"), "never an internal file name")
            #expect(record.source.contains("brought into our records"))
            #expect(package.requestReceived?.iso == "2026-11-02")
            #expect(report.contains("which we received on 2 November 2026. This copy was made on"))
            #expect(package.automatedDecisions.isEmpty)
            #expect(report.contains("We make no decisions about you by automated means alone"))

            try await Contacts(vault: vault).record(
                .given, subject: head, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let (again, _) = try SeedPeople.opened(try await requests.package(access.id, actor: "dpo"))
            #expect(
                again.records.first?.uses.first { $0.purpose == marketing.purpose }?.lawfulBasis
                    == "your consent, which you gave and have not withdrawn")
        }
    }

    @Test(
        "a parent's request for the educational record yields the inspection copy: the record as held, free to see",
        arguments: TestBackend.available)
    func educationalRecord(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "hutton")
            let (_, pupil) = try await SeedPeople.huttonPupil(vault)
            let requests = Requests(vault: vault)
            let request = try await requests.open(
                RequestIntake(
                    kind: .educationalRecord, subjectID: pupil, channel: .letter, receivedOn: try day("2026-11-02"),
                    identityShown: true, onBehalfAs: "parent", competence: "aged 9: the parent asks"),
                actor: "office")
            // Nothing of the child leaves before the parent's identity is checked.
            let unverified = try await requests.open(
                RequestIntake(
                    kind: .educationalRecord, subjectID: pupil, channel: .letter, receivedOn: try day("2026-11-02"),
                    onBehalfAs: "parent", competence: "aged 9: the parent asks"),
                actor: "office")
            let refusal = await #expect(throws: UseRefusal.self) {
                _ = try await requests.package(unverified.id, actor: "dpo")
            }
            #expect(refusal?.code == .identityNotVerified)
            #expect(
                try await AuditLog(store: fixture.store).entries(limit: 50).allSatisfy {
                    $0.event.action != "request.package"
                })

            let (package, report) = try SeedPeople.opened(try await requests.package(request.id, actor: "dpo"))
            #expect(package.answer == .educationalRecord)
            #expect(package.records.map(\.type) == ["pupil_record"])
            #expect(package.records.first?.fields.contains { $0.value == "Ann Smith" } == true)
            #expect(package.consents.isEmpty && package.messages.isEmpty)
            #expect(report.contains("The educational record held by"))
            #expect(report.contains("Seeing the record is free."))
            #expect(report.contains("A copy costs no more than the cost of supplying it"))
            let audit = try await AuditLog(store: fixture.store).entries(limit: 50).map(\.event.action)
            #expect(audit.contains("request.package"))

            // A policy that marks no record as the educational record gives a parent nothing,
            // rather than every record of the child.
            let unmarked = try await fixture.vault(example: "hutton", name: "unmarked") {
                $0.replacingOccurrences(of: "    kind: pupil_record_primary\n", with: "")
                    .replacingOccurrences(of: "    kind: sen_file\n", with: "")
            }
            let (_, child) = try await SeedPeople.huttonPupil(unmarked)
            let asked = try await Requests(vault: unmarked).open(
                RequestIntake(
                    kind: .educationalRecord, subjectID: child, channel: .letter, receivedOn: try day("2026-11-02"),
                    identityShown: true, onBehalfAs: "parent", competence: "aged 9: the parent asks"),
                actor: "office")
            do {
                _ = try await Requests(vault: unmarked).package(asked.id, actor: "dpo")
                Issue.record("every record of the child was handed over")
            } catch let error as VaultError {
                #expect(error.message.contains("marks no record type as part of the educational record"))
            }
        }
    }

    @Test(
        "portability covers what an import carried from the person; the erasure certificate says when backups expire",
        arguments: TestBackend.available)
    func portabilityAndBackups(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await importedHead(vault, fixture: fixture)
            let requests = Requests(vault: vault)
            func open(_ kind: RequestKind) async throws -> UUID {
                try await requests.open(
                    RequestIntake(
                        kind: kind, subjectID: head, channel: .email, receivedOn: CalendarDay.today,
                        identityShown: true), actor: "office"
                ).id
            }
            let zip = try await requests.portable(try await open(.portability), actor: "office")
            let archive = try Archive(data: zip, accessMode: .read)
            var csv = Data()
            _ = try archive.extract(try #require(archive["records.csv"])) { csv.append($0) }
            #expect(String(decoding: csv, as: UTF8.self).contains("ann@school.example"))

            let now = Date()
            let keepUntil = now.addingTimeInterval(30 * 86_400)
            try await fixture.store.recordBackup(
                BackupRecord(
                    madeAt: now.addingTimeInterval(-3600), keepUntil: keepUntil, masterKeyIDs: [], kind: "sqlite"))
            let certificate = try await Erasures(vault: vault).carryOut(
                request: try await open(.erasure), ground: .consentWithdrawn, on: CalendarDay.today, actor: "dpo")
            let expires = CalendarDay(keepUntil, in: CalendarDay.clockTimeZone)
            #expect(certificate.lastBackupExpires == expires)
            #expect(certificate.text.contains("the last of them expires on \(expires)"))
            #expect(!certificate.text.contains("in backups or anywhere else"))
        }
    }
}
