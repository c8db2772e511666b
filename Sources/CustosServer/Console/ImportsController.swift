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
        var values = ConsoleFrame.values(
            title: "Import of \(job.fileName)", current: "/console/imports", user: user, context: context)
        values["fileName"] = job.fileName
        values["typeName"] = job.typeName
        values["dryRun"] = job.dryRun
        values["started"] = PageText.time(job.startedAt)
        switch job.state {
        case .running(let rows):
            values["running"] = true
            values["rowsRead"] = rows
            values["refresh"] = 2
        case .finished(let report):
            values["report"] = Self.values(report)
            values["problemsLink"] = Self.link(job.id) + "/problems.csv"
        case .failed(let message):
            values["failure"] = message
        }
        return pages.render(.importJob, values)
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
    private static func values(_ report: ImportReport) -> [String: Any] {
        [
            "refusedFile": report.refusedFile, "rows": report.rows, "created": report.created,
            "updated": report.updated, "suppressed": report.suppressed, "rejected": report.rejected,
            "newSubjects": report.newSubjects, "rowsWithWarnings": report.rowsWithWarnings,
            "problemCount": report.problemCount, "hasProblems": report.problemCount > 0,
            "moreProblems": report.problemCount > Self.problemsShown,
            "problems": report.problems.prefix(Self.problemsShown).map { problem -> [String: Any] in
                [
                    "line": problem.line, "field": problem.field, "message": problem.message,
                    "severity": problem.isWarning ? "warning" : "error",
                ]
            },
        ]
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
        var values = ConsoleFrame.values(
            title: (problem == nil ? "" : "Error: ") + "Import records", current: "/console/imports", user: user,
            context: context)
        values["types"] = user.writableTypes.map { ["id": $0.id, "name": $0.name] }
        // The purposes the user's role may write some writable type for, in the policy's order.
        let policy = user.vault.policy
        let writable = Set(
            user.writableTypes.flatMap {
                RolePurposeRule.purposes(of: user.role, .update, recordType: $0, policy: policy)
            })
        values["purposes"] = policy.purposes.filter { writable.contains($0.id) }.map { ["id": $0.id, "name": $0.name] }
        values["maxMegabytes"] = ConsoleImports.maxFileSize / (1024 * 1024)
        values["schools"] = try await user.vault.schools().map { school in
            ["id": school.id.uuidString.lowercased(), "name": school.name + (school.urn.map { " (URN \($0))" } ?? "")]
        }
        values["jobs"] = try await user.vault.consoleImports.jobs(of: user.account.id).map { job -> [String: Any] in
            let state: String
            switch job.state {
            case .running(let rows): state = "importing: \(rows) rows read"
            case .finished(let report): state = report.refusedFile ? "refused" : (job.dryRun ? "checked" : "done")
            case .failed: state = "stopped"
            }
            return [
                "link": Self.link(job.id), "fileName": job.fileName, "typeName": job.typeName,
                "started": PageText.time(job.startedAt), "state": state,
            ]
        }
        if let problem {
            values["hasProblems"] = true
            values["problems"] = [["field": "import-\(problem.field)", "message": problem.message]]
            values["\(problem.field)Error"] = problem.message
        }
        return pages.render(.imports, values, status: status)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        var values = ConsoleFrame.values(title: "Not found", current: "", user: user, context: context)
        values["heading"] = "No such import"
        values["message"] = "There is no import of yours with that id. Imports are kept for a day after they start."
        return pages.render(.problem, values, status: .notFound)
    }
}
