import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos user add|list|passwd|disable|enable`: the staff who sign in to the console.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and disable the staff who sign in to the console.",
        discussion: """
            A user works in one workspace, with one role: the policy's access rules decide what they see. \
            Passwords are kept only as bcrypt hashes; five failed sign-ins in a row lock an account for \
            fifteen minutes.
            """,
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserPasswdCommand.self, UserDisableCommand.self,
            UserEnableCommand.self, UserRemoveSecondFactorCommand.self, UserEventsCommand.self,
        ])
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user; without --password-stdin, a password is made and printed once.")

    @Option(help: "The address they sign in with; accounts are personal, so not a shared one.") var email: String
    @Option(help: "Their name, as the console and the audit log show it.") var name: String
    @Option(help: "Their role: \(StaffRole.argumentNames).", transform: StaffRole.parsedArgument)
    var role: StaffRole
    @Option(help: "For a school leader: the URN of their school.") var school: String?
    @Option(
        help: ArgumentHelp(
            "For a trainer: an event they deliver, as attendance records name it (repeatable).", valueName: "name"))
    var event: [String] = []
    @OptionGroup var password: PasswordInput
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (given, made) = try password.read()
        let user = try await store.withInstallation { installation in
            let workspace = try await installation.resolveWorkspace(self.store.workspace)
            let schoolID = try await installation.schoolID(forURN: school, in: workspace)
            return try await installation.staffUsers().add(
                email: email, name: name, role: role, schoolID: schoolID, events: event, password: given,
                in: workspace, by: CommandActor.current)
        }
        if let warning = SharedAddress.warning(for: user.email) { Console.error("warning: \(warning)") }
        Console.error("User \(user.email) added, role \(user.role.rawValue).")
        if made { print(given) }
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the workspace's users (never their passwords).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let users = try await store.withInstallation { installation in
            try await installation.staffUsers().accounts(in: installation.resolveWorkspace(self.store.workspace))
        }
        let now = Date()
        for user in users {
            let state =
                if let disabled = user.disabledAt {
                    "disabled \(disabled.formatted(.iso8601))"
                } else if let until = user.lockedUntil, until > now {
                    "locked until \(until.formatted(.iso8601))"
                } else {
                    "active"
                }
            print([user.email, user.role.rawValue, state, user.name].joined(separator: "  "))
        }
    }
}

struct UserPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract:
            "Set a user's password, ending their sessions and any lock-out; without --password-stdin, one is made and printed once."
    )

    @Argument(help: "The address the user signs in with.") var email: String
    @OptionGroup var password: PasswordInput
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let (given, made) = try password.read()
        try await store.withStaffUser(email) { users, user in
            try await users.setPassword(given, for: user, by: CommandActor.current)
        }
        Console.error("Password set; the user's sessions have ended.")
        if made { print(given) }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stop a user signing in, and end their sessions.")

    @Argument(help: "The address the user signs in with.") var email: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStaffUser(email) { users, user in try await users.disable(user, by: CommandActor.current) }
        print("Disabled.")
    }
}

struct UserEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Let a disabled or locked-out user sign in again.")

    @Argument(help: "The address the user signs in with.") var email: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStaffUser(email) { users, user in try await users.enable(user, by: CommandActor.current) }
        print("Enabled.")
    }
}

struct UserEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Set the events a trainer delivers: they see the people booked on them.",
        discussion: "The events given replace those named before; none leaves the trainer reaching no one.")

    @Argument(help: "The address the trainer signs in with.") var email: String
    @Option(help: ArgumentHelp("An event they deliver, as attendance records name it (repeatable).", valueName: "name"))
    var event: [String] = []
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withStaffUser(email) { users, user in
            try await users.setEvents(event, for: user, by: CommandActor.current)
        }
        print(event.isEmpty ? "The trainer now delivers no events." : "Events set: \(event.joined(separator: ", ")).")
    }
}

struct UserRemoveSecondFactorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-second-factor",
        abstract: "Remove a user's authenticator app (a lost phone), ending their sessions.",
        discussion: "If their role needs a second factor, they set up a new app at their next sign-in.")

    @Argument(help: "The address the user signs in with.") var email: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await store.withInstallation { installation in
            let workspace = try await installation.resolveWorkspace(store.workspace)
            let vault = try await installation.vault(workspace)
            let user = try await installation.staffUsers().user(email: email, in: workspace)
            guard user.totpSealed != nil else {
                throw CommandFailure(message: "error: \(user.email) has no authenticator app set up")
            }
            try await SecondFactors(vault: vault).remove(from: user, by: CommandActor.current)
        }
        print("Removed; the user's sessions have ended.")
    }
}

/// The user of the workspace who signs in as `email`, for the commands that change one.
extension StoreOptions {
    fileprivate func withStaffUser(
        _ email: String, _ body: (StaffUsers, StoredStaffUser) async throws -> Void
    ) async throws {
        try await withInstallation { installation in
            let users = installation.staffUsers()
            try await body(users, try await users.user(email: email, in: installation.resolveWorkspace(workspace)))
        }
    }
}
