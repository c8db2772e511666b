import Foundation

/// Where a command writes a large output a part at a time: standard output for nil or "-", else
/// the file named. A regular file is written beside its final name and moved into place by
/// ``finish()``, so a failed command leaves no half-written file; a device or pipe is written as is.
final class OutputFile {
    private let handle: FileHandle
    private let path: String?
    private let partial: String?

    init(_ path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            self.path = nil
            partial = nil
            return
        }
        self.path = path
        do {
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if let type, type != .typeRegular {
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                partial = nil
            } else {
                let partial = path + ".partial"
                guard FileManager.default.createFile(atPath: partial, contents: nil) else {
                    throw CommandFailure(message: "cannot write \(path)")
                }
                handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
                self.partial = partial
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes `text` after what was written before.
    func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CommandFailure(message: "cannot write \(path ?? "standard output"): \(error.localizedDescription)")
        }
    }

    /// Closes the file and, for a regular file, moves it into place.
    func finish() throws {
        guard let path else { return }
        try? handle.close()
        guard let partial else { return }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Closes the file and removes what was written of a regular file.
    func abandon() {
        guard path != nil else { return }
        try? handle.close()
        if let partial { try? FileManager.default.removeItem(atPath: partial) }
    }
}
