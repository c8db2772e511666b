/// Builds the Article 13/14 notice from a policy, or refuses and lists what is missing.
public struct PrivacyNoticeBuilder: Sendable {
    /// The rules whose findings mean an item of Articles 13–14 cannot be written.
    public static let requiredItemRules: [any PolicyRule] = [
        ControllerIdentityRule(),
        ControllerContactRule(),
        DPORequiredRule(),
        DPOContactRule(),
        LawfulBasisRule(),
        LegitimateInterestDescribedRule(),
        InternationalTransferRule(),
        TransferSafeguardCopyRule(),
        RecordTypeRetentionRule(),
        ConsentWithdrawalRule(),
        RequirementConsequenceRule(),
        AutomatedDecisionInformationRule(),
    ]

    public init() {}

    /// The notice for a loaded policy, naming the version it was rendered from: `version` as
    /// people read it ("3, in force from 5 December 2026"), else the policy text's fingerprint.
    public func notice(for loaded: LoadedPolicy, version: String? = nil) throws(NoticeIncompleteError) -> PrivacyNotice
    {
        let missing = PolicyLinter(rules: Self.requiredItemRules).findings(for: loaded)
        guard missing.isEmpty else { throw NoticeIncompleteError(missing: missing) }
        return build(loaded.policy, version: version ?? "sha256:" + loaded.contentHash.prefix(12))
    }

    private func build(_ policy: Policy, version: String) -> PrivacyNotice {
        let controller = policy.controller
        let transfers = policy.recipients.filter(\.isOutsideUK).compactMap { recipient -> PrivacyNotice.Transfer? in
            guard let transfer = recipient.transfer else { return nil }
            return .init(
                recipient: recipient.name, country: recipient.countryCode, mechanism: transfer.mechanism.title,
                copy: transfer.copy)
        }
        let cookies = policy.cookies.map { cookie in
            PrivacyNotice.CookieItem(
                name: cookie.name, provider: cookie.provider, purpose: cookie.purpose, category: cookie.category.title,
                expiry: cookie.expiry, party: cookie.party == .first ? "Ours" : "Third party",
                needsConsent: !cookie.isExemptFromConsent)
        }
        let withheld = policy.rights.withheld.map(\.plainEnglish)
        return PrivacyNotice(
            title: policy.notice.title ?? "Privacy notice",
            controllerName: controller.name ?? controller.displayName,
            introduction: policy.notice.introduction,
            controller: contact(controller.contact, extra: controllerExtras(controller)),
            dpo: policy.dpo.map { contact($0) },
            representative: controller.representative.map { contact($0) },
            sections: policy.subjects.filter { !policy.fields(about: $0).isEmpty }.map { section(for: $0, in: policy) },
            transfers: transfers,
            hasTransfers: !transfers.isEmpty,
            cookies: cookies,
            hasCookies: !cookies.isEmpty,
            requests: requestSentences(policy),
            requestContact: contact(policy.rights.contact ?? policy.dpo ?? controller.contact),
            withheld: withheld,
            hasWithheld: !withheld.isEmpty,
            complaintsContact: contact(policy.rights.complaints ?? policy.dpo ?? controller.contact),
            changes: policy.notice.changes,
            lastUpdated: policy.notice.lastUpdated?.longForm,
            policyVersion: version)
    }

    // MARK: Sections

    private func section(for subject: SubjectKind, in policy: Policy) -> PrivacyNotice.Section {
        let fields = policy.fields(about: subject)
        let records = policy.recordTypes(about: subject)
        let held = records.map { record in
            PrivacyNotice.HeldRecord(
                name: record.name, description: record.description,
                fields: fields.filter { $0.recordType.id == record.id }.map { item in
                    let field = item.field
                    return PrivacyNotice.Field(
                        label: field.displayLabel, level: field.level.rawValue, isRequired: field.level == .required,
                        consequence: field.consequence, special: policy.specialCategory(of: field.category)?.title,
                        reason: field.reason)
                })
        }
        let sources = records.flatMap { record in
            record.effectiveSources.filter(\.isThirdParty).map { source in
                PrivacyNotice.Source(
                    recordName: record.name, name: source.displayName, publiclyAccessible: source.publiclyAccessible)
            }
        }
        let purposes = policy.purposes(about: subject)
        let recipients = policy.recipients.compactMap { recipient -> PrivacyNotice.RecipientItem? in
            let why = purposes.filter { $0.recipients.contains(recipient.id) }
            guard !why.isEmpty else { return nil }
            let safeguard = recipient.transfer.map { " (\($0.mechanism.title))" } ?? ""
            return .init(
                name: recipient.name, kind: recipient.kind.title, why: why.map(\.name).joined(separator: "; "),
                location: recipient.isOutsideUK ? recipient.countryCode + safeguard : "UK", when: recipient.when)
        }
        let retention = records.flatMap { record in
            policy.retentionRules(of: record).map { rule in
                PrivacyNotice.RetentionItem(
                    recordName: record.name, period: rule.plainEnglish, authority: rule.authority)
            }
        }
        let decisions = purposes.compactMap { purpose -> PrivacyNotice.DecisionItem? in
            guard let decision = purpose.automatedDecision else { return nil }
            return .init(
                purpose: purpose.name, description: decision.description, logic: decision.logic ?? "",
                significance: decision.significance ?? "", consequences: decision.consequences ?? "",
                humanReview: decision.humanReview)
        }
        let rights = rights(for: purposes, policy: policy)
        let summary = PrivacyNotice.Summary(
            held: Self.list(held.map(\.name)),
            why: Self.list(purposes.map(\.name)),
            shared: recipients.isEmpty
                ? "No one else." : Self.list(Self.unique(recipients.map(\.name))),
            kept: Self.list(Self.byPeriod(retention)),
            rights: Self.list(rights.map(\.title)))
        return PrivacyNotice.Section(
            id: subject.id, name: subject.name, description: subject.description, held: held, sources: sources,
            hasSources: !sources.isEmpty, purposes: purposes.compactMap { purposeItem($0, in: policy) },
            recipients: recipients, hasRecipients: !recipients.isEmpty, retention: retention, decisions: decisions,
            hasDecisions: !decisions.isEmpty, rights: rights, summary: summary)
    }

