import Foundation

/// The demo's own data folder, marked so that only a demo folder is ever emptied.
enum DemoFolder {
    static let marker = ".custos-demo"

    static func reset(_ folder: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.path) {
            let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty || contents.contains(marker) else {
                throw CommandFailure(
                    message: "\(folder.path) exists and is not a demo folder; choose another with --data")
            }
            try manager.removeItem(at: folder)
        }
        try manager.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard manager.createFile(atPath: folder.appendingPathComponent(marker).path, contents: Data()) else {
            throw CommandFailure(message: "cannot write in \(folder.path)")
        }
    }
}
