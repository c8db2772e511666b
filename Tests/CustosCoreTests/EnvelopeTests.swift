import Crypto
import CustosCore
import Foundation
import Testing

@Suite("Sealing, key wrapping, blind indexes and pseudonyms")
struct EnvelopeTests {
    @Test("a sealed value opens only with its key and its context, and any changed byte is detected")
    func seal() throws {
        let key = SubjectKey.generate()
        let context = Envelope.Context("record", "w", "r", "pupil", "pupil")
        let sealed = try Envelope.seal(Data("Ann".utf8), key: key, context: context)
        #expect(try Envelope.open(sealed, key: key, context: context, what: "x") == Data("Ann".utf8))
        #expect(throws: CryptoFailure.self) {
            try Envelope.open(
                sealed, key: key, context: Envelope.Context("record", "w", "other", "pupil", "pupil"), what: "x")
        }
        #expect(throws: CryptoFailure.self) {
            try Envelope.open(sealed, key: SubjectKey.generate(), context: context, what: "x")
        }
        for position in [0, 12, sealed.count - 1] {
            var tampered = sealed
            tampered[position] ^= 0x01
            #expect(throws: CryptoFailure.self) { try Envelope.open(tampered, key: key, context: context, what: "x") }
        }
    }

    @Test("the master key ring round-trips through its text form and unwraps what it wrapped")
    func ring() throws {
        let old = MasterKey.generate()
        let ring = MasterKeyRing(current: old).addingNewCurrent(MasterKey.generate())
        let read = try MasterKeyRing(text: ring.text)
        #expect(read.keys.map(\.id) == ring.keys.map(\.id))
        let secret = SubjectKey.generate()
        let wrapped = try old.wrap(secret, context: Envelope.Context("k"))
        let unwrapped = try read.unwrap(wrapped, context: Envelope.Context("k"), what: "key")
        #expect(unwrapped == secret)
        #expect(throws: CryptoFailure.self) {
            try read.withoutPreviousKeys().unwrap(wrapped, context: Envelope.Context("k"), what: "key")
        }
        #expect(throws: CryptoFailure.self) { try MasterKeyRing(text: "custos-master-key k1 not-base64") }
    }

    @Test("the key file's audit anchor round-trips, survives rotation, and a malformed one names its line")
    func auditAnchor() throws {
        let anchor = AuditAnchor(sequence: 7, hash: Data((0..<32).map { UInt8($0) }))
        let ring = MasterKeyRing(current: MasterKey.generate(), auditAnchor: anchor)
        #expect(try MasterKeyRing(text: ring.text).auditAnchor == anchor)
        let rotated = try MasterKeyRing(text: ring.addingNewCurrent(MasterKey.generate()).text)
        #expect(rotated.auditAnchor == anchor)
        #expect(rotated.withoutPreviousKeys().auditAnchor == anchor)
        #expect(try MasterKeyRing(text: MasterKeyRing(current: MasterKey.generate()).text).auditAnchor == nil)
        // Retiring a key keeps its audit chain key, which checks entries and opens nothing.
        let old = rotated.keys[1]
        let retired = try MasterKeyRing(text: rotated.withoutPreviousKeys().text)
        #expect(retired.keys.count == 1)
        #expect(retired.key(id: old.id) == nil)
        #expect(retired.auditAnchor == anchor)
        let event = AuditEvent(workspaceID: nil, time: Date(), actor: "t", action: "a")
        #expect(
            AuditChain.hash(
                sequence: 1, event: event, previousHash: AuditChain.genesis, key: retired.auditChainKey(id: old.id))
                == AuditChain.hash(
                    sequence: 1, event: event, previousHash: AuditChain.genesis, key: AuditChainKey(deriving: old)))
        let bad = ring.text.replacingOccurrences(of: anchor.line, with: "custos-audit-anchor 7 zz")
        #expect {
            try MasterKeyRing(text: bad)
        } throws: { error in
            (error as? CryptoFailure)?.description.contains("line 4") == true
        }
    }

    @Test("blind indexes and pseudonyms are stable per key and differ between keys")
    func keyed() {
        let key = SymmetricKey(size: .bits256)
        let indexer = BlindIndexer(key: key)
        #expect(indexer.index(kind: "email", value: "a@b.uk") == indexer.index(kind: "email", value: "a@b.uk"))
        #expect(indexer.index(kind: "email", value: "a@b.uk") != indexer.index(kind: "phone", value: "a@b.uk"))
        #expect(
            BlindIndexer(key: SymmetricKey(size: .bits256)).index(kind: "email", value: "a@b.uk")
                != indexer.index(kind: "email", value: "a@b.uk"))
        let pseudonymiser = Pseudonymiser(key: key)
        let pseudonym = pseudonymiser.pseudonym(field: "upn", value: "B801200005001")
        #expect(pseudonym == pseudonymiser.pseudonym(field: "upn", value: "B801200005001"))
        #expect(Pseudonymiser.isPseudonym(pseudonym))
        #expect(!pseudonym.contains("B801200005001"))
        #expect(
            pseudonym
                != Pseudonymiser(key: SymmetricKey(size: .bits256)).pseudonym(field: "upn", value: "B801200005001"))
    }
}
