import CustosCore
import CustosServices
import Foundation

/// Made-up people for the demo's workspace, written through the vault as an import would write
/// them, so that the console has people to find and work to show. Nobody real: addresses at
/// `example.org`, telephone numbers from Ofcom's range for drama (01632 960xxx), valid but
/// invented UPNs. Every record type of the policy that names its person by an identifier gets
/// `count` records; a few requests and a complaint put work on the dashboard.
struct DemoPeople {
    let vault: Vault
    let count: Int

    static let firstNames = [
        "Amara", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack", "Kavya", "Leo", "Maya",
        "Noah", "Olivia", "Priya", "Quinn", "Ravi", "Sophie", "Tom", "Uma", "Victor", "Willow", "Yusuf", "Zara",
    ]
    static let surnames = [
        "Adeyemi", "Bennett", "Chen", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Khan",
        "Lewis", "Murphy", "Nowak", "O'Brien", "Patel", "Quinn", "Roberts", "Singh", "Taylor", "Walsh", "Young",
    ]
    /// The demo's courses and events.
    static let courses = ["Safeguarding update", "Leading maths in KS2", "New heads' conference"]
    static let schools = [
        ("100001", "Basildon Academy"), ("100002", "Laindon Park Primary"), ("100003", "Hutton Green School"),
    ]

    /// Writes the people; how many records were written.
    func lay() async throws -> Int {
        // Named schools first, so records name a school by URN that has a name.
        if vault.policy.recordTypes.contains(where: { type in type.fields.contains { $0.format == .urn } }) {
            for (urn, name) in Self.schools {
                try await vault.addSchool(name: name, urn: urn, laCode: nil, actor: "demo")
            }
        }
        var written = 0
        var firstSubjects: [UUID] = []
        for type in vault.policy.recordTypes where Self.namesItsPerson(type) {
            for number in 0..<count {
                guard let values = Self.values(for: type, number: number) else { break }
                let outcome = try await vault.write(
                    RecordInput(type: type, values: values, source: .person), actor: "demo", reason: "demo data")
                if case .created(_, let subjects, _) = outcome, number < 3,
                    let subject = type.roles.first.flatMap({ subjects[$0.name] })
                {
                    firstSubjects.append(subject)
                }
                written += 1
            }
        }
        try await openCasework(for: firstSubjects)
        return written
    }

    /// Requests at different points on their clocks, and a complaint to acknowledge.
    private func openCasework(for subjects: [UUID]) async throws {
        guard subjects.count >= 2 else { return }
        let requests = Requests(vault: vault)
        let today = CalendarDay.today
        let channel = vault.policy.rights.requestChannels.first { $0 != .web } ?? .email
        // Taken by the office, with who asked and what they said, as the console logs them.
        _ = try await requests.open(
            RequestIntake(
                kind: .access, subjectID: subjects[0], channel: channel,
                receivedOn: CalendarDay(ordinal: today.ordinal - 24)),
            requester: PublicRequest(
                kind: .access, name: "Jordan Example", email: "jordan.example@demo.example",
                details: "Please send me a copy of everything you hold about me.", onBehalf: nil,
                identityCheck: "Known to the office; replied to the address on file"),
            actor: "demo")
        _ = try await requests.open(
            RequestIntake(
                kind: .rectification, subjectID: subjects[1], channel: channel,
                receivedOn: CalendarDay(ordinal: today.ordinal - 3)),
            requester: PublicRequest(
                kind: .rectification, name: "Sam Example", email: nil,
                details: "My telephone number is out of date.", onBehalf: nil, telephone: "01632 960001",
                identityCheck: "Called back on the number on file"),
            actor: "demo")
        try await Complaints(vault: vault).receive(
            summary: "Unhappy that a newsletter was still sent after asking to stop.", channel: channel,
            on: CalendarDay(ordinal: today.ordinal - 10), subject: subjects[0], actor: "demo")
    }

    /// Whether a record of `type` names its first role's person by an identifier Custos can make up.
    static func namesItsPerson(_ type: RecordType) -> Bool {
        let owner = type.roles.first?.name
        return type.fields.contains { field in
            field.identifier && [.email, .ukPhone, .upn].contains(field.format)
                && (type.role(of: field)?.name ?? owner) == owner
        }
    }

    /// A record's values: every required field, and the identifiers of its first role's person;
    /// nil when a required field is of a kind the demo cannot make up.
    static func values(for type: RecordType, number: Int) -> [String: String]? {
        let owner = type.roles.first?.name
        var values: [String: String] = [:]
        for field in type.fields {
            let ownersIdentifier = field.identifier && (type.role(of: field)?.name ?? owner) == owner
            guard field.level == .required || ownersIdentifier || !field.choices.isEmpty else { continue }
            // Another role's person (a parent, a PA) is another made-up person.
            let person = (type.role(of: field)?.name ?? owner) == owner ? number : number + 500
            guard let value = value(for: field, person: person) else {
                if field.level == .required { return nil }
                continue
            }
            values[field.name] = value
        }
        return values
    }

    private static func value(for field: RecordField, person: Int) -> String? {
        let first = firstNames[person % firstNames.count]
        let last = surnames[(person / firstNames.count + person) % surnames.count]
        if !field.choices.isEmpty { return field.choices[person % field.choices.count] }
        switch field.format {
        case .email:
            let local = "\(first).\(last)".lowercased().filter { $0.isLetter || $0 == "." }
            return "\(local)\(person)@example.org"
        case .ukPhone: return String(format: "01632 960%03d", person % 1000)
        case .upn: return SyntheticData.upn(person)
        case .urn: return schools[person % schools.count].0
        case .date:
            return field.name.contains("birth")
                ? String(format: "%04d-%02d-%02d", 2015 + person % 6, 1 + person % 12, 1 + person % 28)
                : CalendarDay(ordinal: CalendarDay.today.ordinal - person % 300).iso
        case .number: return "\(90 + person % 20)"
        case .yesNo: return person % 3 == 0 ? "yes" : "no"
        case .uln, .ukPostcode, .url: return nil
        case .text, nil: return text(for: field.name, first: first, last: last, person: person)
        }
    }

    private static func text(for name: String, first: String, last: String, person: Int) -> String? {
        switch name {
        case "first_name": return first
        case "surname", "last_name": return last
        case "school_name": return schools[person % schools.count].1
        case "role", "job_title":
            return ["Teacher", "Head of Year 6", "SENCO", "Deputy Head", "Teaching Assistant"][person % 5]
        case "event", "course": return courses[person % courses.count]
        case "relationship": return ["Mother", "Father", "Carer"][person % 3]
        case let other where other.contains("address"): return "\(person + 1) High Street, Basildon"
        case let other where other.hasSuffix("_ta"): return "EXS"
        case "subjects": return "Maths;English;Science"
        case "grades": return "5;6;4"
        case let other where other.contains("name"): return "\(first) \(last)"
        default: return nil
        }
    }
}
