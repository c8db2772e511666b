/// An error Custos gives whoever called it (the API, the console, the command line): a named code
/// for programs, and a message for people that names ids, fields and rules, never personal data.
///
/// Each caller maps the codes in one place: the API to HTTP statuses (`ApiErrorMiddleware`), the
/// command line to exit codes (`Custos.exitStatus(for:)`).
public protocol CustosError: Error, Sendable, CustomStringConvertible {
    /// What kind of error it is, as programs tell errors apart.
    var errorCode: ErrorCode { get }
    /// What went wrong, for people.
    var message: String { get }
}

extension CustosError {
    public var description: String { message }
}

/// The name of a kind of error, as the API's `code` field and the docs give it.
public struct ErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    // Input and state.
    /// The input is malformed: not the shape the caller's interface describes (not JSON, a field
    /// missing or of the wrong type, a value outside its listed choices, an id or date that is not one).
    public static let badRequest = Self(rawValue: "bad_request")
    /// The input is well formed, but a value breaks a rule its shape cannot state: a blank reason, a
    /// day in the future, a purpose or record type this workspace's policy does not have.
    public static let invalid = Self(rawValue: "invalid")
    /// A record failed validation; the error lists each field's problem.
    public static let invalidRecord = Self(rawValue: "invalid_record")
    /// The workspace has no such subject, record, request, school or workspace.
    public static let notFound = Self(rawValue: "not_found")
    /// The input clashes with what is stored.
    public static let conflict = Self(rawValue: "conflict")
    /// A step the services will not take.
    public static let refused = Self(rawValue: "refused")

    // The door (``UseRefusal``).
    public static let purposeRequired = Self(rawValue: "purpose_required")
    public static let unknownPurpose = Self(rawValue: "unknown_purpose")
    public static let purposeNotAllowed = Self(rawValue: "purpose_not_allowed")
    public static let consentMissing = Self(rawValue: "consent_missing")
    public static let restricted = Self(rawValue: "restricted")
    public static let objected = Self(rawValue: "objected")
    public static let identityNotVerified = Self(rawValue: "identity_not_verified")
    public static let powerNotHeld = Self(rawValue: "power_not_held")

    // Where the data is, and its keys.
    /// The data cannot be reached: no such workspace chosen, a database that does not answer.
    public static let storeUnavailable = Self(rawValue: "store_unavailable")
    /// The master keys are missing or do not open the data.
    public static let keysUnavailable = Self(rawValue: "keys_unavailable")
    /// Stored data is damaged.
    public static let corruptData = Self(rawValue: "corrupt_data")

    /// Every code the services give, for documents that list them (the API's description).
    public static let all: [ErrorCode] = [
        .badRequest, .invalid, .invalidRecord, .notFound, .conflict, .refused,
        .purposeRequired, .unknownPurpose, .purposeNotAllowed, .consentMissing, .restricted, .objected,
        .identityNotVerified, .powerNotHeld,
        .storeUnavailable, .keysUnavailable, .corruptData,
    ]
}

extension UseRefusal: CustosError {
    public var errorCode: ErrorCode { ErrorCode(rawValue: code.description) }
}

extension CryptoFailure: CustosError {
    public var errorCode: ErrorCode { .keysUnavailable }
}
