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

    func firstBreak(
        _ entries: [AuditEntry], head: AuditEntry?, keyedFrom: Int64? = nil, anchor: AuditAnchor? = nil,
        key: AuditChainKey? = nil
    ) -> AuditVerifier.Break? {
        var verifier = AuditVerifier(keyedFrom: keyedFrom, anchor: anchor) { id in id == key?.id ? key : nil }
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

    @Test("a keyed log rewritten as never keyed is found through the key file's anchor")
    func downgraded() {
        let key = AuditChainKey(deriving: MasterKey.generate())
        let events = chain(5).map(\.event)
        let keyed = AuditChain.append(events, after: nil, key: key)
        let anchor = AuditAnchor(sequence: 1, hash: keyed[0].hash)
        #expect(firstBreak(keyed, head: keyed.last, keyedFrom: 1, anchor: anchor, key: key) == nil)
        // Recomputed without the key, with the record of keying removed: only the anchor tells.
        let plain = AuditChain.append(events, after: nil)
        #expect(firstBreak(plain, head: plain.last) == nil)
        let found = firstBreak(plain, head: plain.last, anchor: anchor, key: key)
        #expect(found?.sequence == 1)
        #expect(found?.reason.contains("no keying") == true)
        // Keying claimed to begin later, after the end of the log.
        #expect(firstBreak(plain, head: plain.last, keyedFrom: 6, anchor: anchor, key: key)?.sequence == 1)
        // A log keyed from entry 4, cut short before it.
        let early = AuditChain.append(Array(events.prefix(3)), after: nil)
        let late = AuditChain.append(
            Array(events.dropFirst(3)), after: (sequence: early[2].sequence, hash: early[2].hash), key: key)
        let later = AuditAnchor(sequence: 4, hash: late[0].hash)
        #expect(firstBreak(early + late, head: late.last, keyedFrom: 4, anchor: later, key: key) == nil)
        #expect(firstBreak(early, head: early.last, anchor: later, key: key)?.sequence == 4)
    }
}
