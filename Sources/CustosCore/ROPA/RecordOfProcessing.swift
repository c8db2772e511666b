/// The record of processing activities (UK GDPR Art 30(1)) in the columns of the ICO's controller
/// template: one row per purpose.
public struct RecordOfProcessing: Sendable, Equatable {
    /// The ICO template's column headings, A to AD.
    public static let columns: [String] = [
        "Business function",
        "Purpose of processing",
        "Name and contact details of joint controller (if applicable)",
        "Categories of individuals",
        "Categories of personal data",
        "Categories of recipients",
        "Link to contract with processor",
        "Names of third countries or international organisations that personal data are transferred to (if applicable)",
        "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
        "Retention schedule (if possible)",
        "General description of technical and organisational security measures (if possible)",
        "Article 6 lawful basis for processing personal data",
        "Article 9 basis for processing special category data",
        "Legitimate interests for the processing (if applicable)",
        "Link to record of legitimate interests assessment (if applicable)",
        "Rights available to individuals",
        "Existence of automated decision-making, including profiling (if applicable)",
        "The source of the personal data (if applicable)",
        "Link to record of consent",
        "Location of personal data",
        "Is a DPIA required?",
        "DPIA progress",
        "Link to DPIA",
        "Has a personal data breach occurred?",
        "Link to record of personal data breach",
        "Data Protection Act 2018 Schedule 1 condition for processing",
        "Article 6 lawful basis for processing special category data",
        "Link to retention and erasure policy document",
        "Is personal data retained and erased in accordance with the retention policy document?",
        "Reasons for not adhering to retention and erasure policy document (if applicable)",
    ]

    /// The controller, DPO and representative, for the template's contact block.
    public var controller: ContactDetails
    public var dpo: ContactDetails?
    public var representative: ContactDetails?
    public var icoRegistration: String?
    /// One row per purpose, each with ``columns``.count values.
    public var rows: [[String]]

    /// The record of `policy`; with a workspace's `registers`, each purpose's row also names the
    /// recipients the disclosure log shows, links the breaches that touched it, and says where
    /// retention was not kept to and why. Without them, those columns are left for the DPO.
    public init(policy: Policy, registers: ProcessingRegisters? = nil) {
        controller = ContactDetails(
            name: policy.controller.name, email: policy.controller.email, phone: policy.controller.phone,
            address: policy.controller.address, website: policy.controller.website)
        dpo = policy.dpo
        representative = policy.controller.representative
        icoRegistration = policy.controller.icoRegistration
        rows = policy.purposes.map { Self.row(for: $0, in: policy, registers: registers) }
    }

