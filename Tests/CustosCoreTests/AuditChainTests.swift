import CustosCore
import Foundation
import Testing

@Suite("The audit hash chain")
struct AuditChainTests {
    func chain(_ count: Int) -> [AuditEntry] {
        let events = (1...count).map {
            AuditEvent(
                workspaceID: UUID(), time: Date(timeIntervalSince1970: 1_795_000_000 + Double($0)), actor: "cli:dpo",
                action: "subject.read", reason: "entry \($0)", subjectID: UUID())
        }
        return AuditChain.append(events, after: nil)
    }

    func firstBreak(_ entries: [AuditEntry], head: AuditEntry?) -> AuditVerifier.Break? {
        var verifier = AuditVerifier()
        do {
            for entry in entries { try verifier.check(entry) }
            try verifier.checkEnd(headSequence: head?.sequence ?? 0, headHash: head?.hash ?? AuditChain.genesis)
            return nil
        } catch {
            return error as? AuditVerifier.Break
        }
    }

    @Test("an intact chain verifies")
    func intact() {
        let entries = chain(5)
        #expect(firstBreak(entries, head: entries.last) == nil)
    }

    @Test("an altered entry is named")
    func altered() {
        var entries = chain(5)
        entries[2].event.reason = "edited"
        #expect(firstBreak(entries, head: entries.last)?.sequence == 3)
    }

    @Test("a removed entry is named")
    func removed() {
        var entries = chain(5)
        entries.remove(at: 1)
        #expect(firstBreak(entries, head: entries.last)?.sequence == 2)
    }

    @Test("re-ordered entries are found")
    func reordered() {
        var entries = chain(5)
        entries.swapAt(1, 2)
        #expect(firstBreak(entries, head: entries.last)?.sequence == 2)
    }

    @Test("renumbered entries after a removal do not verify")
    func renumbered() {
        var entries = chain(5)
        entries.remove(at: 1)
        for index in entries.indices { entries[index].sequence = Int64(index + 1) }
        #expect(firstBreak(entries, head: entries.last)?.sequence == 2)
    }

    @Test("a log cut short is found through its recorded head")
    func truncated() {
        let entries = chain(5)
        #expect(firstBreak(Array(entries.prefix(3)), head: entries.last)?.sequence == 4)
    }
}
