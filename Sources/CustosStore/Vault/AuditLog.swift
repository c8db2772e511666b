public import CustosCore
import Foundation

/// Reads and verifies the audit chain.
public struct AuditLog: Sendable {
    public let store: any CustosStore
    /// Entries read per query while verifying.
    public var pageSize = 10_000

    public init(store: any CustosStore) {
        self.store = store
    }

    /// The result of verifying the chain.
    public struct Report: Sendable, Hashable {
        /// Entries that verified before the first break (all of them when intact).
        public var verified: Int
        /// The first break, or `nil` when the chain is intact.
        public var failure: AuditVerifier.Break?
    }

    /// Walks the whole chain, page by page, and reports the first entry altered, removed or re-ordered.
    public func verify() async throws -> Report {
        var verifier = AuditVerifier()
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
            return Report(verified: verifier.checked, failure: nil)
        } catch let failure as AuditVerifier.Break {
            return Report(verified: verifier.checked, failure: failure)
        }
    }

    /// The latest entries, newest last.
    public func entries(after sequence: Int64 = 0, limit: Int = 100) async throws -> [AuditEntry] {
        try await store.auditEntries(after: sequence, limit: limit)
    }
}
