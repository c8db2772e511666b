import Foundation

/// Who is acting, as policy versions and (later) the audit log record it: `cli:<login name>`.
enum CommandActor {
    static var current: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
        return "cli:\(user.isEmpty ? "unknown" : user)"
    }
}
