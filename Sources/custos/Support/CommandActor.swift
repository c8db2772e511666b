import CustosCore
import CustosServices
import Foundation

/// Who is acting, as policy versions and the audit log record it: `cli:<login name>`.
enum CommandActor {
    static var current: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
        return "cli:\(user.isEmpty ? "unknown" : user)"
    }

    /// The command line's user as the vault's door knows them: whoever holds the master key acts
    /// with the DPO's powers and reach, and still names a purpose for every use.
    static func user(of vault: Vault) -> DataUser {
        DataUser(actor: current, access: StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy))
    }
}
