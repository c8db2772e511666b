import Foundation

/// Files the commands write that may hold personal data: readable by their owner only.
enum OwnerOnlyFile {
    /// Writes `data` to `path` with mode 0600, or fails naming the path.
    static func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CommandFailure(message: "error: cannot write \(path)") }
    }
}
