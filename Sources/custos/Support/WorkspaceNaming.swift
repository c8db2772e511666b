import CustosCore

/// Workspace names made from a policy.
enum WorkspaceNaming {
    /// The controller's short name as a workspace name: "West Herts" → `west-herts`.
    static func suggestedName(for policy: Policy) -> String {
        var name = ""
        for scalar in policy.controller.displayName.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty && !name.hasSuffix("-") {
                name += "-"
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        if let first = name.unicodeScalars.first, !("a"..."z").contains(first) { name = "w-" + name }
        return name.isEmpty ? "workspace" : String(name.prefix(63))
    }
}
