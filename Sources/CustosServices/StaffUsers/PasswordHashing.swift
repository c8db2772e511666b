import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool: a hash takes a third of a second at the standard cost, which
/// must not hold up the threads that serve requests.
public struct PasswordHashing: Sendable {
    /// The work factor (2^cost rounds): 12 in production; tests use 4.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt's cost is 4 to 31")
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` is the one `hash` was made from; false for a malformed hash.
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