    /// `items` as one line: each after the other, separated by semicolons, with one full stop.
    static func list(_ items: [String]) -> String {
        let trimmed = items.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        return trimmed.isEmpty ? "None." : trimmed.joined(separator: "; ") + "."
    }

    /// How long each kind of record is kept, records kept alike named together: "Your account and
    /// Your CPD requests: kept while your account is open, ...".
    static func byPeriod(_ retention: [PrivacyNotice.RetentionItem]) -> [String] {
        var periods: [String] = []
        var records: [String: [String]] = [:]
        for item in retention {
            if records[item.period] == nil { periods.append(item.period) }
            if records[item.period]?.contains(item.recordName) != true {
                records[item.period, default: []].append(item.recordName)
            }
        }
        return periods.map { period in
            let names = records[period] ?? []
            let named =
                names.count > 1
                ? names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1] : names.first ?? ""
            return "\(named): \(period.prefix(1).lowercased() + period.dropFirst())"
        }
    }

    /// `items` without repeats, in their order.
    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// The purpose as the notice explains it; `nil` only for a purpose without a lawful basis,
    /// which ``notice(for:)`` has already refused.
    private func purposeItem(_ purpose: Purpose, in policy: Policy) -> PrivacyNotice.PurposeItem? {
        guard let basis = purpose.lawfulBasis else { return nil }
        let special = purpose.specialCategory.flatMap { basis -> String? in
            guard let condition = basis.condition else { return nil }
            let schedule = basis.schedule1.map { "; \($0.reference) (\($0.title))" } ?? ""
            return "\(condition.plainEnglish.capitalizingFirst) (\(condition.reference)\(schedule))."
        }
        let requirement = purpose.requirement.flatMap { $0 == .none ? nil : $0.plainEnglish }
        let marketing = purpose.marketing
        return PrivacyNotice.PurposeItem(
            name: purpose.name, description: purpose.description, basis: basis.title,
            basisReference: basis.reference, basisExplanation: "We use it because \(basis.plainEnglish).",
            legitimateInterest: basis == .legitimateInterests ? purpose.legitimateInterest : nil,
            recognisedInterest: basis == .recognisedLegitimateInterest ? purpose.recognisedInterest?.plainEnglish : nil,
            specialCondition: special, requirement: requirement,
            consequence: requirement == nil ? nil : purpose.consequence,
            withdraw: purpose.reliesOnConsent ? purpose.consent?.withdraw : nil,
            marketingChannels: marketing.map { $0.channels.map(\.rawValue).joined(separator: ", ") },
            lists: marketing.flatMap { $0.lists.isEmpty ? nil : $0.lists.map(\.name).joined(separator: "; ") })
    }

    // MARK: Rights

    private func rights(for purposes: [Purpose], policy: Policy) -> [PrivacyNotice.Right] {
        var rights: [PrivacyNotice.Right] = [
            .init(
                title: "Access",
                description:
                    "You can ask for a copy of the information we hold about you, why we hold it, where we got it, who we share it with and how long we keep it."
            ),
            .init(
                title: "Rectification",
                description:
                    "You can ask us to correct information that is wrong or to complete information that is incomplete."
            ),
            .init(
                title: "Erasure",
                description:
                    "You can ask us to delete your information where we no longer need it, where you withdraw consent, where you object and we have no overriding reason, or where we are using it unlawfully. The law sometimes requires us to keep it; we will tell you if so."
            ),
            .init(
                title: "Restriction",
                description:
                    "You can ask us to stop using your information, other than keeping it, while a question about its accuracy or our use of it is settled. We will tell you before we lift a restriction."
            ),
        ]
        let objectable = purposes.filter {
            [.publicTask, .legitimateInterests, .recognisedLegitimateInterest].contains($0.lawfulBasis)
        }
        if !objectable.isEmpty {
            rights.append(
                .init(
                    title: "Objection",
                    description:
                        "You can object to our use of your information for \(objectable.map { lowerFirst($0.name) }.joined(separator: "; ")). We will stop unless we have compelling reasons that override your interests, or need it for legal claims."
                ))
        }
        if purposes.contains(where: { $0.marketing != nil }) {
            rights.append(
                .init(
                    title: "Objection to direct marketing",
                    description:
                        "You can tell us to stop sending you marketing at any time, and we will stop. We will still contact you about bookings and services you have asked for."
                ))
        }
        if purposes.contains(where: { $0.lawfulBasis == .consent || $0.lawfulBasis == .contract }) {
            rights.append(
                .init(
                    title: "Data portability",
                    description:
                        "For information you gave us, which we use with your consent or for a contract with you, you can ask for a copy in a machine-readable format, or for us to send it to another organisation."
                ))
        }
        let consentPurposes = purposes.filter(\.reliesOnConsent)
        if !consentPurposes.isEmpty {
            let how = consentPurposes.compactMap { purpose in
                purpose.consent?.withdraw.map { "\(purpose.name): \(lowerFirst($0))" }
            }
            rights.append(
                .init(
                    title: "Withdrawing consent",
                    description:
                        "Where we rely on your consent you can withdraw it at any time, as easily as you gave it. This does not affect what we did before. "
                        + how.joined(separator: " ")))
        }
        if purposes.contains(where: { $0.automatedDecision != nil }) {
            rights.append(
                .init(
                    title: "Automated decisions",
                    description:
                        "Where we make a significant decision about you by automated means alone, you can make representations, ask for a person to review it, and contest it."
                ))
        }
        return rights
    }

    private func requestSentences(_ policy: Policy) -> [String] {
        let rights = policy.rights
        var sentences: [String] = []
        if !rights.requestChannels.isEmpty {
            sentences.append("You can make a request \(list(rights.requestChannels.map(\.title))).")
        }
        sentences.append(
            "We will answer without undue delay and within \(rights.deadline.plainEnglish) of receiving your request (or the information we need to confirm who you are). If a request is complex, or you make several, we may take up to two further months; if so we will tell you why within the first month."
        )
        if let verification = rights.verification { sentences.append(verification) }
        let fees = rights.fees.filter { $0 != .everyRequest }
        if rights.fees.contains(.everyRequest) {
            sentences.append(
                rights.fee.map { "We charge a fee for requests: \($0)." } ?? "We charge a fee for requests.")
        } else if fees.isEmpty {
            sentences.append("Making a request is free.")
        } else {
            let cases = fees.map { fee in
                switch fee {
                case .manifestlyUnfoundedOrExcessive: "a request is manifestly unfounded or excessive"
                case .furtherCopies: "you ask for further copies"
                case .everyRequest: ""
                }
            }
            sentences.append(
                "Making a request is free, but we may charge a reasonable fee for our administrative costs if \(list(cases, joiner: "or"))."
            )
        }
        if rights.educationalRecord {
            sentences.append(
                "Parents may also ask to see their child's educational record. We will let you see it free of charge within 15 school days of a written request, and give you a copy for no more than the cost of supplying it."
            )
        }
        if rights.erasureNeedsDPOApproval {
            sentences.append(
                "Our Data Protection Officer approves each erasure, after checking that it does not affect anyone else's information."
            )
        }
        return sentences
    }

    // MARK: Contacts and words

    private func controllerExtras(_ controller: Controller) -> [PrivacyNotice.Line] {
        var lines: [PrivacyNotice.Line] = []
        if let number = controller.companyNumber { lines.append(.init(label: "Company number", value: number)) }
        if let number = controller.charityNumber { lines.append(.init(label: "Charity number", value: number)) }
        if let number = controller.icoRegistration { lines.append(.init(label: "ICO registration", value: number)) }
        return lines
    }

    private func contact(_ details: ContactDetails, extra: [PrivacyNotice.Line] = []) -> PrivacyNotice.Contact {
        var lines: [PrivacyNotice.Line] = []
        if let address = details.address?.nonBlank { lines.append(.init(label: "Address", value: address)) }
        if let email = details.email?.nonBlank {
            lines.append(.init(label: "Email", value: email, href: "mailto:" + email))
        }
        if let phone = details.phone?.nonBlank { lines.append(.init(label: "Phone", value: phone)) }
        if let website = details.website?.nonBlank {
            lines.append(.init(label: "Website", value: website, href: website))
        }
        return PrivacyNotice.Contact(name: details.displayName, lines: lines + extra)
    }

    private func list(_ items: [String], joiner: String = "or") -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " \(joiner) " + items[items.count - 1]
        }
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
