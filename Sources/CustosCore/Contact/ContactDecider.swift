/// The one decision function for contact: may a person be contacted on a channel for a purpose
/// (and list), now? Everything that sends or exports contacts asks it; nothing else decides.
///
/// In order: a person who is gone, an address on the suppression list, a restriction or an
/// objection each deny. Then, for direct marketing (a purpose with `marketing` settings): consent
/// given allows and consent withdrawn denies; a purpose resting on consent needs it; email and
/// SMS (and fax) to individual subscribers need consent or the soft opt-in (PECR reg 22, 20);
/// post, phone and corporate subscribers may be marketed to on legitimate interests, a marketing
/// call only to a number screened against the Telephone Preference Service (PECR reg 21). Any other
/// purpose is administrative: its lawful basis allows the message, unless it rests on consent.
public struct ContactDecider: Sendable {
    public let policy: Policy
    /// Record types used by a contract purpose: holding one means the person's details came from
    /// a sale or negotiations for one (the soft opt-in's first condition).
    public let customerRecordTypes: Set<String>

    public init(policy: Policy) {
        self.policy = policy
        customerRecordTypes = Set(
            policy.purposes.filter { $0.lawfulBasis == .contract }.flatMap { policy.recordTypes(for: $0) }.map(\.id))
    }

    /// The purpose asked about, once the question is checked against the policy: a list must be
    /// named when the purpose has lists.
    public func check(_ question: ContactQuestion) throws(ContactQuestionError) -> Purpose {
        let purpose = try self.purpose(question.purpose, channel: question.channel, list: question.list)
        let lists = purpose.marketing?.lists.map(\.id) ?? []
        if question.list == nil, !lists.isEmpty {
            throw ContactQuestionError(
                field: "list", "purpose '\(purpose.id)' has lists (\(lists.joined(separator: ", "))): name one")
        }
        return purpose
    }

    /// The purpose `id`, checked to exist and, when given, to use `channel` and to have `list`.
    public func purpose(
        _ id: String, channel: MarketingChannel?, list: String?
    ) throws(ContactQuestionError) -> Purpose {
        guard let purpose = policy.purposes.first(where: { $0.id == id }) else {
            let known = policy.purposes.map(\.id).joined(separator: ", ")
            throw ContactQuestionError(field: "purpose", "no purpose '\(id)' in the policy (purposes: \(known))")
        }
        if let channel, let marketing = purpose.marketing, !marketing.channels.contains(channel) {
            let channels = marketing.channels.map(\.rawValue).joined(separator: ", ")
            throw ContactQuestionError(
                field: "channel",
                "purpose '\(purpose.id)' does not contact people by \(channel.rawValue) (its channels: \(channels))")
        }
        let lists = purpose.marketing?.lists.map(\.id) ?? []
        if let list, !lists.contains(list) {
            throw ContactQuestionError(
                field: "list",
                lists.isEmpty
                    ? "purpose '\(purpose.id)' has no lists, so not '\(list)'"
                    : "purpose '\(purpose.id)' has no list '\(list)' (its lists: \(lists.joined(separator: ", ")))")
        }
        return purpose
    }

    /// Checks the question, then decides it for one person.
    public func decide(_ question: ContactQuestion, facts: ContactFacts) throws(ContactQuestionError) -> ContactDecision
    {
        decide(question, purpose: try check(question), facts: facts)
    }

    /// Decides a question already checked (``check(_:)``) for one person; for audiences, which
    /// ask the same question of many.
    public func decide(_ question: ContactQuestion, purpose: Purpose, facts: ContactFacts) -> ContactDecision {
        if facts.isGone { return ContactDecision(.gone) }
        let marketing = purpose.marketing
        if let scope = facts.suppression, scope.blocks(isMarketing: marketing != nil) {
            return ContactDecision(.suppressed)
        }
        switch ProcessingStateEntry.state(for: purpose.id, in: facts.processing) {
        case .restricted: return ContactDecision(.restricted)
        case .objected: return ContactDecision(.objected)
        case .active: break
        }
        guard let basis = purpose.lawfulBasis else { return ContactDecision(.noLawfulBasis) }
        let consent = facts.consents.current(purpose: purpose.id, channel: question.channel, list: question.list)
        if marketing != nil || basis == .consent {
            switch consent?.action {
            case .given: return ContactDecision(.consentGiven, consentEntryID: consent?.id)
            case .withdrawn: return ContactDecision(.consentWithdrawn, consentEntryID: consent?.id)
            case nil: break
            }
        }
        guard let marketing else {
            return ContactDecision(basis == .consent ? .noConsent : .administrative)
        }
        if basis == .consent { return ContactDecision(.noConsent) }
        let needsConsent =
            marketing.subscriber == .individual && (question.channel.isElectronicMail || question.channel == .fax)
        if needsConsent {
            if let softOptIn = marketing.softOptIn, softOptIn.isComplete, facts.isCustomer, question.channel != .fax {
                return ContactDecision(.softOptIn)
            }
            return ContactDecision(.noConsent)
        }
        guard basis == .legitimateInterests else { return ContactDecision(.noLawfulBasis) }
        // PECR reg 21: a marketing call without consent only to a number screened against the TPS.
        if question.channel == .phone {
            switch facts.telephonePreference {
            case .notScreened: return ContactDecision(.tpsNotScreened)
            case .registered: return ContactDecision(.tpsRegistered)
            case .clear: break
            }
        }
        return ContactDecision(.legitimateInterests)
    }
}
