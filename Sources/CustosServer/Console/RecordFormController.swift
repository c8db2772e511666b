import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/records/new`: adds a record through a form made from its record type
/// (``RecordForm``). Only types the user's role may change, every field, across the workspace
/// are offered; the record is checked by the same validator as imports and the API, and written
/// through the vault, audited.
struct RecordFormController: Sendable {
    let pages: ConsolePages

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let typeID = request.uri.queryParameters.get("type") else { return chooser(user, context) }
        switch resolve(typeID, user) {
        case .writable(let type):
            return try await page(
                type, values: [:], problems: [],
                subject: try await subject(request.uri.queryParameters.get("subject"), user),
                user: user, context: context)
        case .notWritable: return refusal(user, context)
        case .unknown: return chooser(user, context, problem: "Choose a kind of record from the list")
        }
    }

    @Sendable func add(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let body = try await FormBody.read(request)
        let type: RecordType
        switch resolve(body.value("type"), user) {
        case .writable(let writable): type = writable
        case .notWritable: return refusal(user, context)
        case .unknown: return chooser(user, context, problem: "Choose a kind of record from the list")
        }
        var given: [String: String] = [:]
        for field in type.fields { given[field.name] = body.value(field.name) ?? "" }
        let subject = try await subject(body.value("subject"), user)
        let validation = RecordValidator(recordType: type).validate(given)
        guard validation.isValid else {
            return try await page(
                type, values: given, problems: validation.problems.filter { !$0.isWarning }, subject: subject,
                user: user, context: context, status: .badRequest)
        }
        if type.roles.first?.isAboutSomeoneHeld == true, subject == nil {
            let problem = FieldProblem(
                field: "", message: "This kind of record is about someone already held: add it from their page.")
            return try await page(
                type, values: given, problems: [problem], subject: nil, user: user, context: context,
                status: .badRequest)
        }
        // Collected for the first purpose of the type the user's role may change it for.
        let purpose = RolePurposeRule.purposes(of: user.role, .update, recordType: type, policy: user.vault.policy)
            .first
        let outcome: RecordWriteOutcome
        do {
            outcome = try await user.vault.write(
                RecordInput(
                    type: type, values: given, source: RecordSource(kind: .staff, name: "the staff console"),
                    subjects: subject.flatMap { id in type.roles.first.map { [$0.name: id] } } ?? [:],
                    isAnotherRecord: subject != nil),
                as: user.user, purpose: purpose, reason: "staff console")
        } catch let refusal as UseRefusal {
            return try await page(
                type, values: given, problems: [FieldProblem(field: "", message: refusal.message)], subject: subject,
                user: user, context: context, status: .forbidden)
        }
        switch outcome {
        case .created(_, let subjects, _), .updated(_, let subjects):
            guard let subject = type.roles.first.flatMap({ subjects[$0.name] }) ?? subjects.values.first else {
                return SignInController.redirect("/console")
            }
            return SignInController.redirect("/console/people/\(subject.uuidString.lowercased())")
        case .suppressed:
            let problem = FieldProblem(
                field: "",
                message: "This person asked for their information to be erased: Custos keeps no new record of them.")
            return try await page(
                type, values: given, problems: [problem], subject: subject, user: user, context: context,
                status: .conflict)
        case .schoolNotHeld(let field):
            let problem = FieldProblem(field: field, message: "No school with this URN is held")
            return try await page(
                type, values: given, problems: [problem], subject: subject, user: user, context: context,
                status: .badRequest)
        case .schoolNeeded(let field):
            let problem = FieldProblem(
                field: field, message: "This identifies a pupil only within a school, and no school is given")
            return try await page(
                type, values: given, problems: [problem], subject: subject, user: user, context: context,
                status: .badRequest)
        case .personNotFound:
            let problem = FieldProblem(field: "", message: "The person this record is about is not held.")
            return try await page(
                type, values: given, problems: [problem], subject: nil, user: user, context: context,
                status: .badRequest)
        }
    }

    /// The person a record is added about, named in the form: within the user's reach, or none.
    private func subject(_ text: String?, _ user: ConsoleUser) async throws -> UUID? {
        guard let text, let id = UUIDText.parse(text) else { return nil }
        return try await user.reachableSubject(id)?.id
    }

    private enum Resolution {
        case writable(RecordType)
        /// A type of the policy the user's role may not add.
        case notWritable
        /// No type, or one the policy does not have.
        case unknown
    }

    private func resolve(_ typeID: String?, _ user: ConsoleUser) -> Resolution {
        guard let typeID, user.vault.policy.recordType(typeID) != nil else { return .unknown }
        return user.writableTypes.first { $0.id == typeID }.map(Resolution.writable) ?? .notWritable
    }

    /// The list of kinds of record the user may add, with a problem when one was asked for wrongly.
    private func chooser(_ user: ConsoleUser, _ context: ConsoleRequestContext, problem: String? = nil) -> Response {
        let frame = ConsoleFrame(title: "Add a record", current: "/console/records/new", user: user, context: context)
        let page = RecordFormPage(
            types: user.writableTypes.map {
                RecordFormPage.Kind(id: $0.id, name: $0.name, description: $0.description)
            },
            problems: problem.map { [PageProblem($0)] } ?? [])
        return pages.render(page, frame: frame, status: problem == nil ? .ok : .badRequest)
    }

    private func page(
        _ type: RecordType, values given: [String: String], problems: [FieldProblem], subject: UUID?,
        user: ConsoleUser, context: ConsoleRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let form = RecordForm(recordType: type, policy: user.vault.policy)
        let frame = ConsoleFrame(
            title: "Add: \(type.name)", current: "/console/records/new", user: user, context: context)
        var view = RecordFormView(form: form, given: given, problems: problems)
        if form.fields.contains(where: { $0.input == .school }) {
            view.schools = try await user.vault.schools()
        }
        let page = RecordFormPage(
            typeName: type.name, typeID: type.id, typeDescription: type.description,
            aboutSomeoneHeld: type.roles.first?.isAboutSomeoneHeld == true,
            subject: subject?.uuidString.lowercased(), shortSubject: subject.map(PeopleController.shortID),
            fields: view.fields, problems: view.summary)
        return pages.render(page, frame: frame, status: status)
    }

    private func refusal(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not allowed", heading: "You cannot add this kind of record",
            message: "The policy does not let your role add records of this kind, or there is no such kind.",
            user: user, context: context, status: .forbidden)
    }
}
