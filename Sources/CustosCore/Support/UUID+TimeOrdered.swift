public import Foundation

extension UUID {
    /// A new version 7 UUID (RFC 9562 §5.7): the Unix time in milliseconds in its first 48 bits,
    /// then 74 random bits from the system's generator.
    ///
    /// People and records are named by these, so that ids made together sort together: each new
    /// person or record then lands at the end of the indexes that begin with its id, rather than on
    /// a random page of each, which an import of a million people would otherwise rewrite over
    /// and over. The time is the moment the id was made, which the row's creation time tells
    /// anyway; the random bits keep ids unguessable. Foundation's `UUID()` on Linux also opens
    /// /dev/urandom for every id, which showed in the import's profile; this reads `getrandom`.
    public static func timeOrdered(at time: Date = Date()) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return timeOrdered(at: time, using: &generator)
    }

    /// A version 7 UUID for `time`, its random bits from `generator`.
    public static func timeOrdered(at time: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, (time.timeIntervalSince1970 * 1000).rounded(.down)))
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for position in 0..<6 { bytes[position] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - position))) }
        for position in 6..<8 { bytes[position] = UInt8(truncatingIfNeeded: high >> (8 * position)) }
        for position in 8..<16 { bytes[position] = UInt8(truncatingIfNeeded: low >> (8 * (position - 8))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // the RFC's variant
        return bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }
}