    private static func row(for purpose: Purpose, in policy: Policy, registers: ProcessingRegisters?) -> [String] {
        let records = policy.recordTypes(for: purpose)
        let fields = policy.fields(for: purpose)
        let recipients = policy.recipients(of: purpose)
        let abroad = recipients.filter(\.isOutsideUK)
        let special = policy.specialFields(for: purpose)
        let rules = records.flatMap { record in policy.retentionRules(of: record).map { (record, $0) } }
        let basis = purpose.lawfulBasis
        let jointControllers =
            recipients.filter { $0.kind == .jointController }.map(\.name)
            + policy.controller.jointControllers.compactMap(\.displayName)
        let dpiaRequired =
            !special.isEmpty || policy.processesChildrensData(purpose) || purpose.automatedDecision != nil
            || purpose.profiling
        let sources = Set(records.flatMap { $0.effectiveSources.map(\.displayName) }).sorted()
        let logged = loggedRecipients(of: purpose, besides: recipients, in: policy, registers: registers)
        let breaches = registers?.breaches(for: purpose, in: policy).map(\.reference)
        let retention = retentionAdherence(records: records, rules: rules.map(\.1), registers: registers)

        return [
            purpose.businessFunction ?? "",
            [purpose.name, purpose.description].compactMap { $0 }.joined(separator: ": "),
            jointControllers.joined(separator: "; "),
            policy.subjects(of: purpose).map(\.name).joined(separator: "; "),
            unique(fields.map { policy.categoryName($0.field.category) }).joined(separator: "; "),
            (recipients.map { "\($0.name) (\($0.kind.title))" } + logged).joined(separator: "; "),
            recipients.filter { $0.kind == .processor }.map { "\($0.name): \($0.agreement ?? "none recorded")" }
                .joined(separator: "; "),
            unique(abroad.map(\.countryCode)).joined(separator: "; "),
            abroad.map {
                "\($0.name): \($0.transfer.map { [$0.mechanism.title, $0.details].compactMap { $0 }.joined(separator: ", ") } ?? "none recorded")"
            }
            .joined(separator: "; "),
            rules.map { "\($0.0.name): \($0.1.plainEnglish)" }.joined(separator: "; "),
            policy.controller.securityMeasures ?? "",
            basis.map { "\($0.reference) \($0.title.lowercased())" } ?? "",
            special.isEmpty
                ? ""
                : (purpose.specialCategory?.condition.map { "\($0.reference): \($0.plainEnglish)" } ?? "none recorded"),
            basis == .legitimateInterests
                ? (purpose.legitimateInterest ?? "")
                : (basis == .recognisedLegitimateInterest ? (purpose.recognisedInterest?.plainEnglish ?? "") : ""),
            purpose.legitimateInterestAssessment ?? "",
            basis?.rightsAvailable.joined(separator: ", ") ?? "",
            automatedDecisionText(purpose),
            sources.joined(separator: "; "),
            purpose.reliesOnConsent ? "Custos consent ledger" : "",
            policy.controller.dataLocation ?? "",
            dpiaRequired ? "Yes" : "No",
            purpose.dpia == nil ? (dpiaRequired ? "Not recorded" : "") : "Completed",
            purpose.dpia ?? "",
            breaches.map { $0.isEmpty ? "No" : "Yes" } ?? "",
            breaches?.joined(separator: "; ") ?? "",
            special.isEmpty ? "" : (purpose.specialCategory?.schedule1.map { "\($0.reference) (\($0.title))" } ?? ""),
            special.isEmpty ? "" : (basis.map { "\($0.reference) \($0.title.lowercased())" } ?? ""),
            (unique(rules.compactMap { $0.1.authority }) + [registers?.retentionScheduleURL].compactMap(\.self))
                .joined(separator: "; "),
            retention.adhered,
            retention.reasons,
        ]
    }

    /// The recipients the disclosure log shows for `purpose` beyond those the policy names, with
    /// how often: "Essex Police (Police; 2 disclosures logged)".
    private static func loggedRecipients(
        of purpose: Purpose, besides named: [Recipient], in policy: Policy, registers: ProcessingRegisters?
    ) -> [String] {
        guard let registers else { return [] }
        let known = Set(named.map(\.name))
        var counts: [String: (kind: String, count: Int)] = [:]
        for disclosure in registers.disclosures(for: purpose, in: policy) where !known.contains(disclosure.recipient) {
            counts[disclosure.recipient, default: (disclosure.recipientKind, 0)].count += 1
        }
        return counts.sorted { $0.key < $1.key }.map { name, entry in
            "\(name) (\(entry.kind); \(entry.count) \(entry.count == 1 ? "disclosure" : "disclosures") logged)"
        }
    }

    /// Columns AC and AD: whether the purpose's records are kept and erased as its rules say, and
    /// if not, why. Blank without registers; "No rule recorded" where the records have none.
    private static func retentionAdherence(
        records: [RecordType], rules: [RetentionRule], registers: ProcessingRegisters?
    ) -> (adhered: String, reasons: String) {
        guard let registers else { return ("", "") }
        guard !rules.isEmpty else { return ("No rule recorded", "") }
        let types = Set(records.map(\.id))
        let names = Dictionary(records.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let exceptions = registers.retentionExceptions.filter { types.contains($0.recordType) }
        guard !exceptions.isEmpty else { return ("Yes: Custos applies the rules daily", "") }
        return (
            "No", exceptions.map { "\(names[$0.recordType] ?? $0.recordType): \($0.reason)" }.joined(separator: "; ")
        )
    }

    private static func automatedDecisionText(_ purpose: Purpose) -> String {
        var parts: [String] = []
        if let decision = purpose.automatedDecision {
            parts.append("Automated decision-making: " + (decision.description ?? decision.logic ?? "yes"))
        }
        if purpose.profiling { parts.append("Profiling") }
        return parts.joined(separator: "; ")
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
