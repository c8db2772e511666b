import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos breach …`: the breach register and its 72-hour clock.
struct BreachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach",
        abstract: "Log every personal data breach, report it to the ICO within 72 hours, and close it.",
        discussion: "See docs/registers.md. Times are ISO 8601 (2026-11-22T09:30:00Z); dates YYYY-MM-DD.",
        subcommands: [
            BreachRecordCommand.self, BreachReportCommand.self, BreachNotReportedCommand.self,
            BreachIndividualsCommand.self, BreachCloseCommand.self, BreachListCommand.self, BreachShowCommand.self,
        ])
}

/// A time on the command line: ISO 8601 with its zone.
struct BreachTime: ExpressibleByArgument {
    var date: Date

    init?(argument: String) {
        guard let date = try? Date(argument, strategy: .iso8601) else { return nil }
        self.date = date
    }
}

/// The breach id every step takes.
struct BreachIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The breach's id.", valueName: "ID")) var text: String

    var id: UUID {
        get throws {
            guard let id = UUID(uuidString: text) else { throw ValidationError("'\(text)' is not a breach id") }
            return id
        }
    }
}

/// `custos breach record`.
struct BreachRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Log a breach: the 72-hour clock runs from its discovery.")

    @Option(name: .customLong("description"), help: "What happened (sealed; never in the audit log).")
    var happened: String
    @Option(help: ArgumentHelp("When it was discovered (default: now).", valueName: "TIME")) var discovered: BreachTime?
    @Option(help: ArgumentHelp("When it happened, if known.", valueName: "TIME")) var occurred: BreachTime?
    @Option(help: "The risk to people: none, risk or high.") var risk: BreachRisk
    @Flag(help: "Special category data was involved.") var specialCategory = false
    @Option(help: "About how many people.") var subjects: Int?
    @Option(help: "About how many records.") var records: Int?
    @Option(help: ArgumentHelp("A kind of data involved (repeat).", valueName: "CATEGORY")) var category: [String] = []
    @Option(help: "The processor involved, if any.") var processor: String?
    @Option(help: "The likely consequences (sealed).") var consequences: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let facts = BreachFacts(
            occurredAt: occurred?.date, risk: risk, specialCategory: specialCategory, approxSubjects: subjects,
            approxRecords: records, categories: category, processor: processor)
        let breach = try await store.withVault { vault in
            try await Breaches(vault: vault).record(
                description: happened, discoveredAt: discovered?.date ?? Date(), facts: facts,
                consequences: consequences, actor: CommandActor.current)
        }
        print(BreachLine.text(breach))
    }
}

/// `custos breach report ID --reference REF`.
struct BreachReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Record the report to the ICO (a reason is needed past the 72 hours).")

    @OptionGroup var breach: BreachIDArgument
    @Option(help: "The ICO's reference.") var reference: String
    @Option(help: ArgumentHelp("When it was reported (default: now).", valueName: "TIME")) var at: BreachTime?
    @Option(help: "Why it came after the 72 hours.") var lateReason: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try breach.id
        let updated = try await store.withVault { vault in
            try await Breaches(vault: vault).reportToICO(
                id, reference: reference, at: at?.date ?? Date(), lateReason: lateReason, actor: CommandActor.current)
        }
        print(BreachLine.text(updated))
    }
}

/// `custos breach not-reported ID --reason TEXT`.
struct BreachNotReportedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "not-reported", abstract: "Record the decision not to report (only where there is no risk).")

    @OptionGroup var breach: BreachIDArgument
    @Option(help: "Why (sealed).") var reason: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try breach.id
        let updated = try await store.withVault { vault in
            try await Breaches(vault: vault).decideNotToReport(id, reason: reason, actor: CommandActor.current)
        }
        print(BreachLine.text(updated))
    }
}

/// `custos breach individuals ID (--told-on DATE | --ground GROUND)`.
struct BreachIndividualsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "individuals", abstract: "Record when the people were told, or the Art 34(3) ground for not.")

    @OptionGroup var breach: BreachIDArgument
    @Option(help: ArgumentHelp("The day they were told.", valueName: "YYYY-MM-DD")) var toldOn: CalendarDay?
    @Option(help: "Why not: \(Article34Ground.allCases.map(\.rawValue).joined(separator: ", ")).")
    var ground: Article34Ground?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try breach.id
        let updated = try await store.withVault { vault in
            try await Breaches(vault: vault).individuals(
                id, toldOn: toldOn, ground: ground, actor: CommandActor.current)
        }
        print(BreachLine.text(updated))
    }
}

/// `custos breach close ID --remediation TEXT --lessons TEXT`.
struct BreachCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a breach with what was done and what was learnt.")

    @OptionGroup var breach: BreachIDArgument
    @Option(help: "What was done (sealed).") var remediation: String
    @Option(help: "What was learnt (sealed).") var lessons: String
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try breach.id
        let updated = try await store.withVault { vault in
            try await Breaches(vault: vault).close(
                id, remediation: remediation, lessons: lessons, on: on ?? .today, actor: CommandActor.current)
        }
        print(BreachLine.text(updated))
    }
}

/// `custos breach list`.
struct BreachListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List open breaches, running ICO clocks marked with the time left.")

    @Flag(help: "Include closed breaches.") var all = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let breaches = try await store.withVault { vault in try await Breaches(vault: vault).list(includingClosed: all)
        }
        for breach in breaches { print(BreachLine.text(breach)) }
    }
}

/// `custos breach show ID`.
struct BreachShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a breach with what was written about it (audited).")

    @OptionGroup var breach: BreachIDArgument
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try breach.id
        let (shown, text) = try await store.withVault { vault in
            try await Breaches(vault: vault).show(id, actor: CommandActor.current)
        }
        print(BreachLine.text(shown))
        print("What happened: \(text.description)")
        for (label, value) in [
            ("Consequences", text.consequences), ("Not reported because", text.notReportedReason),
            ("Late because", text.lateReason), ("Remediation", text.remediation), ("Lessons", text.lessons),
        ] {
            if let value { print("\(label): \(value)") }
        }
    }
}

/// How a breach reads on the command line.
enum BreachLine {
    /// One line: id, risk, where the ICO decision stands (the hours left while the clock runs),
    /// the people, closed.
    static func text(_ breach: StoredBreach, now: Date = Date()) -> String {
        let facts = breach.facts
        let ico: String
        if let reported = facts.reportedAt {
            ico = "reported \(Breaches.stamp(reported)) (\(facts.icoReference ?? ""))"
        } else if facts.notReported {
            ico = "not reported"
        } else {
            let hours = Int((breach.reportDeadline.timeIntervalSince(now) / 3600).rounded(.down))
            ico =
                hours >= 0
                ? "report to the ICO by \(Breaches.stamp(breach.reportDeadline)) (\(hours) hours left)"
                : "report to the ICO OVERDUE since \(Breaches.stamp(breach.reportDeadline))"
        }
        let people =
            facts.individualsToldOn.map { "people told \($0.iso)" }
            ?? facts.individualsNotTold.map { "people not told (\($0.rawValue))" } ?? ""
        return [
            breach.id.uuidString, "risk \(facts.risk.rawValue)", ico, people,
            breach.closedOn.map { "closed \($0.iso)" } ?? "",
        ].filter { !$0.isEmpty }.joined(separator: "  ")
    }
}
