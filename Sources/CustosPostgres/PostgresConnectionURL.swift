import CustosStorage
import Foundation
import NIOSSL
public import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=...` URL, as `--database` takes it.
///
/// `sslmode` is `disable`, `prefer` (the default) or `require`; `host=/path` in the query names a
/// Unix socket folder instead of a TCP host.
public struct PostgresConnectionURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var sslMode: String
    public var socketDirectory: String?

    public init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError.invalidDatabaseURL("expected postgres://user:password@host:port/database")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard let user = components.user, !user.isEmpty else { throw StoreError.invalidDatabaseURL("no user name") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty else { throw StoreError.invalidDatabaseURL("no database name after the host") }
        let mode = query["sslmode"] ?? "prefer"
        guard ["disable", "prefer", "require"].contains(mode) else {
            throw StoreError.invalidDatabaseURL("sslmode must be disable, prefer or require")
        }
        host = components.host ?? "localhost"
        port = components.port ?? 5432
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        sslMode = mode
        socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// The client configuration for this URL.
    public var configuration: PostgresClient.Configuration {
        if let socketDirectory {
            return PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password,
                database: database)
        }
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The configuration of a single connection to this URL.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketDirectory {
            return PostgresConnection.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password,
                database: database)
        }
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The URL without its password, safe to print.
    public var description: String {
        "postgres://\(username)@\(socketDirectory ?? host):\(port)/\(database)"
    }
}
