import CustosCore
import CustosStorage
import Foundation

/// The lists an audience decision walks beside the people concerned, all in ``SubjectOrder``,
/// read for one stretch of people at a time.
struct AudienceWalks: Sendable {
    /// What one stretch of people came to.
    struct Part: Sendable {
        var allowed: [AudienceDecision.Allowed] = []
        var denied: [ContactReason: Int] = [:]
        var withoutAddress = 0
    }

    /// People with an address for the channel; nil when the channel needs none (post).
    var reachable: SubjectWalk<UUID>?
    var consents: SubjectWalk<ConsentAct>
    var processing: SubjectWalk<ProcessingStateEntry>
    var suppressions: SubjectWalk<(key: UUID, value: SuppressionScope)>
    var customers: SubjectWalk<UUID>
    /// Whether a TPS list screened in the last 28 days stands, and the people with a number on it.
    var telephoneScreened = false
    var telephoneRegistered: Set<UUID> = []

    /// Asks `decider` about each of `people` (a stretch in ``SubjectOrder``).
    func decide(
        _ people: ArraySlice<UUID>, _ question: ContactQuestion, purpose: Purpose, by decider: ContactDecider
    ) -> Part {
        var part = Part()
        guard let first = people.first else { return part }
        let start = SubjectOrder.key(first)
        var reachable = reachable?.starting(at: start)
        var consents = consents.starting(at: start)
        var processing = processing.starting(at: start)
        var suppressions = suppressions.starting(at: start)
        var customers = customers.starting(at: start)
        part.allowed.reserveCapacity(people.count)
        for id in people {
            let key = SubjectOrder.key(id)
            let acts = consents.elements(of: key)
            let states = processing.elements(of: key)
            let suppression = suppressions.elements(of: key).first?.value
            let isCustomer = customers.contains(key)
            if reachable?.contains(key) == false {
                part.withoutAddress += 1
                continue
            }
            let facts = ContactFacts(
                consents: ConsentAct.ledger(acts, purpose: purpose.id), processing: Array(states),
                suppression: suppression, isCustomer: isCustomer,
                telephonePreference: !telephoneScreened
                    ? .notScreened : telephoneRegistered.contains(id) ? .registered : .clear)
            let decision = decider.decide(question, purpose: purpose, facts: facts)
            if decision.allowed {
                part.allowed.append(AudienceDecision.Allowed(subjectID: id, reason: decision.reason))
            } else {
                part.denied[decision.reason, default: 0] += 1
            }
        }
        return part
    }
}
