import CustosCore
public import CustosStorage
import Foundation

/// Whether this server can serve: what `/readyz` answers and `custos doctor` reports. Three checks,
/// each cheap enough to run every few seconds: the database answers, its schema is current (every
/// migration applied), and the master keys are at hand and open each workspace's keys. A failure
/// is described without secrets or personal data: a count, a workspace's name, an error's kind.
public struct Readiness: Sendable {
    /// One check and its outcome.
    public struct Check: Sendable, Equatable {
        /// `database`, `migrations` or `keys`.
        public var name: String
        public var passed: Bool
        /// What was found, for people: "3 migrations not yet applied".
        public var detail: String

        public init(name: String, passed: Bool, detail: String) {
            self.name = name
            self.passed = passed
            self.detail = detail
        }
    }

    /// The checks, in the order above.
    public var checks: [Check]

    /// Whether every check passed.
    public var isReady: Bool { checks.allSatisfy(\.passed) }

    /// Runs the checks against `store` and `keys`.
    static func check(store: any CustosStore, keys: MasterKeySource) async -> Readiness {
        var checks: [Check] = []
        let pending: [String]
        do {
            pending = try await store.pendingMigrations()
            checks.append(Check(name: "database", passed: true, detail: "answers"))
        } catch {
            checks.append(Check(name: "database", passed: false, detail: "does not answer (\(type(of: error)))"))
            checks.append(Check(name: "migrations", passed: false, detail: "unknown: the database does not answer"))
            checks.append(Check(name: "keys", passed: false, detail: "unknown: the database does not answer"))
            return Readiness(checks: checks)
        }
        checks.append(
            pending.isEmpty
                ? Check(name: "migrations", passed: true, detail: "all \(SchemaMigrations.ids.count) applied")
                : Check(
                    name: "migrations", passed: false,
                    detail: "\(pending.count) not yet applied, from '\(pending[0])'"))
        checks.append(await keysCheck(store: store, keys: keys))
        return Readiness(checks: checks)
    }

    /// The master keys load and open every workspace's keys.
    private static func keysCheck(store: any CustosStore, keys: MasterKeySource) async -> Check {
        let ring: MasterKeyRing
        do {
            ring = try keys.ring()
        } catch {
            return Check(name: "keys", passed: false, detail: "the master keys cannot be read (\(keys.location))")
        }
        do {
            let workspaces = try await store.workspaces()
            for workspace in workspaces {
                let wrapped = try await store.workspaceSecrets(in: workspace.id)
                for purpose in WorkspaceSecrets.Purpose.allCases {
                    guard let key = wrapped[purpose.rawValue] else { continue }
                    // A key rotated in by another server is read afresh, as the vault does.
                    guard
                        (try? keys.ring(holding: key.masterKeyID).unwrap(
                            key, context: WorkspaceSecrets.wrapContext(workspaceID: workspace.id, purpose: purpose),
                            what: "the workspace's \(purpose.rawValue) key")) != nil
                    else {
                        return Check(
                            name: "keys", passed: false,
                            detail: "the master keys do not open workspace '\(workspace.name)'")
                    }
                }
            }
            return Check(
                name: "keys", passed: true,
                detail:
                    "\(ring.keys.count) master \(ring.keys.count == 1 ? "key" : "keys"), opening \(workspaces.count) \(workspaces.count == 1 ? "workspace" : "workspaces")"
            )
        } catch {
            return Check(
                name: "keys", passed: false, detail: "the workspaces' keys cannot be read (\(type(of: error)))")
        }
    }
}
