public import CustosCore
public import Foundation

extension Contacts {
    /// Every marketing purpose × list × channel of the policy, each with whether the person gets
    /// it now (the contact decision's answer): what their preferences page shows.
    public func preferences(of id: UUID) async throws -> [(choice: PreferenceChoice, reason: ContactReason)] {
        let facts = try await facts(of: id)
        var result: [(choice: PreferenceChoice, reason: ContactReason)] = []
        for purpose in vault.policy.purposes {
            guard let marketing = purpose.marketing else { continue }
            let lists: [String?] = marketing.lists.isEmpty ? [nil] : marketing.lists.map(\.id)
            for list in lists {
                for channel in marketing.channels {
                    let decision = decider.decide(
                        ContactQuestion(purpose: purpose.id, channel: channel, list: list), purpose: purpose,
                        facts: facts)
                    result.append(
                        (
                            PreferenceChoice(
                                purpose: purpose.id, list: list, channel: channel, subscribed: decision.allowed),
                            decision.reason
                        ))
                }
            }
        }
        return result
    }

    /// Applies the person's choices: a consent given for each line they now want and do not get,
    /// withdrawn for each they get and no longer want; lines unchanged write nothing. Every line is
    /// checked against the policy first, so a bad one (an unknown list) changes nothing.
    @discardableResult
    public func setPreferences(
        _ choices: [PreferenceChoice], subject id: UUID, source: ConsentSource, actor: String, at time: Date = Date()
    ) async throws -> [ConsentEntry] {
        for choice in choices {
            let question = ContactQuestion(purpose: choice.purpose, channel: choice.channel, list: choice.list)
            let purpose = try checked(question)
            guard purpose.marketing != nil else {
                throw VaultError("purpose: '\(purpose.id)' is not a marketing purpose", kind: .invalid)
            }
        }
        let current = Dictionary(
            try await preferences(of: id).map { (Key($0.choice), $0.choice.subscribed) },
            uniquingKeysWith: { a, _ in a })
        var entries: [ConsentEntry] = []
        for choice in choices where current[Key(choice)] != choice.subscribed {
            entries.append(
                try await record(
                    choice.subscribed ? .given : .withdrawn, subject: id, purpose: choice.purpose,
                    channel: choice.channel, list: choice.list, source: source, actor: actor, at: time))
        }
        return entries
    }

    private struct Key: Hashable {
        var purpose: String
        var list: String?
        var channel: MarketingChannel

        init(_ choice: PreferenceChoice) {
            purpose = choice.purpose
            list = choice.list
            channel = choice.channel
        }
    }
}
