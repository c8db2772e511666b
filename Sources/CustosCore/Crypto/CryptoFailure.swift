/// Why sealed data could not be opened or a key could not be read. Messages name ids, never contents.
public struct CryptoFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
