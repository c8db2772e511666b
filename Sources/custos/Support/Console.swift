import Foundation

/// Output to the terminal and to files.
enum Console {
    /// A line on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// `text` to the file at `path`, or to standard output when there is none (or it is `-`).
    ///
    /// A regular file is replaced atomically, so a reader never sees half a notice. Anything else
    /// that exists at the path (`/dev/null`, a pipe, a terminal) is written in place: renaming a
    /// temporary file over it would replace the device with a plain file.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if let type, type != .typeRegular {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            }
        } catch {
            throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
