import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos task …`: work the law asks of staff, such as telling recipients of an erasure.
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "List tasks due and mark them done.",
        subcommands: [TaskListCommand.self, TaskDoneCommand.self])
}

/// `custos task list`.
struct TaskListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tasks, soonest due first.")

    @Flag(help: "Include tasks done.") var all = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let tasks = try await store.withVault { vault in try await Tasks(vault: vault).list(includingDone: all) }
        for task in tasks {
            let due = task.doneOn.map { "done \($0.iso)" } ?? task.dueOn.map { "due \($0.iso)" } ?? "no date"
            print("\(task.id.uuidString)  \(task.kind.rawValue)  \(due)  \(task.summary)")
            if !task.recipients.isEmpty { print("    recipients: \(task.recipients.joined(separator: "; "))") }
        }
    }
}

/// `custos task done ID --note "..."`.
struct TaskDoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark a task done, with how (or why it could not be done).")

    @Argument(help: ArgumentHelp("The task's id.", valueName: "ID")) var id: String
    @Option(help: "How it was done, or why it could not be (e.g. disproportionate effort).") var note: String
    @Option(help: ArgumentHelp("The day it was done (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let taskID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a task id") }
        try await store.withVault { vault in
            try await Tasks(vault: vault).complete(taskID, on: on ?? .today, note: note, actor: CommandActor.current)
        }
        print("done \(taskID.uuidString)")
    }
}
