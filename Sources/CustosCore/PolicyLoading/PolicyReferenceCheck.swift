/// The structural checks a policy must pass before it is a ``Policy`` at all: identifiers unique
/// and well-formed, every reference resolving to something the policy (or fideslang) defines.
/// Legal questions are the linter's.
struct PolicyReferenceCheck {
    let loaded: LoadedPolicy
    private var policy: Policy { loaded.policy }
    private var found: [PolicyLoadError.Problem] = []

    init(_ loaded: LoadedPolicy) {
        self.loaded = loaded
    }

    func problems() -> [PolicyLoadError.Problem] {
        var check = self
        check.run()
        return check.found
    }

    private mutating func report(_ path: PolicyPath, _ message: String) {
        found.append(.init(location: loaded.location(of: path), path: path, message: message))
    }

    private mutating func run() {
        if policy.format != Policy.currentFormat {
            report(
                .root.key("format"),
                "format \(policy.format) is not one this Custos reads; use format \(Policy.currentFormat)")
        }
        checkIdentifiers()
        checkCategories()
        checkSubjects()
        checkRecordTypes()
        checkPurposes()
        checkRetention()
        checkAccess()
        checkRegistration()
        checkEvents()
        checkBranding()
    }

    // MARK: Branding

    private mutating func checkBranding() {
        guard let branding = policy.notice.branding else { return }
        let path = PolicyPath.root.key("notice").key("branding")
        if let colour = branding.colour {
            if let contrast = branding.contrastWithWhite {
                if contrast < 4.5 {
                    report(
                        path.key("colour"),
                        "\(colour) on white has a contrast of \(String(format: "%.1f", contrast)) to 1; links and buttons need at least 4.5 to 1 (WCAG 2.2 AA): choose a darker colour"
                    )
                }
            } else {
                report(path.key("colour"), "write the colour as # and six hexadecimal digits, e.g. #1d4f91")
            }
        }
        if let logo = branding.logo {
            if branding.logoPNG == nil || branding.logoSize == nil {
                report(
                    path.key("logo"),
                    "give the logo as a PNG data address: data:image/png;base64, then the file in base64")
            } else if let png = branding.logoPNG, png.count > NoticeBranding.largestLogo {
                report(
                    path.key("logo"),
                    "the logo is \(png.count / 1000) kB; at most \(NoticeBranding.largestLogo / 1000) kB (\(logo.prefix(22))...)"
                )
            }
        }
    }

    // MARK: Identifiers

    private mutating func checkIdentifiers() {
        checkIDs(policy.subjects.map(\.id), list: "subjects", key: "id", what: "subject kind")
        checkIDs(policy.recordTypes.map(\.id), list: "record_types", key: "id", what: "record type")
        checkIDs(policy.purposes.map(\.id), list: "purposes", key: "id", what: "purpose")
        checkIDs(policy.recipients.map(\.id), list: "recipients", key: "id", what: "recipient")
        checkIDs(policy.retention.map(\.id), list: "retention", key: "id", what: "retention rule")
        checkUnique(policy.cookies.map(\.name), path: { .root.key("cookies").index($0).key("name") }, what: "cookie")
        checkUnique(
            policy.categories.map(\.key), path: { .root.key("categories").index($0).key("key") }, what: "category")
        let lists = policy.purposes.enumerated().flatMap { index, purpose in
            (purpose.marketing?.lists ?? []).enumerated().map { (index, $0.offset, $0.element.id) }
        }
        var seenLists: Set<String> = []
        for (purposeIndex, listIndex, id) in lists {
            let path = PolicyPath.root.key("purposes").index(purposeIndex).key("marketing").key("lists").index(
                listIndex
            )
            .key("id")
            if !Self.isIdentifier(id) { report(path, Self.identifierRule(id)) }
            if !seenLists.insert(id).inserted { report(path, "the mailing list '\(id)' is defined twice") }
        }
    }

    private mutating func checkIDs(_ ids: [String], list: String, key: String, what: String) {
        for (index, id) in ids.enumerated() where !Self.isIdentifier(id) {
            report(.root.key(list).index(index).key(key), Self.identifierRule(id))
        }
        checkUnique(ids, path: { .root.key(list).index($0).key(key) }, what: what)
    }

