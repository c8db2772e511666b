public import CustosCore

/// Why a staff user could not be added or changed. The message names the field and the rule,
/// never a password.
public struct StaffUserError: CustosError, Hashable {
    public let message: String

    init(_ message: String) { self.message = message }

    public var errorCode: ErrorCode { .badRequest }
}
