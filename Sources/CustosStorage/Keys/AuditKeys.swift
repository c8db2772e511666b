public import CustosCore
import Synchronization

/// Where a store finds the audit chain's key: the master keys, once someone holding them has
/// opened a vault or a command has loaded them. A store whose chain is keyed refuses to append
/// without it, so that no entry is ever written that the key does not bind.
public final class AuditKeys: Sendable {
    private let source: Mutex<MasterKeySource?> = Mutex(nil)
    private let derived: Mutex<[String: AuditChainKey]> = Mutex([:])
    /// Ids looked for and not held, so that verifying a long chain reads the key file once.
    private let missing: Mutex<Set<String>> = Mutex([])

    /// Whether this process has made sure the key file anchors the chain (``AuditAnchor``).
    private let anchorSettled = Mutex(false)

    /// How far this process has verified the chain, so that a later verification goes on from
    /// there, and whether it has found a break since it last checked the whole chain. Kept in
    /// memory only: nothing written to the database can make a process skip entries.
    private let verification: Mutex<(position: AuditVerifier.Position?, broken: Bool)> = Mutex((nil, false))

    /// Where this process's verifications of the chain have reached, to go on from; nil before the
    /// first, and once a break has been found until the whole chain verifies again.
    public var verified: AuditVerifier.Position? {
        verification.withLock { $0.broken ? nil : $0.position }
    }

    /// Records that a verification that started at `start` reached `position`: only if no other
    /// verification has moved the position meanwhile (two views at once), and, for one that went on
    /// from a position, only while no break is known.
    public func remember(verified position: AuditVerifier.Position, from start: AuditVerifier.Position?) {
        verification.withLock { state in
            guard state.position == start else { return }
            if start == nil {
                state = (position, false)
            } else if !state.broken {
                state.position = position
            }
        }
    }

    /// Records that a break was found: verifications start from the beginning until the whole
    /// chain verifies again.
    public func rememberBroken() {
        verification.withLock { $0 = (nil, true) }
    }

    public init() {}

    /// The key file's record of where the chain's keying began, if the keys are loaded and hold one.
    public func anchor() throws -> AuditAnchor? {
        guard let keys = source.withLock({ $0 }) else { return nil }
        return try keys.ring().auditAnchor
    }

    /// The master keys, when loaded.
    public var keys: MasterKeySource? { source.withLock { $0 } }

    /// Whether this process has seen to the anchor already.
    public var isAnchorSettled: Bool { anchorSettled.withLock { $0 } }

    /// Marks the anchor seen to, so that opening more vaults does not look again.
    public func markAnchorSettled() { anchorSettled.withLock { $0 = true } }

    /// Uses `keys` from now on.
    public func use(_ keys: MasterKeySource) {
        source.withLock { $0 = keys }
    }

    /// Whether the master keys are loaded.
    public var isLoaded: Bool { source.withLock { $0 != nil } }

    /// The chain key of the current master key, or nil when no master keys are loaded.
    public func current() throws -> AuditChainKey? {
        guard let keys = source.withLock({ $0 }) else { return nil }
        return chainKey(for: try keys.ring().current)
    }

    /// The chain key of the master key `id`: derived from it while the key file holds it, else
    /// the chain key the key file kept when rotation retired it.
    public func key(id: String) throws -> AuditChainKey? {
        guard let keys = source.withLock({ $0 }) else { return nil }
        if let known = derived.withLock({ $0[id] }) { return known }
        if missing.withLock({ $0.contains(id) }) { return nil }
        guard let key = try keys.ring(holding: id).auditChainKey(id: id) else {
            missing.withLock { _ = $0.insert(id) }
            return nil
        }
        derived.withLock { $0[id] = key }
        return key
    }

    private func chainKey(for master: MasterKey) -> AuditChainKey {
        if let known = derived.withLock({ $0[master.id] }) { return known }
        let key = AuditChainKey(deriving: master)
        derived.withLock { $0[master.id] = key }
        return key
    }
}