    private mutating func checkUnique(_ values: [String], path: (Int) -> PolicyPath, what: String) {
        var seen: Set<String> = []
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            report(path(index), "the \(what) '\(value)' is defined twice")
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func identifierRule(_ text: String) -> String {
        "'\(text)' is not a valid identifier: use lower-case letters, digits and '_', starting with a letter"
    }

    // MARK: Categories and subjects

    private mutating func checkCategories() {
        for (index, category) in policy.categories.enumerated() {
            let path = PolicyPath.root.key("categories").index(index).key("key")
            let segments = category.key.split(separator: ".", omittingEmptySubsequences: false)
            guard segments.allSatisfy({ !$0.isEmpty && Self.isIdentifier(String($0)) }) else {
                report(
                    path,
                    "'\(category.key)' is not a valid category key: dotted lower-case words, e.g. user.education.sen")
                continue
            }
            if let parent = category.parentKey, policy.category(parent) == nil {
                report(
                    path,
                    "the parent category '\(parent)' of '\(category.key)' is neither a fideslang default nor declared in categories"
                )
            }
            if !FideslangTaxonomy.isDefaultCategory(category.key), category.name?.nonBlank == nil {
                report(
                    PolicyPath.root.key("categories").index(index),
                    "the category '\(category.key)' is not a fideslang default, so it needs a name")
            }
        }
    }

    private mutating func checkSubjects() {
        for (index, subject) in policy.subjects.enumerated() {
            if let key = subject.dataSubject, FideslangTaxonomy.defaultDataSubjects[key] == nil {
                let known = FideslangTaxonomy.defaultDataSubjects.keys
                report(
                    .root.key("subjects").index(index).key("data_subject"),
                    "'\(key)' is not a fideslang data subject\(Self.suggestion(key, known)); leave it out to export a custom subject"
                )
            }
        }
    }

    // MARK: Record types

    private mutating func checkRecordTypes() {
        let kinds = Set(policy.recordTypes.flatMap(\.fields).compactMap(\.identifierKind))
        let schoolScoped = policy.schoolScopedIdentifierKinds
        for (index, record) in policy.recordTypes.enumerated() {
            let path = PolicyPath.root.key("record_types").index(index)
            if record.roles.isEmpty {
                report(path, "the record type '\(record.id)' needs at least one role (whose record it is)")
            }
            checkUnique(record.roles.map(\.name), path: { path.key("roles").index($0).key("name") }, what: "role")
            for (roleIndex, role) in record.roles.enumerated() where policy.subject(role.subject) == nil {
                report(
                    path.key("roles").index(roleIndex).key("subject"),
                    "no subject kind '\(role.subject)'\(Self.suggestion(role.subject, policy.subjects.map(\.id)))")
            }
            // A role found by an identifier needs someone to have been given it by another record type.
            for (roleIndex, role) in record.roles.enumerated() {
                for (kindIndex, kind) in role.foundBy.enumerated() {
                    let kindPath = path.key("roles").index(roleIndex).key("found_by").index(kindIndex)
                    if !kinds.contains(kind) {
                        report(
                            kindPath,
                            "no record type has an identifier of kind '\(kind)' to find the \(role.name) by\(Self.suggestion(kind, kinds))"
                        )
                    } else if schoolScoped.contains(kind) {
                        report(
                            kindPath,
                            "'\(kind)' tells people apart only within a school, so it cannot find the \(role.name) by itself"
                        )
                    }
                }
            }
            checkUnique(record.fields.map(\.name), path: { path.key("fields").index($0).key("name") }, what: "field")
            for (fieldIndex, field) in record.fields.enumerated() {
                let fieldPath = path.key("fields").index(fieldIndex)
                if !Self.isIdentifier(field.name) { report(fieldPath.key("name"), Self.identifierRule(field.name)) }
                if policy.category(field.category) == nil {
                    let known = policy.categories.map(\.key) + FideslangTaxonomy.defaultDataCategories.keys
                    report(
                        fieldPath.key("category"),
                        "'\(field.category)' is neither a fideslang category nor declared in categories\(Self.suggestion(field.category, known))"
                    )
                }
                for (purposeIndex, id) in field.purposes.enumerated() where !record.purposes.contains(id) {
                    report(
                        fieldPath.key("purposes").index(purposeIndex),
                        "the field's purposes must be among its record type's; '\(id)' is not one of \(record.purposes.joined(separator: ", "))"
                    )
                }
                if field.identifierScope == .school, !field.identifier {
                    report(
                        fieldPath.key("identifier_scope"),
                        "only an identifier has a scope; add 'identifier: true' or leave 'identifier_scope' out")
                } else if let kind = field.identifierKind, field.identifierScope == .workspace,
                    schoolScoped.contains(kind)
                {
                    report(
                        fieldPath.key("identifier_scope"),
                        "another field of kind '\(kind)' tells people apart only within a school; give every field of a kind the same scope"
                    )
                }
                if let role = field.describes, !record.roles.contains(where: { $0.name == role }) {
                    report(
                        fieldPath.key("describes"),
                        "the record type '\(record.id)' has no role '\(role)'\(Self.suggestion(role, record.roles.map(\.name)))"
                    )
                }
            }
            for (position, name) in record.identifiedBy.enumerated() {
                let field = record.field(named: name)
                if field?.identifier != true || field.flatMap(record.role(of:))?.name != record.roles.first?.name {
                    report(
                        path.key("identified_by").index(position),
                        "'\(name)' is not an identifier field of the record's first role\(Self.suggestion(name, record.identifierFields(of: record.roles.first?.name).map(\.name)))"
                    )
                }
            }
            for (position, name) in record.displayName.enumerated() where record.field(named: name) == nil {
                report(
                    path.key("display_name").index(position),
                    "the record type '\(record.id)' has no field '\(name)'\(Self.suggestion(name, record.fields.map(\.name)))"
                )
            }
            let named = record.displayName.compactMap { record.field(named: $0) }
            if !named.isEmpty, named.allSatisfy(DisplayName.isTitle) {
                report(
                    path.key("display_name"),
                    "a display name of a title alone tells no one apart; list the name fields, e.g. [first_name, surname]"
                )
            }
            for (purposeIndex, id) in record.purposes.enumerated() where policy.purpose(id) == nil {
                report(
                    path.key("purposes").index(purposeIndex),
                    "no purpose '\(id)'\(Self.suggestion(id, policy.purposes.map(\.id)))")
            }
            for (ruleIndex, id) in record.retention.enumerated() where policy.retentionRule(id) == nil {
                report(
                    path.key("retention").index(ruleIndex),
                    "no retention rule '\(id)'\(Self.suggestion(id, policy.retention.map(\.id)))")
            }
            for (sourceIndex, source) in record.sources.enumerated()
            where source.kind != .dataSubject && source.kind != .anotherPerson && source.name?.nonBlank == nil {
                report(
                    path.key("sources").index(sourceIndex),
                    "a source of kind '\(source.kind.rawValue)' needs a name (Art 14(2)(f) asks which source)")
            }
        }
    }

    // MARK: Purposes, retention, access

    private mutating func checkPurposes() {
        for (index, purpose) in policy.purposes.enumerated() {
            let path = PolicyPath.root.key("purposes").index(index)
            for (recipientIndex, id) in purpose.recipients.enumerated() where policy.recipient(id) == nil {
                report(
                    path.key("recipients").index(recipientIndex),
                    "no recipient '\(id)'\(Self.suggestion(id, policy.recipients.map(\.id)))")
            }
            if let use = purpose.dataUse, FideslangTaxonomy.defaultDataUses[use] == nil {
                report(
                    path.key("data_use"),
                    "'\(use)' is not a fideslang data use\(Self.suggestion(use, FideslangTaxonomy.defaultDataUses.keys))"
                )
            }
        }
    }

    private mutating func checkRetention() {
        for (index, rule) in policy.retention.enumerated() {
            let path = PolicyPath.root.key("retention").index(index)
            if rule.trigger == .event, rule.event?.nonBlank == nil {
                report(
                    path.key("trigger"),
                    "a rule triggered by an event needs 'event:', the event's name (e.g. left_post)")
            }
            let fields = policy.recordTypes.filter { $0.retention.contains(rule.id) }.flatMap(\.fields)
            let fieldNames = Set(fields.map(\.name))
            for (fieldIndex, name) in rule.keepFields.enumerated() {
                guard fieldNames.contains(name) else {
                    report(
                        path.key("keep_fields").index(fieldIndex),
                        "no record type under this rule has a field '\(name)'\(Self.suggestion(name, fieldNames))")
                    continue
                }
                if let identifying = fields.first(where: { $0.name == name && $0.identifiesDirectly }) {
                    report(
                        path.key("keep_fields").index(fieldIndex),
                        "'\(name)' identifies the person (\(identifying.identifier ? "an identifier" : identifying.category)); anonymising keeps only statistical fields"
                    )
                }
            }
        }
    }

    private mutating func checkAccess() {
        for (index, rule) in policy.access.enumerated() {
            let path = PolicyPath.root.key("access").index(index)
            let records = rule.recordTypes.compactMap(policy.recordType)
            for (recordIndex, id) in rule.recordTypes.enumerated() where policy.recordType(id) == nil {
                report(
                    path.key("record_types").index(recordIndex),
                    "no record type '\(id)'\(Self.suggestion(id, policy.recordTypes.map(\.id)))")
            }
            if let purpose = rule.purpose {
                if policy.purpose(purpose) == nil {
                    report(
                        path.key("purpose"),
                        "no purpose '\(purpose)'\(Self.suggestion(purpose, policy.purposes.map(\.id)))")
                } else if let type = records.first(where: { !$0.purposes.contains(purpose) }) {
                    report(
                        path.key("purpose"),
                        "the record type '\(type.id)' is not kept for the purpose '\(purpose)'")
                }
            }
            let fieldNames = Set(records.flatMap { $0.fields.map(\.name) })
            for (fieldIndex, name) in rule.fields.enumerated() where !fieldNames.contains(name) {
                report(
                    path.key("fields").index(fieldIndex),
                    "none of the rule's record types has a field '\(name)'\(Self.suggestion(name, fieldNames))")
            }
        }
    }

    // MARK: Registration

    /// A registration makes a record of a type that exists, whose person can be sent the
    /// confirmation link (an email identifier of the type's first role) and, when school leads
    /// are told, whose school is known (a `urn` field); the telling is one of the type's purposes.
    private mutating func checkRegistration() {
        guard let registration = policy.registration else { return }
        let path = PolicyPath.root.key("registration")
        guard let type = policy.recordType(registration.recordType) else {
            report(
                path.key("record_type"),
                "no record type '\(registration.recordType)'\(Self.suggestion(registration.recordType, policy.recordTypes.map(\.id)))"
            )
            return
        }
        if type.ownEmailField == nil {
            report(
                path.key("record_type"),
                "the record type '\(type.id)' has no email field marked identifier: true, so a registration's confirmation link could not be sent"
            )
        }
        guard let purposeID = registration.tellSchoolLeads else { return }
        if policy.purpose(purposeID) == nil {
            report(
                path.key("tell_school_leads"),
                "no purpose '\(purposeID)'\(Self.suggestion(purposeID, policy.purposes.map(\.id)))")
        } else if !type.purposes.contains(purposeID) {
            report(
                path.key("tell_school_leads"),
                "the record type '\(type.id)' is not kept for the purpose '\(purposeID)', so its records cannot be shown to school leads for it"
            )
        }
        if !type.fields.contains(where: { $0.format == .urn }) {
            report(
                path.key("tell_school_leads"),
                "the record type '\(type.id)' has no field of format urn, so a registration's school could not be known"
            )
        }
    }

    /// Attendance is a record type that exists, with the event field, whose first role names a
    /// person by an identifier.
    private mutating func checkEvents() {
        guard let events = policy.events else { return }
        let path = PolicyPath.root.key("events")
        guard let type = policy.recordType(events.recordType) else {
            report(
                path.key("record_type"),
                "no record type '\(events.recordType)'\(Self.suggestion(events.recordType, policy.recordTypes.map(\.id)))"
            )
            return
        }
        guard let field = type.field(named: events.field) else {
            report(
                path.key("field"),
                "the record type '\(type.id)' has no field '\(events.field)'\(Self.suggestion(events.field, type.fields.map(\.name)))"
            )
            return
        }
        if type.role(of: field)?.name != type.roles.first?.name {
            report(
                path.key("field"),
                "the field '\(field.name)' describes another role than the attendee, the type's first")
        }
        if !policy.access.contains(where: { $0.scope == .ownEvents }) {
            report(path, "no access rule has the scope own_events, so no trainer reaches the attendees")
        }
    }

    private static func suggestion(_ word: String, _ candidates: some Sequence<String>) -> String {
        EditDistance.closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
