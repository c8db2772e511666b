public import CustosServices
import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Delivers the outbox over SMTP (RFC 5321): one connection per message, `EHLO`, `STARTTLS` or
/// TLS as configured, `AUTH PLAIN` when a user name is given, then the envelope and the data.
/// A 4xx reply or a lost connection is a temporary failure (the outbox retries); a 5xx reply is
/// permanent. Failures keep the reply code only: servers' texts often echo the address.
public struct SMTPTransport: MessageTransport {
    public let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext?

    public init(_ configuration: SMTPConfiguration) throws(MailConfigurationError) {
        self.configuration = configuration
        guard configuration.security != .none else {
            tlsContext = nil
            return
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.trustRootsFile {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw MailConfigurationError("mail URL: ca: the file of trusted certificates cannot be read")
            }
            tls.trustRoots = .file(file)
        }
        do {
            tlsContext = try NIOSSLContext(configuration: tls)
        } catch {
            throw MailConfigurationError("mail URL: TLS cannot be set up: \(error)")
        }
    }

    public var description: String { configuration.description }

    public func deliver(_ envelope: MailEnvelope) async throws {
        try await inTime {
            try await self.signedIn { session in
                try await session.command("MAIL FROM:<\(envelope.sender)>", expect: 250, at: "MAIL FROM")
                try await session.command(
                    "RCPT TO:<\(envelope.recipient)>", expect: 250, at: "RCPT TO", alsoAccept: [251])
                try await session.command("DATA", expect: 354, at: "DATA")
                try await session.send(Self.dotStuffed(envelope.data))
                try await session.expect(250, at: "end of data")
                // The message is accepted; a failed goodbye changes nothing.
                _ = try? await session.command("QUIT", expect: 221, at: "QUIT")
            }
        }
    }

    /// Connects, greets, secures the connection and signs in as a delivery would, then says goodbye
    /// without sending anything: whether mail can be sent (`custos doctor`). Throws the
    /// ``DeliveryFailure`` a delivery would.
    public func check() async throws {
        try await inTime {
            try await self.signedIn { session in
                try await session.command("QUIT", expect: 221, at: "QUIT")
            }
        }
    }

    /// Runs `body` within the configured timeout, its failures as ``DeliveryFailure``s.
    private func inTime(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let configuration = configuration
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: configuration.timeout)
                    throw DeliveryFailure(permanent: false, "no answer from \(configuration.description) in time")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch is CancellationError {
            throw DeliveryFailure(permanent: false, "the delivery was stopped")
        } catch {
            throw DeliveryFailure(
                permanent: false, "\(configuration.description): the connection failed (\(type(of: error)))")
        }
    }

    /// Connects, reads the greeting, says hello, starts TLS when asked and signs in when given a
    /// user, then runs `body` in the session.
    private func signedIn(_ body: (inout SMTPSession) async throws -> Void) async throws {
        let configuration = configuration
        let tlsContext = tlsContext
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(15))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if configuration.security == .tls, let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: configuration.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(220, at: "greeting")
            var capabilities = try await session.hello(configuration.heloName)
            if configuration.security == .startTLS, let tlsContext {
                guard capabilities.contains("STARTTLS") else {
                    throw DeliveryFailure(
                        permanent: true,
                        "\(configuration.description) does not offer STARTTLS; mail is not sent in clear")
                }
                try await session.command("STARTTLS", expect: 220, at: "STARTTLS")
                let host = configuration.host
                try await channel.channel.eventLoop.submit {
                    try channel.channel.pipeline.syncOperations.addHandler(
                        NIOSSLClientHandler(context: tlsContext, serverHostname: host), position: .first)
                }.get()
                capabilities = try await session.hello(configuration.heloName)
            }
            if let username = configuration.username, let password = configuration.password {
                let credentials = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                try await session.command("AUTH PLAIN \(credentials)", expect: 235, at: "AUTH")
            }
            try await body(&session)
        }
    }

    /// The data with lines starting "." doubled, ending CRLF "." CRLF (RFC 5321 §4.5.2).
    static func dotStuffed(_ data: Data) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(data.count + 64)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") { buffer.writeInteger(UInt8(ascii: ".")) }
            buffer.writeInteger(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart { buffer.writeString("\r\n") }
        buffer.writeString(".\r\n")
        return buffer
    }
}
