import CSV
public import CustosCore
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
        let source = source ?? RecordSource(kind: .importFile, name: file.lastPathComponent)
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
        let validator = RecordValidator(recordType: recordType)
        let start = Date()
        try await audit(
            "import.start", actor: actor, at: start, dryRun: dryRun,
            detail: "type \(recordType.id), file \(file.lastPathComponent)")
        var batch: [RecordInput] = []
        var batchLines: [Int] = []
        batch.reserveCapacity(batchSize)
        var line = 1
        while let row = reader.next() {
            line += 1
            report.rows += 1
            var values: [String: String] = [:]
            var problems: [FieldProblem] = []
            for (position, text) in row.enumerated() {
                if let field = columns.fields[position] {
                    values[field] = text
                } else if let heading = columns.unknown[position], !text.allSatisfy(\.isWhitespace) {
                    let message =
                        PaymentCardNumber.occurs(in: text)
                        ? "looks like a payment card number, which Custos never stores"
                        : "is not a field of \(recordType.id)"
                    problems.append(FieldProblem(field: heading, message: message))
                }
            }
            let outcome = validator.validate(values)
            problems += outcome.problems
            for problem in problems {
                report.add(
                    ImportProblem(
                        line: line, field: problem.field, message: problem.message, isWarning: problem.isWarning))
            }
            guard !problems.contains(where: { !$0.isWarning }) else {
                report.rejected += 1
                continue
            }
            if !problems.isEmpty { report.rowsWithWarnings += 1 }
            batch.append(RecordInput(type: recordType, values: outcome.values, source: source, schoolID: schoolID))
            batchLines.append(line)
            if batch.count >= batchSize {
                try await write(batch, lines: batchLines, file: file, dryRun: dryRun, actor: actor, report: &report)
                batch.removeAll(keepingCapacity: true)
                batchLines.removeAll(keepingCapacity: true)
                progress(report.rows)
            }
        }
        // Foundation's InputStream on Linux says bytes are available at the end of a file, so
        // CSV.swift tries one more read and records `cannotReadFile`: that is the end, not a failure.
        if let error = reader.error, !Self.isEndOfFile(error) {
            throw VaultError("\(file.lastPathComponent) could not be read after line \(line): \(error)")
        }
        if !batch.isEmpty {
            try await write(batch, lines: batchLines, file: file, dryRun: dryRun, actor: actor, report: &report)
        }
        progress(report.rows)
        try await audit(
            "import.finish", actor: actor, at: Date(), dryRun: dryRun,
            detail: "type \(recordType.id), file \(file.lastPathComponent): \(report.summary)")
        return report
    }

    /// Writes one batch of good rows in one transaction (or, dry, only works out what it would do).
    private func write(
        _ batch: [RecordInput], lines: [Int], file: URL, dryRun: Bool, actor: String, report: inout ImportReport
    ) async throws {
        let time = Date()
        var (changes, outcomes) = try await vault.prepare(batch, at: time)
        var created = 0
        var updated = 0
        var suppressed = 0
        var newSubjects = 0
        for (position, outcome) in outcomes.enumerated() {
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
                    "type \(recordType.id), file \(file.lastPathComponent), lines \(lines.first ?? 0)–\(lines.last ?? 0): \(created) created, \(updated) updated, \(suppressed) suppressed, \(newSubjects) new people"
            ))
        try await vault.store.apply(changes)
    }

    private static func isEndOfFile(_ error: any Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    private func audit(_ action: String, actor: String, at time: Date, dryRun: Bool, detail: String) async throws {
        guard !dryRun else { return }
        try await vault.audit([vault.event(action, actor: actor, at: time, detail: detail)])
    }
}
