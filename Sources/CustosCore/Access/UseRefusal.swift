/// Why the door refused a use of personal data: a code callers answer by (an HTTP status, an
/// exit code) and a message naming the rule. Messages name purposes, roles and record types,
/// never personal data.
public struct UseRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which rule refused.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case purposeRequired = "purpose_required"
            case unknownPurpose = "unknown_purpose"
            case purposeNotAllowed = "purpose_not_allowed"
            case consentMissing = "consent_missing"
            case restricted
            case objected
            case identityNotVerified = "identity_not_verified"
            case powerNotHeld = "power_not_held"
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No purpose was named.
        public static let purposeRequired = Self(.purposeRequired)
        /// The purpose is not one of the policy's.
        public static let unknownPurpose = Self(.unknownPurpose)
        /// The record type is not kept for the purpose, or the role may not use it for the purpose.
        public static let purposeNotAllowed = Self(.purposeNotAllowed)
        /// The purpose rests on consent and the person's is not in force.
        public static let consentMissing = Self(.consentMissing)
        /// The person restricted processing for the purpose (Art 18).
        public static let restricted = Self(.restricted)
        /// The person objected to the purpose and no compelling grounds are recorded (Art 21).
        public static let objected = Self(.objected)
        /// The request's identity step is not done.
        public static let identityNotVerified = Self(.identityNotVerified)
        /// The actor does not hold the power the act needs.
        public static let powerNotHeld = Self(.powerNotHeld)

        /// The code as the API and the audit log write it, e.g. `consent_missing`.
        public var description: String { base.rawValue }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
