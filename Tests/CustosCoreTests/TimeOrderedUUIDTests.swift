import CustosCore
import Foundation
import Testing

@Suite("Time-ordered UUIDs")
struct TimeOrderedUUIDTests {
    @Test("version 7 with the RFC's variant, the time in the first six bytes, and ids made later sorting later")
    func versionTimeAndOrder() {
        let time = Date(timeIntervalSince1970: 1_796_515_200.123)  // 2026-12-05, and 123 ms
        let id = UUID.timeOrdered(at: time)
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
        let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(milliseconds == 1_796_515_200_123)
        #expect(UUIDText.parse(id.uuidString) == id)

        // A later millisecond sorts after, whatever the random bits; ids of one time differ.
        var earlier = time
        var previous = UUID.timeOrdered(at: earlier)
        for _ in 0..<1_000 {
            earlier += 0.001
            let next = UUID.timeOrdered(at: earlier)
            let (left, right) = (
                withUnsafeBytes(of: previous.uuid) { Array($0) }, withUnsafeBytes(of: next.uuid) { Array($0) }
            )
            #expect(left.lexicographicallyPrecedes(right))
            previous = next
        }
        #expect(Set((0..<1_000).map { _ in UUID.timeOrdered(at: time) }).count == 1_000)
    }
}
