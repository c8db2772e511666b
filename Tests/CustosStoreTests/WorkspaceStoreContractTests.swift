import CustosCore
import CustosServices
import Foundation
import Testing

/// The contract every store keeps, run against each backend.
@Suite("Workspace store contract")
struct WorkspaceStoreContractTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000.123)

    @Test("a new workspace has its policy as version 1", arguments: TestBackend.available)
    func createWorkspace(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            let policy = try StoredPolicies.policy(comment: "Café — naïve 😀")
            let (workspace, version) = try await store.createWorkspace(
                name: "example", title: "Example School", policy: policy, by: "cli:dpo", at: now)
            #expect(workspace.name == "example")
            #expect(version.number == 1)
            #expect(version.contentHash == policy.contentHash)
            let found = try #require(try await store.workspace(named: "example"))
            #expect(found == workspace)
            #expect(abs(found.createdAt.timeIntervalSince(now)) < 0.001)
            let current = try #require(try await store.currentPolicyVersion(in: workspace))
            #expect(current.number == 1)
            #expect(current.source == policy.source)
            #expect(current.fileName == "policy.yaml")
            #expect(current.recordedBy == "cli:dpo")
            #expect(try await store.workspaces() == [workspace])
        }
    }

    @Test("a second workspace of the same name is refused and nothing changes", arguments: TestBackend.available)
    func duplicateName(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            let (first, _) = try await store.createWorkspace(
                name: "example", title: "A", policy: try StoredPolicies.policy(), by: "test", at: now)
            await #expect(throws: StoreError.workspaceExists("example")) {
                try await store.createWorkspace(
                    name: "example", title: "B", policy: try StoredPolicies.policy(named: "Other"), by: "test", at: now)
            }
            #expect(try await store.workspaces() == [first])
            #expect(try await store.policyVersions(in: first).count == 1)
        }
    }

    @Test("a workspace name that cannot appear in a URL is refused", arguments: TestBackend.available)
    func invalidName(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            for name in ["Example", "1school", "ex ample", "", "école"] {
                await #expect(throws: StoreError.invalidWorkspaceName(name)) {
                    try await store.createWorkspace(
                        name: name, title: "X", policy: try StoredPolicies.policy(), by: "test", at: now)
                }
            }
            let workspaces = try await store.workspaces()
            #expect(workspaces.isEmpty)
        }
    }

    @Test("applying a policy records a new version only when its text changed", arguments: TestBackend.available)
    func versions(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            let original = try StoredPolicies.policy()
            let (workspace, _) = try await store.createWorkspace(
                name: "example", title: "Example", policy: original, by: "test", at: now)
            let same = try await store.recordPolicyVersion(original, in: workspace, by: "test", at: now)
            #expect(same == .unchanged(try #require(try await store.currentPolicyVersion(in: workspace))))
            let edited = try StoredPolicies.policy(comment: "edited")
            let outcome = try await store.recordPolicyVersion(
                edited, in: workspace, by: "cli:dpo", at: now.addingTimeInterval(60))
            guard case .recorded(let version) = outcome else {
                Issue.record("expected a new version, got \(outcome)")
                return
            }
            #expect(version.number == 2)
            #expect(version.contentHash == edited.contentHash)
            #expect(try await store.policyVersions(in: workspace).map(\.number) == [1, 2])
            #expect(try await store.currentPolicyVersion(in: workspace)?.contentHash == edited.contentHash)
            // Going back to the first text is a new version too: versions record history.
            let reverted = try await store.recordPolicyVersion(original, in: workspace, by: "test", at: now)
            #expect(reverted.version.number == 3)
        }
    }

    @Test("versions applied at the same moment get distinct numbers", arguments: TestBackend.available)
    func concurrentApplies(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            let (workspace, _) = try await store.createWorkspace(
                name: "example", title: "Example", policy: try StoredPolicies.policy(), by: "test", at: now)
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await store.recordPolicyVersion(
                            try StoredPolicies.policy(comment: "edit \(index)"), in: workspace, by: "test", at: now
                        ).version.number
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(2...9))
            #expect(try await store.policyVersions(in: workspace).map(\.number) == Array(1...9))
        }
    }

    @Test("nothing crosses between workspaces", arguments: TestBackend.available)
    func isolation(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            let (alpha, _) = try await store.createWorkspace(
                name: "alpha", title: "Alpha", policy: try StoredPolicies.policy(named: "Alpha"), by: "test", at: now)
            let (beta, _) = try await store.createWorkspace(
                name: "beta", title: "Beta", policy: try StoredPolicies.policy(named: "Beta"), by: "test", at: now)
            _ = try await store.recordPolicyVersion(
                try StoredPolicies.policy(named: "Alpha", comment: "2"), in: alpha, by: "test", at: now)
            #expect(try await store.policyVersions(in: alpha).count == 2)
            #expect(try await store.policyVersions(in: beta).count == 1)
            #expect(try await store.currentPolicyVersion(in: beta)?.source.contains("Beta School") == true)
            #expect(try await store.workspaces().map(\.name) == ["alpha", "beta"])
        }
    }

    @Test("the workspace is found by name, or is the only one", arguments: TestBackend.available)
    func resolveWorkspace(_ backend: TestBackend) async throws {
        try await backend.withFreshStore { store in
            await #expect(throws: StoreError.noWorkspace) { try await store.resolveWorkspace(nil) }
            let (alpha, _) = try await store.createWorkspace(
                name: "alpha", title: "Alpha", policy: try StoredPolicies.policy(), by: "test", at: now)
            #expect(try await store.resolveWorkspace(nil) == alpha)
            _ = try await store.createWorkspace(
                name: "beta", title: "Beta", policy: try StoredPolicies.policy(), by: "test", at: now)
            await #expect(throws: StoreError.ambiguousWorkspace(["alpha", "beta"])) {
                try await store.resolveWorkspace(nil)
            }
            #expect(try await store.resolveWorkspace("alpha") == alpha)
            await #expect(throws: StoreError.workspaceNotFound("gamma")) { try await store.resolveWorkspace("gamma") }
        }
    }

    @Test("reopening runs migrations again without harm and keeps the data", arguments: TestBackend.available)
    func reopen(_ backend: TestBackend) async throws {
        try await backend.withReopenedStore { reopen, store in
            _ = try await store.createWorkspace(
                name: "example", title: "Example", policy: try StoredPolicies.policy(), by: "test", at: now)
            try await reopen()
            try await reopen()
            #expect(try await store.workspaces().map(\.name) == ["example"])
        }
    }
}
