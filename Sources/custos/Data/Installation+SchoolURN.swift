import CustosServices
import Foundation

extension Installation {
    /// The id of the workspace's school with URN `urn` (given as `--school`); nil for none given.
    /// Throws a failure naming the option when no school has it.
    func schoolID(forURN urn: String?, in workspace: Workspace) async throws -> UUID? {
        guard let urn else { return nil }
        guard let found = try await schools(in: workspace).first(where: { $0.urn == urn }) else {
            throw CommandFailure(message: "error: --school: no school has URN \(urn) in this workspace")
        }
        return found.id
    }
}
