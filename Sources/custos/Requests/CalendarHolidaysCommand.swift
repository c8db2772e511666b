import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos calendar holidays …`: the bank holidays the legal clock steps over.
struct CalendarHolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "Show the bank holidays the clock steps over, or import GOV.UK's list.",
        discussion: """
            Custos ships the bank holidays of England and Wales, Scotland and Northern Ireland to the end of 2028; \
            a workspace uses its policy's nation's (controller.nation). A due date in a later year is given with a \
            warning until GOV.UK's list for that year is imported.
            """,
        subcommands: [CalendarHolidaysShowCommand.self, CalendarHolidaysImportCommand.self],
        defaultSubcommand: CalendarHolidaysShowCommand.self)
}

/// `custos calendar holidays show`.
struct CalendarHolidaysShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the workspace's bank holidays from today on, and the last year known.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let holidays = try await store.withVault { vault in try await vault.bankHolidays() }
        let today = CalendarDay.today
        print(
            "Bank holidays of \(holidays.division), known to the end of \(holidays.lastYear.map(String.init) ?? "no year"):"
        )
        for (day, title) in holidays.days.filter({ $0.key >= today }).sorted(by: { $0.key < $1.key }) {
            print("\(day.iso)  \(title)")
        }
    }
}

/// `custos calendar holidays import FILE`.
struct CalendarHolidaysImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import GOV.UK's bank-holidays.json (https://www.gov.uk/bank-holidays.json) for every workspace.",
        discussion: """
            Each division the file lists replaces the shipped holidays for the years it covers; open requests in \
            every workspace of that division get their due dates worked out again, each change audited.
            """)

    @Argument(help: ArgumentHelp("GOV.UK's bank-holidays JSON.", valueName: "FILE")) var file: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ValidationError("FILE: cannot read '\(file)'")
        }
        let imported: [Installation.BankHolidaysImported]
        do {
            imported = try await store.withInstallation { installation in
                try await installation.importBankHolidays(data, actor: CommandActor.current)
            }
        } catch let error as BankHolidaysError {
            throw CommandFailure(message: "error: \(file): \(error.description)")
        }
        for division in imported {
            print(
                "\(division.division.rawValue): \(division.holidays) holidays, \(division.years.lowerBound) to \(division.years.upperBound); \(division.requestsRedated) open request\(division.requestsRedated == 1 ? "" : "s") re-dated"
            )
        }
    }
}
