import Foundation

/// Why the vault refused an operation. Messages name ids, types and fields, never personal data.
public struct VaultError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }

    static func unknownRecordType(_ id: String) -> Self { Self("the policy has no record type '\(id)'") }
    static func subjectNotFound(_ id: UUID) -> Self { Self("there is no subject \(id) in this workspace") }
    static func recordNotFound(_ id: UUID) -> Self { Self("there is no record \(id) in this workspace") }
    static func keyDestroyed(_ id: UUID) -> Self {
        Self("subject \(id) has no data key: their data was erased or merged into another subject")
    }
}
