public import Foundation

/// A school (an organisation subjects belong to): its name, URN and LA code are public facts, not
/// personal data.
public struct School: Sendable, Hashable, Codable {
    public var id: UUID
    public var workspaceID: UUID
    public var name: String
    /// The GIAS Unique Reference Number (6 digits).
    public var urn: String?
    /// The local authority's three-digit code.
    public var laCode: String?

    public init(id: UUID, workspaceID: UUID, name: String, urn: String?, laCode: String?) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.urn = urn
        self.laCode = laCode
    }
}
