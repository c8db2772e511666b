import Foundation

/// The proxies whose `X-Forwarded-For` the server believes: addresses (`10.0.0.5`, `::1`) and
/// IPv4 ranges (`10.0.0.0/8`).
public struct TrustedProxies: Sendable, Hashable {
    private var addresses: Set<String> = []
    private var ranges: [IPv4Range] = []

    /// The proxies `entries` name; an entry that is neither an address nor an IPv4 range is an
    /// error naming it.
    public init(_ entries: [String]) throws {
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            if entry.contains("/") {
                guard let range = IPv4Range(entry) else { throw TrustedProxyError(entry: entry) }
                ranges.append(range)
            } else if IPv4Range.number(entry) != nil || entry.contains(":") {
                addresses.insert(entry.lowercased())
            } else {
                throw TrustedProxyError(entry: entry)
            }
        }
    }

    /// No proxy is trusted.
    public static let none = try! TrustedProxies([])

    /// Whether `address` is one of the proxies.
    public func contains(_ address: String) -> Bool {
        if addresses.contains(address.lowercased()) { return true }
        guard let number = IPv4Range.number(address) else { return false }
        return ranges.contains { $0.contains(number) }
    }

    private struct IPv4Range: Sendable, Hashable {
        let base: UInt32
        let mask: UInt32

        init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let base = Self.number(String(parts[0])), let bits = Int(parts[1]),
                (0...32).contains(bits)
            else { return nil }
            mask = bits == 0 ? 0 : UInt32.max << (32 - bits)
            self.base = base & mask
        }

        func contains(_ number: UInt32) -> Bool { number & mask == base }

        static func number(_ text: String) -> UInt32? {
            let octets = text.split(separator: ".", omittingEmptySubsequences: false)
            guard octets.count == 4 else { return nil }
            var value: UInt32 = 0
            for octet in octets {
                guard let byte = UInt8(octet) else { return nil }
                value = value << 8 | UInt32(byte)
            }
            return value
        }
    }
}

/// A trusted proxy that names neither an address nor an IPv4 range.
public struct TrustedProxyError: Error, CustomStringConvertible {
    public let entry: String
    public var description: String {
        "trusted proxy '\(entry)': give an address (10.0.0.5, ::1) or an IPv4 range (10.0.0.0/8)"
    }
}
