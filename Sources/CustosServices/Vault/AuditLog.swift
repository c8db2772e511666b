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
        /// The entry an incremental verification went on from (the entries up to it were checked
        /// before); nil when the chain was checked from its start.
        public var resumedFrom: Int64?
        /// When the entries up to ``resumedFrom`` were checked, if it went on from a signed
        /// checkpoint (``AuditCheckpoint``) rather than from this process's own last check.
        public var checkpointMadeAt: Date?

        public init(
            verified: Int, failure: AuditVerifier.Break?, keyedFrom: Int64?, anchor: AuditAnchor? = nil,
            resumedFrom: Int64? = nil, checkpointMadeAt: Date? = nil
        ) {
            self.verified = verified
            self.failure = failure
            self.keyedFrom = keyedFrom
            self.anchor = anchor
            self.resumedFrom = resumedFrom
            self.checkpointMadeAt = checkpointMadeAt
        }
    }

    /// How many entries past the last checkpoint an incremental verification checks before it
    /// records a new one (a full verification always records one).
    public var checkpointEvery: Int64 = 10_000

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
    /// re-ordered, or, from where the log is keyed, rewritten without the master key. With
    /// `incremental`, goes on from where this process last verified the chain, or else from the
    /// latest signed checkpoint (``AuditCheckpoint``) whose signature checks under the master keys,
    /// to its end, when the keying and the key file's anchor are as they were then (otherwise from
    /// the start): what a page that shows the log asks each time it is opened, and
    /// `custos audit verify`. The whole chain is checked again by a verification that is not
    /// incremental (`custos audit verify --full`, the page's button).
    ///
    /// An intact chain records a checkpoint where the verification ended (a full one always, an
    /// incremental one every ``checkpointEvery`` entries); a break sets aside the checkpoints from
    /// the broken entry on, so that no later verification goes on from past it.
    public func verify(incremental: Bool = false) async throws -> Report {
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
        var start: AuditVerifier.Position?
        let checkpoint = try await trustedCheckpoint()
        var checkpointMadeAt: Date?
        if incremental, let position = keys.verified, position.keyedFrom == keyedFrom, position.anchor == anchor {
            verifier = AuditVerifier(resuming: position) { try keys.key(id: $0) }
            start = position
        } else if incremental, let checkpoint, checkpoint.position.keyedFrom == keyedFrom,
            checkpoint.position.anchor == anchor
        {
            verifier = AuditVerifier(resuming: checkpoint.position) { try keys.key(id: $0) }
            start = checkpoint.position
            checkpointMadeAt = checkpoint.madeAt
        }
        var after = verifier.position.nextSequence - 1
        do {
            // Going on from a position: the entry it ended at must still be there, as it was.
            if let start, after > 0 {
                let last = try await store.auditEntries(after: after - 1, limit: 1).first
                guard last?.sequence == after, last?.hash == start.previousHash else {
                    throw AuditVerifier.Break(
                        sequence: after, reason: "was removed or altered since the log was last checked")
                }
            }
            while true {
                let page = try await store.auditEntries(after: after, limit: pageSize)
                guard let last = page.last else { break }
                for entry in page { try verifier.check(entry) }
                after = last.sequence
            }
            let head = try await store.auditHead()
            try verifier.checkEnd(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditChain.genesis)
            keys.remember(verified: verifier.position, from: start)
            let reached = verifier.position.nextSequence - 1
            if reached > 0, reached > checkpoint?.sequence ?? 0,
                !incremental || reached - (checkpoint?.sequence ?? 0) >= checkpointEvery,
                let key = try keys.current()
            {
                try await store.recordAuditCheckpoint(.signed(verifier.position, at: Date(), key: key))
            }
            return Report(
                verified: verifier.checked, failure: nil, keyedFrom: keyedFrom, anchor: anchor,
                resumedFrom: start.map { $0.nextSequence - 1 }, checkpointMadeAt: checkpointMadeAt)
        } catch let failure as AuditVerifier.Break {
            keys.rememberBroken()
            try await store.discardAuditCheckpoints(from: failure.sequence)
            return Report(
                verified: verifier.checked, failure: failure, keyedFrom: keyedFrom, anchor: anchor,
                resumedFrom: start.map { $0.nextSequence - 1 }, checkpointMadeAt: checkpointMadeAt)
        }
    }

    /// The latest checkpoint, if its signature checks under the chain key of the master key that
    /// made it; nil when there is none, or the key file does not hold that key.
    private func trustedCheckpoint() async throws -> AuditCheckpoint? {
        guard let checkpoint = try await store.latestAuditCheckpoint(),
            let key = try store.auditKeys.key(id: checkpoint.keyID), checkpoint.isSigned(by: key)
        else { return nil }
        return checkpoint
    }

    /// The latest `limit` entries about the person `subjectID` in `workspaceID`, newest first.
    public func entries(ofSubject subjectID: UUID, in workspaceID: UUID, limit: Int = 50) async throws -> [AuditEntry] {
        try await store.auditEntries(ofSubject: subjectID, in: workspaceID, limit: limit)
    }

    /// The entries of `workspaceID` that `query` matches, newest first, at most `limit`: a page of
    /// the log as the console lists it (the next page is the same query `before` the last one).
    public func entries(in workspaceID: UUID, matching query: AuditQuery, limit: Int = 50) async throws -> [AuditEntry]
    {
        try await store.auditEntries(in: workspaceID, matching: query, limit: limit)
    }

    /// How many entries of `workspaceID` `query` matches, counted up to `cap` (a count of `cap`
    /// means that many or more: a page's count stays quick on a long log).
    public func count(in workspaceID: UUID, matching query: AuditQuery, cap: Int = 10_000) async throws -> Int {
        try await store.auditCount(in: workspaceID, matching: query, cap: cap)
    }

    /// The heading row of the log as CSV.
    public static let csvHeading = "sequence,time,actor,action,purpose,subject,record,reason,detail,shown\r\n"

    /// `entries` as rows of CSV (RFC 4180, CRLF), in the columns of ``csvHeading`` (`shown`: the
    /// ids of the people a page of many showed, separated by spaces). No entry holds personal
    /// data, so neither do the rows; a cell a spreadsheet would take for a formula is quoted with
    /// an apostrophe first.
    public static func csvRows(_ entries: [AuditEntry]) throws -> String {
        guard !entries.isEmpty else { return "" }
        return try CSVText.write { writer in
            for entry in entries {
                let event = entry.event
                try writer.write(
                    row: [
                        String(entry.sequence), event.time.formatted(.iso8601), event.actor, event.action,
                        event.purpose ?? "", event.subjectID?.uuidString.lowercased() ?? "",
                        event.recordID?.uuidString.lowercased() ?? "", event.reason ?? "", event.detail ?? "",
                        event.shown.map { $0.uuidString.lowercased() }.joined(separator: " "),
                    ].map(Self.spreadsheetSafe))
            }
        }
    }

    /// `cell`, with an apostrophe before a first character a spreadsheet reads as a formula.
    static func spreadsheetSafe(_ cell: String) -> String {
        guard let first = cell.first, "=+-@".contains(first) else { return cell }
        return "'" + cell
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
