import Crypto
import CustosServices
import Foundation
import Hummingbird
import ServiceLifecycle

/// Keeps console sessions in the store, so they survive a restart and are shared by every server
/// on one PostgreSQL database. A session is stored under the SHA-256 of its cookie's value.
struct ConsoleSessionDriver: PersistDriver {
    let installation: Installation

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await installation.consoleSessions.session(keyHash: Self.hash(key)) == nil else {
            throw PersistError.duplicate
        }
        try await set(key: key, value: value, expires: expires)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let expiresAt = expires.map { Date().addingTimeInterval(TimeInterval($0.components.seconds)) }
        try await installation.consoleSessions.save(
            keyHash: Self.hash(key), value: try JSONEncoder().encode(value), expiresAt: expiresAt)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(
        key: String, as type: Object.Type
    ) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try await installation.consoleSessions.session(keyHash: Self.hash(key)) else { return nil }
        guard let object = try? JSONDecoder().decode(type, from: stored.value) else {
            throw PersistError.invalidConversion
        }
        return (object, stored.expiresAt.map { .seconds(max(0, $0.timeIntervalSinceNow)) })
    }

    func remove(key: String) async throws {
        try await installation.consoleSessions.remove(keyHash: Self.hash(key))
    }

    /// Clears expired sessions every ten minutes until the server stops.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await installation.consoleSessions.removeExpired()
                try await Task.sleep(for: .seconds(600))
            }
        }
    }

    private static func hash(_ key: String) -> Data { Data(SHA256.hash(data: Data(key.utf8))) }
}
