import CustosTestSupport
import Foundation
import Testing

/// `init`, `policy apply` and `policy versions`, on each backend.
@Suite("Workspaces from the command line")
struct WorkspaceCommandTests {
    /// Runs `body` with the storage options of a fresh SQLite folder and, when available, a fresh PostgreSQL database.
    static func forEachBackend(_ body: ([String], URL) async throws -> Void) async throws {
        try await withTemporaryFolder { folder in
            try await body(["--data", folder.appendingPathComponent("data").path], folder)
            if PostgresTestDatabase.enabled {
                try await PostgresTestDatabase.withFreshDatabase { url in
                    try await body(
                        ["--database", url, "--key-file", folder.appendingPathComponent("postgres-master.key").path],
                        folder)
                }
            }
        }
    }

    @Test("init, apply and versions record the policy's history")
    func history() async throws {
        try await Self.forEachBackend { storage, folder in
            let created = try Custos.run(["init", "--policy", "Examples/ashe.yaml"] + storage)
            #expect(created.status == 0, "\(created.error)")
            #expect(
                created.output.hasPrefix(
                    "Created workspace 'ashe' (Association of Secondary Headteachers in Essex) with policy v1 (sha256:")
            )
            #expect(created.output.contains("The linter finds 5 errors in this policy"))

            let again = try Custos.run(["policy", "apply", "Examples/ashe.yaml"] + storage)
            #expect(again.status == 0)
            #expect(
                again.output.hasPrefix("Unchanged: the policy in force for workspace 'ashe' is already this text, v1"))

            let edited = folder.appendingPathComponent("ashe-v2.yaml")
            try (try String(contentsOf: Repository.example("ashe"), encoding: .utf8) + "# reviewed by the DPO\n")
                .write(to: edited, atomically: true, encoding: .utf8)
            let applied = try Custos.run(["policy", "apply", edited.path] + storage)
            #expect(applied.status == 0)
            #expect(applied.output.hasPrefix("Recorded policy v2 (sha256:"))

            let versions = try Custos.run(["policy", "versions"] + storage)
            let lines = versions.output.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("v1 (sha256:") && lines[0].hasSuffix("ashe.yaml"))
            #expect(lines[1].hasPrefix("v2 (sha256:") && lines[1].hasSuffix("ashe-v2.yaml"))

            let duplicate = try Custos.run(["init", "--policy", "Examples/ashe.yaml"] + storage)
            #expect(duplicate.status == 1)
            #expect(duplicate.error.contains("a workspace named 'ashe' already exists"))
        }
    }

    @Test("a policy whose notice cannot be produced is not applied")
    func applyRefusesIncompleteNotice() async throws {
        try await Self.forEachBackend { storage, folder in
            #expect(
                try Custos.run(["init", "--policy", "Examples/hutton.yaml", "--workspace", "hutton"] + storage).status
                    == 0)
            let broken = folder.appendingPathComponent("hutton-broken.yaml")
            try (try String(contentsOf: Repository.example("hutton"), encoding: .utf8))
                .replacingOccurrences(of: "  email: IGS@essex.gov.uk\n  phone: 0333 032 2970\n", with: "")
                .write(to: broken, atomically: true, encoding: .utf8)
            let result = try Custos.run(["policy", "apply", broken.path] + storage)
            #expect(result.status == 1)
            #expect(result.error.contains("The Data Protection Officer has no contact details."))
            let versions = try Custos.run(["policy", "versions", "--workspace", "hutton"] + storage)
            #expect(versions.output.split(separator: "\n").count == 1)
        }
    }

    @Test("without a workspace, or with an unknown one, the command says so")
    func workspaceErrors() async throws {
        try await withTemporaryFolder { folder in
            let storage = ["--data", folder.appendingPathComponent("data").path]
            let none = try Custos.run(["policy", "versions"] + storage)
            #expect(none.status == 1)
            #expect(none.error.contains("there is no workspace yet; create one with 'custos init --policy FILE'"))
            #expect(try Custos.run(["init", "--policy", "Examples/bep.yaml"] + storage).status == 0)
            let unknown = try Custos.run(["policy", "versions", "--workspace", "nobody"] + storage)
            #expect(unknown.status == 1)
            #expect(unknown.error.contains("there is no workspace named 'nobody'"))
            let unreachable = try Custos.run([
                "policy", "versions", "--database", "postgres://custos@127.0.0.1:1/custos?sslmode=disable",
            ])
            #expect(unreachable.status == 1)
            #expect(unreachable.error.hasPrefix("error: cannot connect to postgres://custos@127.0.0.1:1/custos: "))
            let badURL = try Custos.run(["policy", "versions", "--database", "mysql://x/y"])
            #expect(badURL.status == 2)
            #expect(badURL.error.contains("the database URL is not usable"))
        }
    }
}
