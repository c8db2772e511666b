import CSV
public import CustosCore
import CustosStorage
public import Foundation

/// Imports a CSV file of one record type: streams it row by row (CSV.swift), maps headings to
/// fields, checks every row, and writes the good rows in batches, each batch one transaction with
/// its audit entry, so nothing is ever half-written. Re-running the same file updates each
/// person's record instead of adding a second one; rows about erased people are reported as
/// suppressed and not written.
///
/// An import goes through the door: it names the purpose the records are written for, which the
/// user's role must be allowed to write the type for, and a row about someone held already who has
/// restricted or objected to that purpose, or not consented to it, is refused by its line.
public struct RecordImporter: Sendable {
    public let vault: Vault
    public let recordType: RecordType
    /// Who imports, as the door knows them.
    public let user: DataUser
    /// The purpose the records are written for, as given (checked when the import runs).
    public let purpose: String?
    /// Rows per transaction.
    public var batchSize = 2_000

    public init(vault: Vault, recordType: RecordType, as user: DataUser, purpose: String?) {
        self.vault = vault
        self.recordType = recordType
        self.user = user
        self.purpose = purpose
    }

    /// Imports `file`. With `dryRun` everything is checked and counted but nothing is written.
    /// `progress` is told the rows read so far, every batch. Throws a ``UseRefusal``, having read
    /// nothing, when the purpose is missing, unknown or not the user's to write the type for.
    public func run(
        file: URL, source: RecordSource? = nil, schoolID: UUID? = nil, dryRun: Bool,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportReport {
        let purpose = try await vault.purposeForWriting(recordType, as: user, purpose: self.purpose)
        let actor = user.actor
        guard let stream = InputStream(url: file) else { throw VaultError("the file cannot be opened") }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw VaultError("the file is not a CSV file with a heading row")
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
            "import.start", actor: actor, at: start, purpose: purpose, dryRun: dryRun,
            detail: "type \(recordType.id)")
        let rows = ImportRowReader(
            reader: reader, file: file, columns: columns, recordType: recordType, source: source, schoolID: schoolID)
        let size = batchSize
        // Read and check the next batch while this one is prepared, and prepare it while the
        // last one is written: the three run on both cores.
        var pending = Task { try rows.next(size) }
        var writing: BatchInFlight?
        do {
            while true {
                let batch = try await pending.value
                if !batch.isLast { pending = Task { try rows.next(size) } }
                var staged = try await stage(
                    batch, purpose: purpose, dryRun: dryRun, following: writing?.made ?? .none)
                if let last = writing {
                    writing = nil
                    if try await last.finish(importer: self, purpose: purpose, into: &report) {
                        // The last batch was refused and written again alone: this one is worked
                        // out again from what the store now holds.
                        staged = try await stage(batch, purpose: purpose, dryRun: dryRun, following: .none)
                    }
                }
                if dryRun || staged.changes == nil {
                    report.merge(staged.report)
                } else if let changes = staged.changes {
                    let store = vault.store
                    writing = BatchInFlight(
                        batch: batch, report: staged.report, made: staged.made,
                        task: Task { try await store.apply(changes) })
                }
                progress(report.rows + (writing?.report.rows ?? 0))
                if batch.isLast { break }
            }
            if let last = writing {
                writing = nil
                _ = try await last.finish(importer: self, purpose: purpose, into: &report)
            }
        } catch {
            // Let the write and the read in flight finish before the reader goes.
            _ = try? await writing?.task.value
            _ = try? await pending.value
            throw error
        }
        try await audit(
            "import.finish", actor: actor, at: Date(), purpose: purpose, dryRun: dryRun,
            detail: "type \(recordType.id): \(report.summary)")
        return report
    }

    /// A batch prepared: what it adds to the report, in the order of the file's lines, and the
    /// changes to apply (nil when nothing is written), with what they make for the next batch.
    struct StagedBatch: Sendable {
        var report: ImportReport
        var changes: ChangeSet?
        var made: UnappliedWrites
    }

    /// A batch being written, with what it adds to the report once it is.
    struct BatchInFlight: Sendable {
        let batch: ImportRowReader.Batch
        let report: ImportReport
        let made: UnappliedWrites
        let task: Task<Void, any Error>

        /// Waits for the write and adds its batch to `report`. When another write made one of
        /// the batch's new people meanwhile, the batch was refused whole: it is worked out again
        /// and written alone, and true is returned.
        func finish(importer: RecordImporter, purpose: String, into report: inout ImportReport) async throws -> Bool {
            do {
                try await task.value
                report.merge(self.report)
                return false
            } catch let error as StoreError where error == .identityTaken {
                try await importer.writeAlone(batch, purpose: purpose, into: &report)
                return true
            }
        }
    }

