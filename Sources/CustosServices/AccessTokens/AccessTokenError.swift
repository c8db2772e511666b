public import CustosCore

/// Why a token could not be made or revoked.
public struct AccessTokenError: CustosError, Hashable {
    public let message: String

    init(_ message: String) { self.message = message }

    public var errorCode: ErrorCode { .badRequest }
}
