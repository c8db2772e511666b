import CustosCore
import CustosStore

/// How requests read on the command line.
enum RequestText {
    /// One line: id, kind, state, due date, how it came and when.
    static func line(_ request: StoredRequest) -> String {
        let due = request.dueOn.map { "due \($0.iso)" } ?? "not yet due"
        let state = request.state.rawValue.replacingOccurrences(of: "_", with: " ")
        return
            "\(request.id.uuidString)  \(request.kind.rawValue)  \(state)  \(due)  (\(request.channel.rawValue), received \(request.receivedOn.iso))"
    }
}