    /// Prepares one batch (after `earlier`, prepared and not yet applied) without writing it.
    private func stage(
        _ batch: ImportRowReader.Batch, purpose: String, dryRun: Bool, following earlier: UnappliedWrites
    ) async throws -> StagedBatch {
        var report = ImportReport(dryRun: dryRun)
        report.rows = batch.rows
        report.rejected = batch.rejected
        report.rowsWithWarnings = batch.rowsWithWarnings
        for problem in batch.problems { report.add(problem) }
        var staged = StagedBatch(report: report, changes: nil, made: .none)
        if !batch.inputs.isEmpty {
            (staged.changes, staged.made) = try await prepare(
                batch.inputs, lines: batch.lines, purpose: purpose, dryRun: dryRun, following: earlier,
                report: &staged.report)
        }
        // Problems found in checking and in writing, in the order of the file's lines.
        staged.report.problems.sort { $0.line < $1.line }
        return staged
    }

    /// Prepares and writes one batch on its own, after nothing unapplied; a batch refused because
    /// another write made one of its new people meanwhile is worked out again, finding them.
    func writeAlone(_ batch: ImportRowReader.Batch, purpose: String, into report: inout ImportReport) async throws {
        for attempt in 1...Vault.identityAttempts {
            let staged = try await stage(batch, purpose: purpose, dryRun: false, following: .none)
            do {
                if let changes = staged.changes { try await vault.store.apply(changes) }
                report.merge(staged.report)
                return
            } catch let error as StoreError where error == .identityTaken && attempt < Vault.identityAttempts {
                continue
            }
        }
    }

    /// Works out one batch of good rows, after `earlier`: its problems and counts go to `report`;
    /// returns the changes to apply in one transaction (nil when nothing is to be written, or in
    /// a dry run) and what they make.
    private func prepare(
        _ rows: [RecordInput], lines rowLines: [Int], purpose: String, dryRun: Bool, following earlier: UnappliedWrites,
        report: inout ImportReport
    ) async throws -> (ChangeSet?, UnappliedWrites) {
        let time = Date()
        // A person named by id (the `subject` column) must be within the importer's reach; one
        // beyond it reads as no one found, as an unknown id does, and is not decided on.
        let named = Array(Set(rows.flatMap(\.subjects.values)))
        let reachable = Set(try await vault.subjects(named, reachableBy: user.access).map(\.id))
        let outOfReach = rows.map { row in row.subjects.first { !reachable.contains($0.value) }?.key }
        let inReach = rows.indices.filter { outOfReach[$0] == nil }
        // Who the rows find is looked up once, for the door's decision and for the writing.
        let decidedRows = inReach.map { rows[$0] }
        let held = try await vault.heldPeople(of: decidedRows)
        let decided = try await vault.refusals(
            writing: decidedRows, held: held, as: user, purpose: purpose, audited: !dryRun, at: time)
        var batch: [RecordInput] = []
        var lines: [Int] = []
        // Of the rows in reach (decided, and looked up), the places of those written.
        var written: [Int] = []
        var reached = 0
        for (position, row) in rows.enumerated() {
            if let role = outOfReach[position] {
                report.rejected += 1
                report.add(
                    ImportProblem(
                        line: rowLines[position], field: "subject",
                        message: "names no one held as the \(role); nothing was written, and no one was made",
                        isWarning: false))
                continue
            }
            defer { reached += 1 }
            if let refusal = decided[reached] {
                report.rejected += 1
                report.add(
                    ImportProblem(
                        line: rowLines[position], field: "row",
                        message:
                            "is about someone held whose data may not be written for \(purpose) (\(refusal.code)); the row is not imported",
                        isWarning: false))
            } else {
                batch.append(row)
                lines.append(rowLines[position])
                written.append(reached)
            }
        }
        guard !batch.isEmpty else { return (nil, .none) }
        var (changes, outcomes, made) = try await vault.prepare(
            batch, at: time, following: earlier, held: held.subset(written))
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
            case .schoolNeeded(let field):
                report.rejected += 1
                report.add(
                    ImportProblem(
                        line: lines[position], field: field,
                        message: VaultError.schoolNeeded(field: field).message, isWarning: false))
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
        guard !dryRun else { return (nil, .none) }
        changes.audit.append(
            vault.event(
                "import.batch", actor: user.actor, at: time, purpose: purpose,
                detail:
                    "type \(recordType.id), lines \(lines.first ?? 0)–\(lines.last ?? 0): \(created) created, \(updated) updated, \(suppressed) suppressed, \(newSubjects) new people"
            ))
        return (changes, made)
    }

    private func audit(
        _ action: String, actor: String, at time: Date, purpose: String, dryRun: Bool, detail: String
    ) async throws {
        guard !dryRun else { return }
        try await vault.audit([vault.event(action, actor: actor, at: time, purpose: purpose, detail: detail)])
    }
}
