/// What changed between two versions of a policy, in sentences the people it is about can read:
/// purposes and their lawful bases, who receives the data, which records are kept, and for how
/// long. The privacy centre lists them under each version of the notice, and a change to purposes,
/// recipients or how long data is kept is what people are told of by email where the policy
/// promises it (ASSET).
public struct PolicyChanges: Sendable, Equatable {
    /// What a change is about.
    public enum Area: String, Sendable, Equatable {
        case purposes, recipients, records, retention
    }

    public struct Change: Sendable, Equatable {
        public var area: Area
        public var text: String
    }

    public private(set) var changes: [Change] = []
    /// Purposes added or changed (ids in the newer policy) and removed (ids in the older one):
    /// the people whose records serve them are the people affected.
    public private(set) var affectedPurposes: Set<String> = []

    public init(from old: Policy, to new: Policy) {
        comparePurposes(old, new)
        compareRecipients(old, new)
        compareRecords(old, new)
        compareRetention(old, new)
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// Whether purposes, recipients or retention changed: the changes the law (Art 13(3), 14(4))
    /// and the seeds' promises ("we will email you of changes to this notice") say people must be
    /// told of. A new or dropped record type alone changes nothing a person's data is used for.
    public var isToldByEmail: Bool {
        changes.contains { $0.area != .records }
    }

    private mutating func add(_ area: Area, _ text: String) {
        changes.append(Change(area: area, text: text))
    }

    private mutating func comparePurposes(_ old: Policy, _ new: Policy) {
        for purpose in new.purposes {
            guard let before = old.purpose(purpose.id) else {
                add(.purposes, "We now use information for \(Self.lowered(purpose.name))\(Self.basis(purpose)).")
                affectedPurposes.insert(purpose.id)
                continue
            }
            if before.lawfulBasis != purpose.lawfulBasis, let basis = purpose.lawfulBasis {
                add(
                    .purposes,
                    "For \(Self.lowered(purpose.name)), we now rely on \(basis.title.lowercased())\(before.lawfulBasis.map { " rather than \($0.title.lowercased())" } ?? "")."
                )
                affectedPurposes.insert(purpose.id)
            }
            let added = purpose.recipients.filter { !before.recipients.contains($0) }
            let removed = before.recipients.filter { !purpose.recipients.contains($0) }
            if !added.isEmpty {
                add(
                    .recipients,
                    "For \(Self.lowered(purpose.name)), we now share information with \(Self.names(added, in: new)).")
                affectedPurposes.insert(purpose.id)
            }
            if !removed.isEmpty {
                add(
                    .recipients,
                    "For \(Self.lowered(purpose.name)), we no longer share information with \(Self.names(removed, in: old))."
                )
                affectedPurposes.insert(purpose.id)
            }
        }
        for purpose in old.purposes where new.purpose(purpose.id) == nil {
            add(.purposes, "We no longer use information for \(Self.lowered(purpose.name)).")
            affectedPurposes.insert(purpose.id)
        }
    }

    private mutating func compareRecipients(_ old: Policy, _ new: Policy) {
        for recipient in new.recipients {
            if let before = old.recipient(recipient.id), before.country != recipient.country,
                let country = recipient.country
            {
                add(.recipients, "\(recipient.name) now holds information in \(country).")
            }
        }
    }

    private mutating func compareRecords(_ old: Policy, _ new: Policy) {
        for type in new.recordTypes where old.recordType(type.id) == nil {
            add(.records, "We now keep a new record: \(Self.lowered(type.name)).")
        }
        for type in old.recordTypes where new.recordType(type.id) == nil {
            add(.records, "We no longer keep this record: \(Self.lowered(type.name)).")
        }
    }

    private mutating func compareRetention(_ old: Policy, _ new: Policy) {
        for rule in new.retention {
            guard let before = old.retentionRule(rule.id),
                before.offset != rule.offset || before.trigger != rule.trigger || before.action != rule.action
            else { continue }
            let what = rule.description ?? rule.id
            if before.trigger == rule.trigger, before.action == rule.action {
                add(.retention, "\(what): now kept for \(rule.offset) (before: \(before.offset)).")
            } else {
                add(
                    .retention,
                    "\(what): now \(Self.lowered(rule.plainEnglish)) (before: \(Self.lowered(before.plainEnglish))).")
            }
            // The people whose records the rule keeps are the people affected.
            for type in new.recordTypes where type.retention.contains(rule.id) {
                affectedPurposes.formUnion(type.purposes)
            }
        }
    }

    private static func basis(_ purpose: Purpose) -> String {
        purpose.lawfulBasis.map { ", relying on \($0.title.lowercased())" } ?? ""
    }

    private static func names(_ ids: [String], in policy: Policy) -> String {
        let names = ids.map { policy.recipient($0)?.name ?? $0 }
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// A name as it reads mid-sentence: "Sending newsletters" → "sending newsletters", an acronym kept.
    private static func lowered(_ name: String) -> String {
        guard let first = name.first, name.dropFirst().first?.isLowercase ?? true else { return name }
        return first.lowercased() + name.dropFirst()
    }
}
