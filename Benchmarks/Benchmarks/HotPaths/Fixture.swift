import CustosCore
import CustosDeployment
import CustosServices
import Foundation
import Logging

/// An ASSET workspace on a new SQLite store in a temporary folder, with ``people`` contacts
/// imported and four in five of them consenting to the newsletter, made once per run.
struct Fixture: Sendable {
    static let people = 1_000
    static let newsletter = ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter")

    let vault: Vault
    let contactType: RecordType
    let dpo: DataUser
    let ids: [UUID]
    /// 500 of the contacts again, for an import batch that updates each.
    let batchFile: URL

    /// The fixture, made on first use.
    static var shared: Fixture {
        get async throws { try await made.value }
    }

    private static let made = Task { try await make() }

    func person(_ index: Int) -> UUID { ids[index % ids.count] }

    static func email(_ number: Int) -> String { "contact\(number)@school\(number % 97).sch.uk" }

    private static func make() async throws -> Fixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "custos-hot-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")
        let asset = try PolicyLoader.load(contentsOf: examples.appendingPathComponent("asset.yaml"))
        let opened = try StoreLocation.sqlite(directory: folder.appendingPathComponent("data")).open(
            keys: keys, logger: Logger(label: "custos.hot-paths"))
        let (workspace, _) = try await opened.installation.createWorkspace(
            name: "bench", title: "Bench", policy: asset, by: "benchmark")
        let vault = try await opened.installation.vault(workspace, policy: asset.policy)
        guard let contactType = asset.policy.recordType("contact") else { throw FixtureFailure() }
        let dpo = DataUser(actor: "benchmark", access: StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy))

        let rows = (0..<people).map { "Contact \($0),School \($0 % 97),\(email($0)),Teacher" }
        let heading = "Name,School name,Contact email address,Job title"
        let all = folder.appendingPathComponent("contacts.csv")
        try ([heading] + rows).joined(separator: "\n").write(to: all, atomically: true, encoding: .utf8)
        let batchFile = folder.appendingPathComponent("batch.csv")
        try ([heading] + rows.prefix(500)).joined(separator: "\n").write(
            to: batchFile, atomically: true, encoding: .utf8)
        let importer = RecordImporter(vault: vault, recordType: contactType, as: dpo, purpose: "account_management")
        _ = try await importer.run(file: all, dryRun: false)

        var ids: [UUID] = []
        for number in 0..<people {
            guard let id = try await vault.subjectIDs(identifierKind: "email", value: email(number)).first else {
                throw FixtureFailure()
            }
            ids.append(id)
        }
        let contacts = Contacts(vault: vault)
        for id in ids.enumerated() where id.offset % 5 != 0 {
            try await contacts.record(
                .given, subject: id.element, purpose: "marketing", list: "newsletter", source: .webForm,
                actor: "benchmark")
        }
        return Fixture(
            vault: vault, contactType: contactType, dpo: dpo, ids: ids, batchFile: batchFile)
    }
}

struct FixtureFailure: Error {}
