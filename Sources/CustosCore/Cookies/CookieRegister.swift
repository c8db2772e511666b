import Crypto
import Foundation

/// The policy's cookie register as the banner uses it: which categories wait for consent, which
/// cookies each holds, and a fingerprint that changes whenever the list does, so that visitors
/// are asked again.
public struct CookieRegister: Sendable, Equatable {
    public let cookies: [Cookie]

    public init(policy: Policy) {
        cookies = policy.cookies
    }

    /// The categories with at least one cookie that PECR lets be set only with consent, in the
    /// order of ``CookieCategory/allCases``. Strictly necessary cookies never wait.
    public var categoriesNeedingConsent: [CookieCategory] {
        CookieCategory.allCases.filter { category in
            category != .strictlyNecessary && cookies.contains { $0.category == category && !$0.isExemptFromConsent }
        }
    }

    /// The register's cookies of `category`.
    public func cookies(in category: CookieCategory) -> [Cookie] {
        cookies.filter { $0.category == category }
    }

    /// A short hash of what visitors consent to: each cookie's name, provider, party, category
    /// and purpose. Changing any of them changes it; re-ordering the list does not.
    public var fingerprint: String {
        let lines = cookies.map {
            [$0.name, $0.provider ?? "", $0.party.rawValue, $0.category.rawValue, $0.purpose].joined(
                separator: "\u{1F}")
        }
        .sorted()
        let digest = SHA256.hash(data: Data(lines.joined(separator: "\u{1E}").utf8))
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
