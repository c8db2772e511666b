import CustosStorage
import Foundation
import NIOSSL
public import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=...` URL, as `--database` takes it.
///
/// `sslmode` is `disable`, `prefer` (the default) or `require`; `host=/path` in the query names a
/// Unix socket folder instead of a TCP host. `pool_size` is the most connections one process opens
/// (default 20), `connect_timeout` how many seconds a connection may take to open (default 10),
/// and `statement_timeout` how many milliseconds a statement may run before the database stops it
/// (default: the database's own setting).
public struct PostgresConnectionURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var sslMode: String
    public var socketDirectory: String?
    /// The most connections one process's pool opens.
    public var poolSize: Int
    /// How long opening a connection may take.
    public var connectTimeout: Int
    /// How long a statement may run, in milliseconds; nil for the database's own setting.
    public var statementTimeout: Int?

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
        func number(_ name: String, default value: Int?, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = query[name] else { return value }
            guard let number = Int(text), range.contains(number) else {
                throw StoreError.invalidDatabaseURL(
                    "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        poolSize = try number("pool_size", default: 20, in: 1...1000) ?? 20
        connectTimeout = try number("connect_timeout", default: 10, in: 1...600) ?? 10
        statementTimeout = try number("statement_timeout", default: nil, in: 1...86_400_000)
    }

    /// The client configuration for this URL.
    public var configuration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketDirectory {
            configuration = PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: username, password: password,
                database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS =
                switch sslMode {
                case "disable": .disable
                case "require": .require(.makeClientConfiguration())
                default: .prefer(.makeClientConfiguration())
                }
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: tls)
        }
        configuration.options.maximumConnections = poolSize
        configuration.options.connectTimeout = .seconds(connectTimeout)
        if let statementTimeout {
            configuration.options.additionalStartupParameters = [("statement_timeout", "\(statementTimeout)")]
        }
        return configuration
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
