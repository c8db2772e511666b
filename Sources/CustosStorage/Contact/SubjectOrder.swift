public import Foundation

/// The order in which the store hands audiences their lists of subjects: by the bytes of the
/// ids, as SQLite orders BLOBs and PostgreSQL orders `uuid`. Lists in one order are merged by
/// walking them side by side, with no hashing: an audience of a million people walks several
/// such lists.
public enum SubjectOrder {
    /// The id's 16 bytes as two big-endian numbers, compared in turn.
    @inlinable
    public static func key(_ id: UUID) -> (UInt64, UInt64) {
        withUnsafeBytes(of: id.uuid) {
            (
                UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)),
                UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            )
        }
    }

    /// Whether `a` comes before `b`.
    @inlinable
    public static func precedes(_ a: UUID, _ b: UUID) -> Bool {
        key(a) < key(b)
    }

    /// `ids` in this order, each once.
    public static func sortedUnique(_ ids: [UUID]) -> [UUID] {
        let sorted = self.sorted(ids) { $0 }
        var result: [UUID] = []
        result.reserveCapacity(sorted.count)
        for id in sorted where result.last != id { result.append(id) }
        return result
    }

    /// `elements` in the order of their subjects; one subject's stay in the order they were in.
    ///
    /// Ids are random, so a first pass deals the elements into 65,536 buckets by the top two
    /// bytes of the subject id and each small bucket is then sorted: a million elements sort in a
    /// fraction of the time of one comparison sort. Ids that are not random only make the buckets
    /// uneven, never the order wrong. Positions are sorted, and the elements moved once at the end.
    public static func sorted<Element>(_ elements: [Element], subject: (Element) -> UUID) -> [Element] {
        let keys = elements.map { key(subject($0)) }
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let (left, right) = (keys[Int(a)], keys[Int(b)])
            return left == right ? a < b : left < right
        }
        guard elements.count > 4_096 else {
            return (0..<Int32(elements.count)).sorted(by: precedes).map { elements[Int($0)] }
        }
        var starts = [Int](repeating: 0, count: 65_537)
        for key in keys { starts[Int(key.0 >> 48) + 1] += 1 }
        for bucket in 1...65_536 { starts[bucket] += starts[bucket - 1] }
        var next = starts
        var order = [Int32](repeating: 0, count: elements.count)
        for (position, key) in keys.enumerated() {
            let bucket = Int(key.0 >> 48)
            order[next[bucket]] = Int32(position)
            next[bucket] += 1
        }
        for bucket in 0..<65_536 where starts[bucket + 1] - starts[bucket] > 1 {
            order[starts[bucket]..<starts[bucket + 1]].sort(by: precedes)
        }
        return order.map { elements[Int($0)] }
    }
}
