import Crypto
import Foundation

/// A policy read from a file, with what is needed to point at its lines and to name its version.
public struct LoadedPolicy: Sendable {
    public var policy: Policy
    /// Where each value was written.
    public var sourceMap: SourceMap
    /// The file name as given, for messages.
    public var fileName: String
    /// The YAML text as read.
    public var source: String

    /// The SHA-256 of the text, hex-encoded; line endings are normalised first so that the same
    /// policy checked out on Windows has the same hash.
    public var contentHash: String {
        Self.contentHash(of: source)
    }

    /// The content hash of a policy's text.
    public static func contentHash(of source: String) -> String {
        let normalised = source.replacingOccurrences(of: "\r\n", with: "\n")
        return SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Where the value at `path` was written.
    public func location(of path: PolicyPath) -> SourceLocation? {
        sourceMap.location(of: path)
    }
}
