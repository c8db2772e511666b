import CustosCore
import Foundation

/// Reads a policy file for a command; load errors print with file, line and column and exit 1.
enum PolicyFile {
    static func load(_ path: String) throws -> LoadedPolicy {
        do {
            return try PolicyLoader.load(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// The notice, or a refusal listing what is missing.
    static func notice(_ loaded: LoadedPolicy) throws -> PrivacyNotice {
        do {
            return try PrivacyNoticeBuilder().notice(for: loaded)
        } catch {
            throw CommandFailure(message: "\(loaded.fileName): \(error.description)")
        }
    }
}
