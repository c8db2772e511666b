import CSV
import CustosCore
import CustosStorage
import Foundation

/// Reads an import file a batch at a time: each row's cells mapped to fields, checked, and either
/// kept as a record to write or reported by line. The importer reads the next batch while it
/// writes the last one, so the two run on both cores.
///
/// Used by one task at a time, each call awaited before the next starts; that hand-over is what
/// makes it safe to move between tasks.
final class ImportRowReader: @unchecked Sendable {
    /// One batch: the good rows as records, with their line numbers, and what was wrong with the rest.
    struct Batch: Sendable {
        var inputs: [RecordInput] = []
        var lines: [Int] = []
        var problems: [ImportProblem] = []
        var rows = 0
        var rejected = 0
        var rowsWithWarnings = 0
        /// The file has no more rows.
        var isLast = false
    }

    private let reader: CSVReader
    private let file: URL
    private let columns: ImportColumns
    private let recordType: RecordType
    private let validator: RecordValidator
    private let source: RecordSource
    private let schoolID: UUID?
    private var line = 1

    init(
        reader: CSVReader, file: URL, columns: ImportColumns, recordType: RecordType, source: RecordSource,
        schoolID: UUID?
    ) {
        self.reader = reader
        self.file = file
        self.columns = columns
        self.recordType = recordType
        validator = RecordValidator(recordType: recordType)
        self.source = source
        self.schoolID = schoolID
    }

    /// Reads up to `size` good rows (rejected ones do not count towards it).
    func next(_ size: Int) throws -> Batch {
        var batch = Batch()
        batch.inputs.reserveCapacity(size)
        while batch.inputs.count < size {
            guard let row = reader.next() else {
                // Foundation's InputStream on Linux says bytes are available at the end of a file, so
                // CSV.swift tries one more read and records `cannotReadFile`: that is the end, not a failure.
                if let error = reader.error, !Self.isEndOfFile(error) {
                    throw VaultError("the file could not be read after line \(line) (\(type(of: error)))")
                }
                batch.isLast = true
                return batch
            }
            line += 1
            batch.rows += 1
            var values: [String: String] = [:]
            var lookups: [String: [String: String]] = [:]
            var subjects: [String: UUID] = [:]
            var problems: [FieldProblem] = []
            for (position, text) in row.enumerated() {
                if let field = columns.fields[position] {
                    values[field] = text
                } else if let lookup = columns.lookups[position] {
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty else { continue }
                    if lookup.kind == ImportColumns.subjectColumn {
                        guard let id = UUID(uuidString: trimmed) else {
                            problems.append(FieldProblem(field: lookup.kind, message: "is not a person's id"))
                            continue
                        }
                        subjects[lookup.role] = id
                    } else {
                        lookups[lookup.role, default: [:]][lookup.kind] = trimmed
                    }
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
                batch.problems.append(
                    ImportProblem(
                        line: line, field: problem.field, message: problem.message, isWarning: problem.isWarning))
            }
            guard !problems.contains(where: { !$0.isWarning }) else {
                batch.rejected += 1
                continue
            }
            if !problems.isEmpty { batch.rowsWithWarnings += 1 }
            batch.inputs.append(
                RecordInput(
                    type: recordType, values: outcome.values, source: source, schoolID: schoolID, subjects: subjects,
                    lookups: lookups, schoolMustBeHeld: true))
            batch.lines.append(line)
        }
        return batch
    }

    private static func isEndOfFile(_ error: any Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }
}
