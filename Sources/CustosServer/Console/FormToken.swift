import Crypto
import Foundation

/// The random tokens the console hands out (form tokens), and their comparison in constant time.
enum FormToken {
    /// 256 random bits, base64url without padding.
    static func make() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `sent` is `expected`, taking the same time wherever they differ.
    static func matches(_ sent: String, _ expected: String) -> Bool {
        let left = Array(sent.utf8)
        let right = Array(expected.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
