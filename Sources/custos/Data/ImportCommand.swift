import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos import --type RECORD_TYPE --purpose PURPOSE FILE.csv [--dry-run]`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file of one record type.",
        discussion: """
            Headings are matched to the record type's fields by name, label or alias. Every row is \
            checked; rows with errors are reported by line and field and not written, the others are \
            written in batches of one transaction each. Running the same file again updates each \
            person's record rather than adding a second. Rows about erased people are suppressed. \
            The records are written for the purpose named, which the record type must be kept for; \
            a row about someone who has restricted or objected to that purpose, or not consented to \
            it, is refused by its line. Exits 1 when any row was rejected.
            """)

    @Option(help: ArgumentHelp("The record type, as the policy names it.", valueName: "RECORD_TYPE"))
    var type: String

    @Option(
        help: ArgumentHelp(
            "The purpose the records are written for, as the policy names it (the error lists those allowed).",
            valueName: "PURPOSE"))
    var purpose: String?

    @Argument(help: ArgumentHelp("The CSV file, with a heading row.", valueName: "FILE.csv"))
    var file: String

    @Flag(help: "Check and count everything, write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("The school (by URN) every person in the file belongs to.", valueName: "URN"))
    var school: String?

    @Option(
        help: ArgumentHelp(
            "Write every problem, as CSV (line,field,severity,problem), to this file.", valueName: "FILE"))
    var report: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("there is no file \(file)")
        }
        let result = try await store.withVault { vault in
            guard let recordType = vault.policy.recordType(type) else {
                let known = vault.policy.recordTypes.map(\.id).joined(separator: ", ")
                throw ValidationError("the policy has no record type '\(type)'; it has \(known)")
            }
            var schoolID: UUID?
            if let school {
                guard
                    let found = try await vault.schools().first(where: { $0.urn == school })
                else {
                    throw CommandFailure(
                        message: "error: there is no school with URN \(school); add it with 'custos school add'")
                }
                schoolID = found.id
            }
            let progress = ProgressLine(total: ProgressLine.dataRows(in: url), label: dryRun ? "checking" : "importing")
            let importer = RecordImporter(
                vault: vault, recordType: recordType, as: CommandActor.user(of: vault), purpose: purpose)
            let result = try await importer.run(
                file: url, schoolID: schoolID, dryRun: dryRun, progress: { progress.update($0) })
            progress.finish()
            return result
        }
        for problem in result.problems.prefix(50) { Console.error(problem.description) }
        if result.problemCount > 50 {
            Console.error(
                "… and \(result.problemCount - 50) more problems\(report == nil ? "; see them all with --report FILE" : "")"
            )
        }
        if let report { try Console.write(result.problemsCSV, to: report) }
        if result.refusedFile {
            throw CommandFailure(
                message: "error: \(file) was not imported: its headings do not fit record type '\(type)'")
        }
        print((dryRun ? "Dry run, nothing written. " : "") + result.summary)
        if result.rejected > 0 { throw CommandFailure(message: "") }
    }
}
