public import CustosServices
public import Foundation

/// Delivers the outbox to a folder: one `<message id>.eml` file per message, readable only by
/// its owner, which any mail program opens. The demo's default; nothing leaves the machine.
public struct EmlFolderTransport: MessageTransport {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public var description: String { ".eml files in \(folder.path)" }

    public func deliver(_ envelope: MailEnvelope) async throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let file = folder.appendingPathComponent("\(envelope.id.uuidString.lowercased()).eml")
            let partial = folder.appendingPathComponent(".\(envelope.id.uuidString.lowercased()).eml.partial")
            guard
                manager.createFile(
                    atPath: partial.path, contents: envelope.data, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
            if manager.fileExists(atPath: file.path) { try manager.removeItem(at: file) }
            try manager.moveItem(at: partial, to: file)
        } catch {
            throw DeliveryFailure(permanent: false, "the .eml file cannot be written in \(folder.path)")
        }
    }
}
