import CSV
public import CustosCore
import CustosStorage
public import Foundation

/// Imports a CSV file of one record type: streams it row by row (CSV.swift), maps headings to
/// fields, checks every row, and writes the good rows in batches, each batch one transaction with
/// its audit entry, so nothing is ever half-written. Re-running the same file updates each
/// person's record instead of adding a second one; rows about erased people are reported as
/// suppressed and not written.
public struct RecordImporter: Sendable {
    public let vault: Vault
    public let recordType: RecordType
    /// Rows per transaction.
    public var batchSize = 2_000

    public init(vault: Vault, recordType: RecordType) {
        self.vault = vault
        self.recordType = recordType
    }

    /// Imports `file`. With `dryRun` everything is checked and counted but nothing is written.
    /// `progress` is told the rows read so far, every batch.
    public func run(
        file: URL, source: RecordSource? = nil, schoolID: UUID? = nil, dryRun: Bool, actor: String,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportReport {
        guard let stream = InputStream(url: file) else { throw VaultError("cannot open \(file.lastPathComponent)") }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw VaultError("\(file.lastPathComponent) is not a CSV file with a heading row")
        }
        let source = source ?? RecordSource(kind: .importFile)
        var report = ImportReport(dryRun: dryRun)
        let columns = ImportColumns(headers: reader.headerRow ?? [], recordType: recordType)
        for problem in columns.problems {
            report.add(ImportProblem(line: 1, field: problem.field, message: problem.message, isWarning: false))
        }
        let missingRequired = columns.missingRequired(in: recordType)
        for field in missingRequired {
            report.add(
                ImportProblem(line: 1, field: field, message: "is required, and no column holds it", isWarning: false))
        }
        for (_, heading) in columns.unknown.sorted(by: { $0.key < $1.key }) {
            report.add(
                ImportProblem(
                    line: 1, field: heading,
                    message: "is not a field of \(recordType.id); rows with a value in it are refused", isWarning: true)
            )
        }
        if !columns.problems.isEmpty || !missingRequired.isEmpty {
            report.refusedFile = true
            return report
        }
        let start = Date()
        try await audit(
            "import.start", actor: actor, at: start, dryRun: dryRun,
            detail: "type \(recordType.id)")
        let rows = ImportRowReader(
            reader: reader, file: file, columns: columns, recordType: recordType, source: source, schoolID: schoolID)
        let size = batchSize
        // Read and check the next batch while this one is written.
        var pending = Task { try rows.next(size) }
        while true {
            let batch = try await pending.value
            if !batch.isLast { pending = Task { try rows.next(size) } }
            report.rows += batch.rows
            report.rejected += batch.rejected
            report.rowsWithWarnings += batch.rowsWithWarnings
            for problem in batch.problems { report.add(problem) }
            if !batch.inputs.isEmpty {
                do {
                    try await write(
                        batch.inputs, lines: batch.lines, file: file, dryRun: dryRun, actor: actor, report: &report)
                } catch {
                    // Let the read in flight finish before the reader goes.
                    _ = try? await pending.value
                    throw error
                }
            }
            progress(report.rows)
            if batch.isLast { break }
        }
        try await audit(
            "import.finish", actor: actor, at: Date(), dryRun: dryRun,
            detail: "type \(recordType.id): \(report.summary)")
        return report
    }

    /// Writes one batch of good rows in one transaction (or, dry, only works out what it would do).
    private func write(
        _ batch: [RecordInput], lines: [Int], file: URL, dryRun: Bool, actor: String, report: inout ImportReport
    ) async throws {
        let time = Date()
        var (changes, outcomes) = try await vault.prepare(batch, at: time)
        let onSuppressionList = try await Contacts(vault: vault).positionsOnSuppressionList(batch)
        var created = 0
        var updated = 0
        var suppressed = 0
        var newSubjects = 0
        for (position, outcome) in outcomes.enumerated() {
            if outcome.recordID != nil, onSuppressionList.contains(position) { report.doNotContact += 1 }
            switch outcome {
            case .created(_, _, let new):
                created += 1
                newSubjects += new
            case .updated: updated += 1
            case .suppressed(let role):
                suppressed += 1
                report.add(
                    ImportProblem(
                        line: lines[position], field: role,
                        message: "is a person who was erased; the row is suppressed and not imported", isWarning: true))
            case .schoolNotHeld(let field):
                report.rejected += 1
                report.add(
                    ImportProblem(
                        line: lines[position], field: field,
                        message:
                            "names a school this workspace does not hold; add the school first (custos school add)",
                        isWarning: false))
            case .personNotFound(let role):
                report.rejected += 1
                let kinds = recordType.roles.first { $0.name == role }?.foundBy ?? []
                report.add(
                    ImportProblem(
                        line: lines[position], field: kinds.joined(separator: "/"),
                        message:
                            "finds no \(role) held; a \(recordType.id) record is about someone already held, so the row is not imported and no one is made",
                        isWarning: false))
            }
        }
        report.created += created
        report.updated += updated
        report.suppressed += suppressed
        report.newSubjects += newSubjects
        guard !dryRun else { return }
        changes.audit.append(
            vault.event(
                "import.batch", actor: actor, at: time,
                detail:
                    "type \(recordType.id), lines \(lines.first ?? 0)–\(lines.last ?? 0): \(created) created, \(updated) updated, \(suppressed) suppressed, \(newSubjects) new people"
            ))
        try await vault.store.apply(changes)
    }

    private func audit(_ action: String, actor: String, at time: Date, dryRun: Bool, detail: String) async throws {
        guard !dryRun else { return }
        try await vault.audit([vault.event(action, actor: actor, at: time, detail: detail)])
    }
}
