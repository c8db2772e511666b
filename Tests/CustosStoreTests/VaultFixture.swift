import CustosCore
import CustosServices
import CustosTestSupport
import Foundation

/// A workspace made from an example policy, with its own master key file, for vault tests.
struct VaultFixture {
    let store: any CustosStore
    let keys: MasterKeySource
    let keyFolder: URL

    init(store: any CustosStore) throws {
        self.store = store
        keyFolder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-keys-\(UUID().uuidString)")
        keys = MasterKeySource(fileURL: keyFolder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
    }

    /// A new workspace named `name` from `Examples/<example>.yaml`, changed by `edit` if given,
    /// and its vault.
    func vault(example: String, name: String? = nil, edit: ((String) -> String)? = nil) async throws -> Vault {
        let url = Repository.example(example)
        let loaded =
            if let edit {
                try PolicyLoader.load(
                    yaml: edit(try String(contentsOf: url, encoding: .utf8)), fileName: url.lastPathComponent)
            } else {
                try PolicyLoader.load(contentsOf: url)
            }
        let (workspace, _) = try await store.createWorkspace(
            name: name ?? example, title: example, policy: loaded, by: "test", at: Date())
        return try await Vault.open(store: store, workspace: workspace, policy: loaded.policy, keys: keys)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: keyFolder)
    }

    /// Writes a CSV file and returns its URL.
    func csv(_ text: String, name: String = "pupils.csv") throws -> URL {
        try FileManager.default.createDirectory(at: keyFolder, withIntermediateDirectories: true)
        let url = keyFolder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let pupilHeading =
        "Pupil Name,UPN,Gender,FSM,Disadvantaged,SEN,KS2 Reading Mark,KS2 Maths Mark,KS2 Reading TA,KS2 Maths TA,KS2 APS,Subjects,Grades"
}

extension TestBackend {
    /// A fresh store with a vault fixture, cleaned up after.
    func withFixture(_ body: (VaultFixture) async throws -> Void) async throws {
        try await withFreshStore { store in
            let fixture = try VaultFixture(store: store)
            defer { fixture.cleanUp() }
            try await body(fixture)
        }
    }
}
