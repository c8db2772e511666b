import Yams

/// The policy as fideslang manifests: an organization, a system with one privacy declaration per
/// purpose, a dataset with one collection per record type, and the custom taxonomy entries (data
/// categories, subjects and uses) for every key the default taxonomy lacks.
public struct FideslangExport: Sendable {
    /// One manifest file: its name and YAML text.
    public struct Manifest: Sendable, Equatable {
        public var fileName: String
        public var yaml: String
    }

    public let policy: Policy
    /// The fides key of the organization; the system and dataset keys derive from it.
    public let organizationKey: String

    /// - Parameter organizationKey: defaults to a key made from the controller's short name.
    public init(policy: Policy, organizationKey: String? = nil) {
        self.policy = policy
        self.organizationKey = organizationKey ?? Self.fidesKey(from: policy.controller.displayName)
    }

    var systemKey: String { "\(organizationKey)_custos" }
    var datasetKey: String { "\(organizationKey)_records" }

    /// The manifests, one file each: organization, system, dataset, taxonomy.
    public func manifests() throws -> [Manifest] {
        try [
            Manifest(
                fileName: "organization.yml",
                yaml: Yams.serialize(node: mapping([("organization", .sequence(.init([organization()])))]))),
            Manifest(
                fileName: "system.yml", yaml: Yams.serialize(node: mapping([("system", .sequence(.init([system()])))]))),
            Manifest(
                fileName: "dataset.yml",
                yaml: Yams.serialize(node: mapping([("dataset", .sequence(.init([dataset()])))]))),
            Manifest(fileName: "taxonomy.yml", yaml: Yams.serialize(node: taxonomy())),
        ]
    }

    /// Every manifest in one YAML document, as fideslang reads a single file.
    public func combinedManifest() throws -> String {
        var pairs: [(String, Node)] = [
            ("organization", .sequence(.init([organization()]))),
            ("system", .sequence(.init([system()]))),
            ("dataset", .sequence(.init([dataset()]))),
        ]
        if case .mapping(let custom) = taxonomy() {
            pairs += custom.map { ($0.key.string ?? "", $0.value) }
        }
        return try Yams.serialize(node: mapping(pairs))
    }

    // MARK: Resources

    func organization() -> Node {
        let controller = policy.controller
        var pairs: [(String, Node)] = [
            ("fides_key", text(organizationKey)),
            ("name", text(controller.name ?? controller.displayName)),
            (
                "description",
                text(
                    "\(controller.kind.title.capitalizingFirst)\(controller.publicAuthority == true ? ", a public authority" : "")"
                )
            ),
            ("controller", contact(controller.contact)),
        ]
        if let dpo = policy.dpo { pairs.append(("data_protection_officer", contact(dpo))) }
        if let representative = controller.representative { pairs.append(("representative", contact(representative))) }
        return mapping(pairs)
    }

    func system() -> Node {
        let controller = policy.controller
        let abroad = policy.recipients.filter(\.isOutsideUK)
        let dpias = unique(policy.purposes.compactMap(\.dpia) + policy.recipients.compactMap(\.dpia))
        var pairs: [(String, Node)] = [
            ("fides_key", text(systemKey)),
            ("organization_fides_key", text(organizationKey)),
            ("name", text("\(controller.displayName) personal data in Custos")),
            (
                "description",
                text("The data map of \(controller.name ?? controller.displayName), kept and enforced by Custos.")
            ),
            ("system_type", text("Service")),
            ("responsibility", .sequence(.init([text("Controller")]))),
            ("legal_name", text(controller.name ?? controller.displayName)),
            ("legal_address", text(controller.address ?? "")),
            ("processes_personal_data", bool(true)),
            ("uses_cookies", bool(!policy.cookies.isEmpty)),
            ("uses_profiling", bool(policy.purposes.contains { $0.profiling || $0.automatedDecision != nil })),
            ("does_international_transfers", bool(!abroad.isEmpty)),
            ("legal_basis_for_transfers", strings(unique(abroad.compactMap { $0.transfer.map(transferLabel) }))),
            ("requires_data_protection_assessments", bool(!dpias.isEmpty)),
            ("dataset_references", strings([datasetKey])),
            ("privacy_declarations", .sequence(.init(policy.purposes.map(privacyDeclaration)))),
        ]
        if let dpo = policy.dpo {
            pairs.append(("dpo", text([dpo.displayName, dpo.email].compactMap { $0 }.joined(separator: ", "))))
        }
        if !dpias.isEmpty { pairs.append(("dpa_location", text(dpias.joined(separator: "; ")))) }
        if let security = controller.securityMeasures { pairs.append(("data_security_practices", text(security))) }
        if let url = policy.notice.url { pairs.append(("privacy_policy", text(url))) }
        return mapping(pairs)
    }

    func privacyDeclaration(_ purpose: Purpose) -> Node {
        let fields = policy.fields(for: purpose)
        let recipients = policy.recipients(of: purpose)
        let special = policy.specialFields(for: purpose)
        let rules = unique(
            policy.recordTypes(for: purpose).flatMap { policy.retentionRules(of: $0).map(\.plainEnglish) })
        let categories = unique(fields.map(\.field.category))
        var pairs: [(String, Node)] = [
            ("name", text(purpose.name)),
            ("data_categories", strings(categories)),
            ("data_use", text(dataUseKey(purpose))),
            ("data_subjects", strings(policy.subjects(of: purpose).map(dataSubjectKey))),
            ("dataset_references", strings([datasetKey])),
            ("processes_special_category_data", bool(!special.isEmpty)),
            ("data_shared_with_third_parties", bool(!recipients.isEmpty)),
        ]
        if let basis = purpose.lawfulBasis { pairs.append(("legal_basis_for_processing", text(fideslangLabel(basis)))) }
        if let condition = purpose.specialCategory?.condition, !special.isEmpty {
            pairs.append(("special_category_legal_basis", text(condition.fideslangLabel)))
        }
        if let lia = purpose.legitimateInterestAssessment { pairs.append(("impact_assessment_location", text(lia))) }
        if !rules.isEmpty { pairs.append(("retention_period", text(rules.joined(separator: "; ")))) }
        if !recipients.isEmpty {
            pairs.append(("third_parties", text(recipients.map(\.name).joined(separator: "; "))))
            pairs.append(("shared_categories", strings(categories)))
        }
        return mapping(pairs)
    }

