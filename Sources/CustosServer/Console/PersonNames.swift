import CustosCore
import CustosServices
import Foundation

/// The names a list of people is shown by (search results, possible duplicates): each person's
/// display name (``RecordType/displayNameFields(of:)``), read through the door for the one purpose
/// of the user's role that reads the most record types naming people, as one audit entry that
/// names everyone shown. A person the door does not show for that purpose, or whose records name
/// no one, has no name here: the page shows their kind and id instead.
enum PersonNames {
    /// The display names of `ids`, for `user`, audited with `reason`.
    static func of(_ ids: [UUID], user: ConsoleUser, reason: String) async throws -> [UUID: String] {
        guard !ids.isEmpty, let purpose = purpose(for: user) else { return [:] }
        let views = try await user.vault.read(subjects: ids, as: user.user, purpose: purpose, reason: reason)
        var names: [UUID: String] = [:]
        for view in views {
            names[view.subject.id] = user.vault.displayName(of: view.records)
        }
        return names
    }

    /// The purpose names are read for: of those the role may read for, the one that reads the
    /// most record types whose people have display names; nil when the role reads none.
    static func purpose(for user: ConsoleUser) -> String? {
        let policy = user.vault.policy
        var types: [String: Int] = [:]
        for type in policy.recordTypes
        where type.roles.contains(where: { !type.displayNameFields(of: $0.name).isEmpty }) {
            for purpose in RolePurposeRule.purposes(of: user.role, .read, recordType: type, policy: policy) {
                types[purpose, default: 0] += 1
            }
        }
        return policy.purposes.map(\.id).filter { types[$0] != nil }.max {
            types[$0, default: 0] < types[$1, default: 0]
        }
    }
}
