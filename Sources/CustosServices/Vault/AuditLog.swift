public import CustosCore
public import CustosStorage
public import Foundation

/// Reads and verifies the audit chain.
public struct AuditLog: Sendable {
    let store: any CustosStore
    /// Entries read per query while verifying.
    public var pageSize = 10_000

    /// The log of `store`. Verifying a keyed log checks each entry's hash under the master keys
    /// loaded into the store (``AuditKeys``), or `keys` when given.
    public init(store: any CustosStore, keys: MasterKeySource? = nil) {
        self.store = store
        if let keys { store.auditKeys.use(keys) }
    }

    /// The result of verifying the chain.
    public struct Report: Sendable, Hashable {
        /// Entries that verified before the first break (all of them when intact).
        public var verified: Int
        /// The first break, or `nil` when the chain is intact.
        public var failure: AuditVerifier.Break?
        /// The first entry hashed under the master key; nil for a log never written with the key.
        public var keyedFrom: Int64?
        /// The key file's record of where keying began, which the log was checked against; nil
        /// when the key file records none (``anchor()`` records it).
        public var anchor: AuditAnchor?
    }

    /// What ``anchor()`` found.
    public enum AnchorOutcome: Sendable, Hashable {
        /// No master keys are loaded, or the log's first keyed entry cannot be checked under them.
        case unanchored
        /// The key file already records where keying began, as the log does.
        case held(AuditAnchor)
        /// Recorded in the key file now.
        case recorded(AuditAnchor)
        /// The key file records another point than the log: `verify` says where they part.
        case differs(held: AuditAnchor, log: AuditAnchor)
        /// The keys come from the environment, which Custos cannot change: add the anchor's line
        /// to it.
        case cannotRecord(AuditAnchor)
    }

    /// Makes sure the key file records where the log's keying began (``AuditAnchor``): keys the
    /// log from its next entry if no entry is keyed yet, and records the first keyed entry in the
    /// key file unless it records one already (an anchor recorded is never replaced). The entry
    /// is anchored only if its hash checks under the master key.
    public func anchor() async throws -> AnchorOutcome {
        let auditKeys = store.auditKeys
        guard let keys = auditKeys.keys, keys.isAvailable else { return .unanchored }
        var keyedFrom = try await store.auditKeyedFrom()
        if keyedFrom == nil {
            var keying = ChangeSet.auditOnly([
                AuditEvent(
                    workspaceID: nil, time: Date(), actor: "system", action: "audit.keyed",
                    detail: "the log is bound to the master key from this entry on")
            ])
            // Two processes starting at once: the first keys the log, the other finds it keyed.
            keying.conditions = [.auditUnkeyed]
            do {
                try await store.apply(keying)
            } catch let error as StoreError where error == .conditionFailed("") {}
            keyedFrom = try await store.auditKeyedFrom()
        }
        guard let keyedFrom, keyedFrom > 0,
            let entry = try await store.auditEntries(after: keyedFrom - 1, limit: 1).first,
            entry.sequence == keyedFrom, let keyID = entry.keyID, let chainKey = try auditKeys.key(id: keyID),
            AuditChain.hash(
                sequence: entry.sequence, event: entry.event, previousHash: entry.previousHash, key: chainKey)
                == entry.hash
        else { return .unanchored }
        let found = AuditAnchor(sequence: keyedFrom, hash: entry.hash)
        if let held = try keys.ring().auditAnchor {
            return held == found ? .held(found) : .differs(held: held, log: found)
        }
        if try keys.recordAuditAnchor(found) { return .recorded(found) }
        if let held = try keys.ring().auditAnchor, held != found { return .differs(held: held, log: found) }
        return .cannotRecord(found)
    }

    /// Walks the whole chain, page by page, and reports the first entry altered, removed or
    /// re-ordered, or, from where the log is keyed, rewritten without the master key.
    public func verify() async throws -> Report {
        let keyedFrom = try await store.auditKeyedFrom()
        let keys = store.auditKeys
        if keyedFrom != nil, !keys.isLoaded {
            return Report(
                verified: 0,
                failure: AuditVerifier.Break(
                    sequence: keyedFrom ?? 0,
                    reason: "is keyed: verifying the log needs the master key file (or CUSTOS_MASTER_KEY)"),
                keyedFrom: keyedFrom)
        }
        let anchor = try keys.anchor()
        var verifier = AuditVerifier(keyedFrom: keyedFrom, anchor: anchor) { try keys.key(id: $0) }
        var after: Int64 = 0
        do {
            while true {
                let page = try await store.auditEntries(after: after, limit: pageSize)
                guard let last = page.last else { break }
                for entry in page { try verifier.check(entry) }
                after = last.sequence
            }
            let head = try await store.auditHead()
            try verifier.checkEnd(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditChain.genesis)
            return Report(verified: verifier.checked, failure: nil, keyedFrom: keyedFrom, anchor: anchor)
        } catch let failure as AuditVerifier.Break {
            return Report(verified: verifier.checked, failure: failure, keyedFrom: keyedFrom, anchor: anchor)
        }
    }

    /// The latest `limit` entries about the person `subjectID` in `workspaceID`, newest first.
    public func entries(ofSubject subjectID: UUID, in workspaceID: UUID, limit: Int = 50) async throws -> [AuditEntry] {
        try await store.auditEntries(ofSubject: subjectID, in: workspaceID, limit: limit)
    }

    /// The sequence number of the latest entry; 0 for an empty log.
    public func headSequence() async throws -> Int64 {
        try await store.auditHead()?.sequence ?? 0
    }

    /// The latest entries, newest last.
    public func entries(after sequence: Int64 = 0, limit: Int = 100) async throws -> [AuditEntry] {
        try await store.auditEntries(after: sequence, limit: limit)
    }
}
