import CustosCore
import CustosServices
import Foundation
import Hummingbird
import MultipartKit

/// `/console/imports`: a CSV file of one record type, imported as `custos import` does (the same
/// importer: every row checked by the record type's validator, good rows written in batches, each
/// audited). The import runs in the background; its page shows the rows read so far, refreshing
/// itself, then the report, with every problem by line and field and a CSV of them to download.
struct ImportsController: Sendable {
    let pages: ConsolePages

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        return try await page(user, context)
    }

    @Sendable func start(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let body = try await request.body.collect(upTo: ConsoleImports.maxFileSize + 64 * 1024)
        guard let parts = MultipartForm.parts(of: body, contentType: request.headers[.contentType]) else {
            return try await page(user, context, problem: ("file", "Choose a CSV file to import"), status: .badRequest)
        }
        guard let typeID = MultipartForm.value("type", in: parts),
            let type = user.writableTypes.first(where: { $0.id == typeID })
        else {
            return try await page(
                user, context, problem: ("type", "Choose a kind of record from the list"), status: .badRequest)
        }
        // The door decides the purpose before the file is taken: a refusal is the form's error.
        let purpose: String
        do {
            purpose = try await user.vault.purposeForWriting(
                type, as: user.user, purpose: MultipartForm.value("purpose", in: parts))
        } catch let refusal as UseRefusal {
            return try await page(user, context, problem: ("purpose", refusal.message), status: .badRequest)
        }
        // The school every person in the file belongs to, if the file is one school's.
        var schoolID: UUID?
        if let chosen = MultipartForm.value("school", in: parts), !chosen.isEmpty {
            guard let id = UUIDText.parse(chosen), try await user.vault.schools().contains(where: { $0.id == id })
            else {
                return try await page(
                    user, context, problem: ("school", "Choose a school from the list"), status: .badRequest)
            }
            schoolID = id
        }
        guard let part = parts.first(where: { $0.name == "file" }), part.body.readableBytes > 0 else {
            return try await page(user, context, problem: ("file", "Choose a CSV file to import"), status: .badRequest)
        }
        let job = try await user.vault.consoleImports.start(
            Data(buffer: part.body), fileName: MultipartForm.fileName(of: part) ?? "upload.csv", recordType: type,
            purpose: purpose, schoolID: schoolID, dryRun: MultipartForm.value("check", in: parts) == "yes",
            userID: user.account.id, user: user.user)
        return SignInController.redirect(Self.link(job.id))
    }

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let job = try await self.job(context, user) else { return notFound(user, context) }
        var frame = ConsoleFrame(
            title: "Import of \(job.fileName)", current: "/console/imports", user: user, context: context)
        var page = ImportJobPage(
            fileName: job.fileName, typeName: job.typeName, dryRun: job.dryRun, started: PageText.time(job.startedAt))
        switch job.state {
        case .running(let rows):
            page.running = true
            page.rowsRead = rows
            frame.refresh = 2
        case .finished(let report):
            page.report = Self.report(report)
            page.problemsLink = Self.link(job.id) + "/problems.csv"
        case .failed(let message):
            page.failure = message
        }
        return pages.render(page, frame: frame)
    }

    @Sendable func problems(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let job = try await self.job(context, user), case .finished(let report) = job.state else {
            return notFound(user, context)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition:
                    "attachment; filename=\"import-problems-\(job.id.uuidString.lowercased().prefix(8)).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: report.problemsCSV)))
    }

    // MARK: Helpers

    static func link(_ id: UUID) -> String { "/console/imports/\(id.uuidString.lowercased())" }

    /// The report as the page shows it: the counts, and the first problems.
    private static func report(_ report: ImportReport) -> ImportJobPage.Report {
        ImportJobPage.Report(
            refusedFile: report.refusedFile, rows: report.rows, created: report.created, updated: report.updated,
            suppressed: report.suppressed, rejected: report.rejected, newSubjects: report.newSubjects,
            rowsWithWarnings: report.rowsWithWarnings, problemCount: report.problemCount,
            hasReportProblems: report.problemCount > 0, moreProblems: report.problemCount > Self.problemsShown,
            reportProblems: report.problems.prefix(Self.problemsShown).map { problem in
                ImportJobPage.Problem(
                    line: problem.line, field: problem.field, message: problem.message,
                    severity: problem.isWarning ? "warning" : "error")
            })
    }

    private static let problemsShown = 200

    private func job(_ context: ConsoleRequestContext, _ user: ConsoleUser) async throws -> ConsoleImport? {
        guard let text = context.parameters.get("job"), let id = UUIDText.parse(text) else { return nil }
        return try await user.vault.consoleImports.job(id, of: user.account.id)
    }

    private func page(
        _ user: ConsoleUser, _ context: ConsoleRequestContext, problem: (field: String, message: String)? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let frame = ConsoleFrame(title: "Import records", current: "/console/imports", user: user, context: context)
        // The purposes the user's role may write some writable type for, in the policy's order.
        let policy = user.vault.policy
        let writable = Set(
            user.writableTypes.flatMap {
                RolePurposeRule.purposes(of: user.role, .update, recordType: $0, policy: policy)
            })
        let schools = try await user.vault.schools().map { school in
            ImportsPage.Choice(
                id: school.id.uuidString.lowercased(),
                name: school.name + (school.urn.map { " (URN \($0))" } ?? ""))
        }
        let jobs = try await user.vault.consoleImports.jobs(of: user.account.id).map { job in
            let state: String
            switch job.state {
            case .running(let rows): state = "importing: \(rows) rows read"
            case .finished(let report): state = report.refusedFile ? "refused" : (job.dryRun ? "checked" : "done")
            case .failed: state = "stopped"
            }
            return ImportsPage.Job(
                link: Self.link(job.id), fileName: job.fileName, typeName: job.typeName,
                started: PageText.time(job.startedAt), state: state)
        }
        var page = ImportsPage(
            types: user.writableTypes.map { ImportsPage.Choice(id: $0.id, name: $0.name) },
            purposes: policy.purposes.filter { writable.contains($0.id) }.map {
                ImportsPage.Choice(id: $0.id, name: $0.name)
            },
            maxMegabytes: ConsoleImports.maxFileSize / (1024 * 1024), schools: schools, jobs: jobs)
        if let problem {
            page.problems = [PageProblem(field: "import-\(problem.field)", problem.message)]
            switch problem.field {
            case "type": page.typeError = problem.message
            case "purpose": page.purposeError = problem.message
            case "school": page.schoolError = problem.message
            case "file": page.fileError = problem.message
            default: break
            }
        }
        return pages.render(page, frame: frame, status: status)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such import",
            message: "There is no import of yours with that id. Imports are kept for a day after they start.",
            user: user, context: context, status: .notFound)
    }
}