    func dataset() -> Node {
        let collections = policy.recordTypes.map { record in
            mapping([
                ("name", text(record.id)),
                ("description", text(record.name)),
                (
                    "fields",
                    .sequence(
                        .init(
                            record.fields.map { field in
                                mapping([
                                    ("name", text(field.name)),
                                    ("description", text(field.displayLabel)),
                                    ("data_categories", strings([field.category])),
                                ])
                            }))
                ),
            ])
        }
        return mapping([
            ("fides_key", text(datasetKey)),
            ("organization_fides_key", text(organizationKey)),
            ("name", text("\(policy.controller.displayName) records")),
            ("description", text("The record types of the data map, one collection each.")),
            ("collections", .sequence(.init(collections))),
        ])
    }

    /// Custom taxonomy entries: categories, subjects and uses the default taxonomy lacks.
    func taxonomy() -> Node {
        let categories = policy.categories.filter { !FideslangTaxonomy.isDefaultCategory($0.key) }.map { category in
            var pairs: [(String, Node)] = [("fides_key", text(category.key))]
            if let parent = category.parentKey { pairs.append(("parent_key", text(parent))) }
            pairs.append(("name", text(category.name ?? category.key)))
            if let description = category.description { pairs.append(("description", text(description))) }
            pairs.append(("organization_fides_key", text(organizationKey)))
            return mapping(pairs)
        }
        let subjects = policy.subjects.filter { FideslangTaxonomy.defaultDataSubjects[dataSubjectKey($0)] == nil }.map {
            subject in
            var pairs: [(String, Node)] = [("fides_key", text(dataSubjectKey(subject))), ("name", text(subject.name))]
            if let description = subject.description { pairs.append(("description", text(description))) }
            pairs.append(("organization_fides_key", text(organizationKey)))
            return mapping(pairs)
        }
        let uses = policy.purposes.filter { $0.dataUse == nil }.map { purpose in
            mapping([
                ("fides_key", text(dataUseKey(purpose))),
                ("name", text(purpose.name)),
                ("description", text(purpose.description ?? purpose.name)),
                ("organization_fides_key", text(organizationKey)),
            ])
        }
        var pairs: [(String, Node)] = []
        if !categories.isEmpty { pairs.append(("data_category", .sequence(.init(categories)))) }
        if !subjects.isEmpty { pairs.append(("data_subject", .sequence(.init(subjects)))) }
        if !uses.isEmpty { pairs.append(("data_use", .sequence(.init(uses)))) }
        return mapping(pairs)
    }

    // MARK: Keys and labels

    func dataSubjectKey(_ subject: SubjectKind) -> String { subject.dataSubject ?? subject.id }

    func dataUseKey(_ purpose: Purpose) -> String { purpose.dataUse ?? "custos_\(purpose.id)" }

    private func fideslangLabel(_ basis: LawfulBasis) -> String {
        switch basis {
        case .consent: "Consent"
        case .contract: "Contract"
        case .legalObligation: "Legal obligations"
        case .vitalInterests: "Vital interests"
        case .publicTask: "Public interest"
        case .recognisedLegitimateInterest, .legitimateInterests: "Legitimate interests"
        }
    }

    private func transferLabel(_ transfer: TransferSafeguard) -> String {
        switch transfer.mechanism {
        case .adequacy: "Adequacy Decision"
        case .idta, .ukAddendum: "SCCs"
        case .bindingCorporateRules: "BCRs"
        case .derogation: "Other"
        }
    }

    /// A fides key from a name: lower-case letters, digits and underscores.
    static func fidesKey(from name: String) -> String {
        var key = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.hasSuffix("_") && !key.isEmpty {
                key += "_"
            }
        }
        while key.hasSuffix("_") { key.removeLast() }
        return key.isEmpty ? "organization" : key
    }

    // MARK: Nodes

    private func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (Node($0.0), $0.1) }))
    }

    /// fideslang's ContactDetails: name, address, email, phone, each a string.
    private func contact(_ details: ContactDetails) -> Node {
        mapping([
            ("name", text(details.displayName ?? "")),
            ("address", text(details.address ?? "")),
            ("email", text(details.email ?? "")),
            ("phone", text(details.phone ?? "")),
        ])
    }

    /// A string scalar, quoted whenever a YAML 1.1 reader would otherwise take it for something
    /// else (`yes`, `''`, `2018-05-21`, `04890386`): libyaml writes plain scalars whatever their tag.
    private func text(_ value: String) -> Node {
        let plain = Node(value, .implicit)
        let readsAsString = !value.isEmpty && Resolver.default.resolveTag(of: plain) == .str
        return Node(value, .init(.str), readsAsString ? .any : .doubleQuoted)
    }

    private func bool(_ value: Bool) -> Node { Node(value ? "true" : "false", .init(.bool)) }

    private func strings(_ values: [String]) -> Node { .sequence(.init(values.map(text))) }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
