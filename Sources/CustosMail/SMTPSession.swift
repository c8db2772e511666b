import CustosServices
import NIOCore

/// One SMTP conversation over a line-framed channel: commands out, replies in.
struct SMTPSession {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    /// Reads one reply, however many lines it has.
    mutating func reply(at step: String) async throws -> SMTPReply {
        var lines: [String] = []
        while true {
            guard var line = try await inbound.next() else {
                throw DeliveryFailure(permanent: false, "the server closed the connection at \(step)")
            }
            let text = line.readString(length: line.readableBytes) ?? ""
            lines.append(text)
            if text.count < 4 || text[text.index(text.startIndex, offsetBy: 3)] != "-" { break }
            if lines.count > 100 {
                throw DeliveryFailure(permanent: false, "the server's reply at \(step) does not end")
            }
        }
        guard let reply = SMTPReply(lines: lines) else {
            throw DeliveryFailure(permanent: false, "the server's reply at \(step) is not SMTP")
        }
        return reply
    }

    /// Reads a reply and throws unless it has `code` (or one of `alsoAccept`).
    @discardableResult
    mutating func expect(_ code: Int, at step: String, alsoAccept: [Int] = []) async throws -> SMTPReply {
        let reply = try await reply(at: step)
        guard reply.code == code || alsoAccept.contains(reply.code) else {
            throw DeliveryFailure(permanent: reply.isPermanentFailure, reply.summary(at: step))
        }
        return reply
    }

    @discardableResult
    mutating func command(
        _ line: String, expect code: Int, at step: String, alsoAccept: [Int] = []
    ) async throws -> SMTPReply {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await expect(code, at: step, alsoAccept: alsoAccept)
    }

    func send(_ buffer: ByteBuffer) async throws {
        try await outbound.write(buffer)
    }

    /// `EHLO`, falling back to `HELO` for an old server; the capabilities the server lists (upper case).
    mutating func hello(_ name: String) async throws -> Set<String> {
        try await outbound.write(ByteBuffer(string: "EHLO \(name)\r\n"))
        let reply = try await reply(at: "EHLO")
        if reply.code == 250 {
            return Set(reply.lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
        }
        try await command("HELO \(name)", expect: 250, at: "HELO")
        return []
    }
}
