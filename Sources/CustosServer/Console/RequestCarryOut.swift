import CustosCore
import CustosServices
import Foundation

/// The part of a request's page that carries out the requests that change what is kept, as the
/// command line's `custos request erase|rectify|restrict|object` does: erasure (with what the
/// policy keeps, and why), rectification (the person's own fields, or a refusal with their
/// statement), restriction and objection. Each goes through the store's own type, which checks
/// the law, completes the request and audits, in one transaction.
struct RequestCarryOut: Sendable {
    let user: ConsoleUser

    /// What is wrong with a form posted here; nothing was changed.
    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The kinds of request carried out here.
    static let kinds: Set<RequestKind> = [.erasure, .rectification, .restriction, .objection]

    /// The forms for `request`, or nil when it is not one to carry out now: another kind, not
    /// tied to a person, or its state does not let it complete.
    func values(for request: StoredRequest) async throws -> RequestPage.CarryOut? {
        guard Self.kinds.contains(request.kind), let subject = request.subjectID,
            try await Requests(vault: user.vault).mayCarryOut(request.id, on: .today)
        else { return nil }
        let vault = user.vault
        typealias CarryOut = RequestPage.CarryOut
        switch request.kind {
        case .erasure:
            let assessment = try await Erasures(vault: vault).assess(request: request.id, on: .today)
            return CarryOut(
                erasure: CarryOut.Erasure(
                    items: Self.erasureItems(assessment),
                    waitsForApproval: assessment.needsApproval && !assessment.approved,
                    grounds: ErasureGround.allCases.map { .init(value: $0.rawValue, label: Self.label($0)) }))
        case .restriction:
            return CarryOut(
                restriction: CarryOut.Restriction(
                    grounds: RestrictionGround.allCases.map { .init(value: $0.rawValue, label: Self.label($0)) },
                    purposes: vault.policy.purposes.map { CarryOut.Purpose(id: $0.id, name: $0.name) }))
        case .objection:
            return CarryOut(
                objection: CarryOut.Objection(
                    purposes: Self.objectable(vault.policy).map { purpose in
                        CarryOut.Purpose(
                            id: purpose.id, name: purpose.name,
                            mayCarryOn: purpose.marketing == nil && user.role == .dpo,
                            note: purpose.marketing == nil
                                ? nil : "Direct marketing: an objection to it always stops it (Art 21(3)).")
                    }))
        case .rectification:
            let view = try await vault.read(
                subject: subject, actor: user.actor, reason: "rectification request \(request.id)")
            let records = view.records.compactMap { record -> CarryOut.CorrectionRecord? in
                guard let type = vault.policy.recordType(record.type) else { return nil }
                let fields = type.fields.filter { type.role(of: $0)?.name == record.role }
                return CarryOut.CorrectionRecord(
                    record: record.recordID.uuidString.lowercased(), typeName: type.name,
                    fields: fields.map { field in
                        CarryOut.CorrectionField(
                            name: field.name, label: field.displayLabel, value: record.values[field.name] ?? "")
                    })
            }
            return CarryOut(rectification: CarryOut.Rectification(records: records))
        default:
            return nil
        }
    }

    /// What erasing does to each kind of record, as the assessment found.
    static func erasureItems(_ assessment: ErasureAssessment) -> [RequestPage.CarryOut.ErasureItem] {
        assessment.plan.items.map { item in
            RequestPage.CarryOut.ErasureItem(
                typeName: item.typeName, count: item.count, outcome: item.kept.map { "kept: \($0.why)" } ?? "erased")
        }
    }

    static func label(_ ground: ErasureGround) -> String { "\(ground.reference): \(ground.plainEnglish)" }

    /// Carries out what the form posted for `request`; throws a ``Problem`` (or the store's
    /// ``VaultError``) naming what is wrong, having changed nothing.
    func carryOut(_ body: FormBody, request: StoredRequest) async throws {
        let vault = user.vault
        let actor = user.actor
        switch request.kind {
        case .erasure:
            guard let ground = body.value("ground").flatMap(ErasureGround.init(rawValue:)) else {
                throw Problem("ground: choose the ground for erasure")
            }
            _ = try await Erasures(vault: vault).carryOut(request: request.id, ground: ground, on: .today, actor: actor)
        case .restriction:
            guard let ground = body.value("ground").flatMap(RestrictionGround.init(rawValue:)) else {
                throw Problem("ground: choose the ground for restriction")
            }
            let purposes = body.values("purpose")
            try await Restrictions(vault: vault).carryOut(
                request: request.id, ground: ground, purposes: purposes.isEmpty ? nil : purposes, on: .today,
                actor: actor)
        case .objection:
            let purposes = body.values("purpose")
            var grounds: [String: String] = [:]
            for purpose in purposes {
                let text = body.value("grounds-\(purpose)")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard !text.isEmpty else { continue }
                guard user.role == .dpo else {
                    throw Problem("grounds: only the data protection officer records compelling grounds to carry on")
                }
                grounds[purpose] = text
            }
            try await Objections(vault: vault).carryOut(
                request: request.id, purposes: purposes, compellingGrounds: grounds, on: .today, actor: actor)
        case .rectification:
            guard let recordID = body.value("record").flatMap(UUIDText.parse) else {
                throw Problem("record: choose the record to correct")
            }
            if body.value("refuse") == "yes" {
                let reasons = body.value("reasons")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard !reasons.isEmpty else {
                    throw Problem("reasons: give the reasons for refusing; the person is told them")
                }
                let statement = body.value("statement")?.trimmingCharacters(in: .whitespacesAndNewlines)
                try await Rectifications(vault: vault).refuse(
                    request: request.id, record: recordID, reasons: reasons,
                    statement: statement?.isEmpty == false ? statement : nil, on: .today, actor: actor)
                return
            }
            guard let subject = request.subjectID,
                let current = try await vault.read(
                    record: recordID, actor: actor, reason: "rectification request \(request.id)"
                )
                .first(where: { $0.subjectID == subject })
            else { throw Problem("record: the record holds no part of the request's person") }
            var changes: [String: String?] = [:]
            for (name, value) in body.fields where name.hasPrefix("field-") {
                let field = String(name.dropFirst("field-".count))
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed != (current.values[field] ?? "") else { continue }
                changes[field] = trimmed.isEmpty ? String?.none : trimmed
            }
            guard !changes.isEmpty else {
                throw Problem("changes: change at least one value; the record already holds these")
            }
            try await Rectifications(vault: vault).carryOut(
                request: request.id, record: recordID, changes: changes, on: .today, actor: actor)
        default:
            throw Problem("this request is not carried out here")
        }
    }

    /// The purposes a person may object to: direct marketing, and those resting on a public task
    /// or legitimate interests (Art 21).
    static func objectable(_ policy: Policy) -> [Purpose] {
        policy.purposes.filter { purpose in
            purpose.marketing != nil
                || [.publicTask, .legitimateInterests, .recognisedLegitimateInterest].contains(purpose.lawfulBasis)
        }
    }

    static func label(_ ground: RestrictionGround) -> String {
        let words =
            switch ground {
            case .accuracyContested: "they contest its accuracy, while it is checked"
            case .unlawful: "it was processed unlawfully, and they ask for restriction instead of erasure"
            case .legalClaims: "it is no longer needed, but they need it for a legal claim"
            case .objectionPending: "they objected, while the grounds are weighed"
            }
        return "\(ground.reference): \(words)"
    }
}
