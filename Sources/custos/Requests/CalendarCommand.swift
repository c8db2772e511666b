import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos calendar …`: the school calendar parents' requests for the educational record are
/// counted on.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Keep the school calendar (terms and closure days) and the bank holidays.",
        discussion: """
            Parents' requests to see the educational record are answered within 15 school days, counted on it \
            (weekdays in a term, less closures and bank holidays). Without terms far enough ahead, such a request \
            has no due date: add next year's terms in good time.
            """,
        subcommands: [
            CalendarTermCommand.self, CalendarClosureCommand.self, CalendarShowCommand.self,
            CalendarHolidaysCommand.self,
        ])
}

/// `custos calendar term --from DATE --to DATE`.
struct CalendarTermCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "term", abstract: "Add a term, first day to last.")

    @Option(help: ArgumentHelp("The term's first day.", valueName: "YYYY-MM-DD")) var from: CalendarDay
    @Option(help: ArgumentHelp("The term's last day.", valueName: "YYYY-MM-DD")) var to: CalendarDay
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let calendar = try await store.withVault { vault in
            try await SchoolCalendars(vault: vault).addTerm(from: from, to: to, actor: CommandActor.current)
        }
        print(CalendarShowCommand.text(calendar), terminator: "")
    }
}

/// `custos calendar closure DATE`.
struct CalendarClosureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closure", abstract: "Add a day in a term when the school is closed to pupils.")

    @Argument(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD")) var day: CalendarDay
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let calendar = try await store.withVault { vault in
            try await SchoolCalendars(vault: vault).addClosure(day, actor: CommandActor.current)
        }
        print(CalendarShowCommand.text(calendar), terminator: "")
    }
}

/// `custos calendar show`.
struct CalendarShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the terms and closures.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let calendar = try await store.withVault { vault in try await SchoolCalendars(vault: vault).current() }
        print(Self.text(calendar), terminator: "")
    }

    static func text(_ calendar: SchoolCalendar) -> String {
        guard !calendar.terms.isEmpty else { return "No terms kept.\n" }
        var lines = calendar.terms.map { "term \($0.lowerBound.iso) to \($0.upperBound.iso)" }
        lines += calendar.closures.sorted().map { "closed \($0.iso)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
