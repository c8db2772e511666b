public import Foundation

/// One controller's policy and data. Nothing crosses between workspaces.
public struct Workspace: Sendable, Hashable, Codable {
    public var id: UUID
    /// The short name commands and URLs use, e.g. `ashe`.
    public var name: String
    /// The controller's name, for people to read.
    public var title: String
    public var createdAt: Date

    public init(id: UUID, name: String, title: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.title = title
        self.createdAt = createdAt
    }

    /// Whether `name` can name a workspace: lower-case letters, digits and hyphens, starting with
    /// a letter, at most 63 characters (it appears in URLs).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
