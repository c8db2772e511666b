import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos retention …`: the retention schedule, enforced.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Plan and run the retention sweep; record events rules run from.",
        discussion: """
            Each record type's rules (trigger + offset + action, with their authority) apply to everyone holding \
            records of that type; legal holds stop them (see docs/retention.md).
            """,
        subcommands: [
            RetentionPlanCommand.self, RetentionRunCommand.self, RetentionEventCommand.self,
            RetentionScheduleCommand.self, RetentionAnonymisedCommand.self,
        ])
}

/// `custos retention plan`.
struct RetentionPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "List what a sweep would do and why, without doing it.")

    @Option(help: ArgumentHelp("The day to plan for (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let day = asOf ?? .today
        let items = try await store.withVault { vault in try await Retention(vault: vault).plan(asOf: day) }
        for item in items {
            print(
                "\(item.subjectID.uuidString)  \(item.recordType)\(item.recordID.map { " record \($0.uuidString)" } ?? "")  \(item.action.rawValue)  rule \(item.rule)  from \(item.triggerOn.iso)  due \(item.dueOn.iso)\(item.heldBy.map { "  HELD by \($0.uuidString)" } ?? "")\(item.restricted ? "  RESTRICTED (Art 18)" : "")"
            )
        }
        let held = items.filter(\.isStopped).count
        print(
            "\(items.count) due as of \(day.iso): \(items.filter { $0.action == .erase && !$0.isStopped }.count) to erase, \(items.filter { $0.action == .review && !$0.isStopped }.count) to review, \(held) held or restricted"
        )
    }
}

/// `custos retention run`.
struct RetentionRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Do what the plan lists: erase, and add reviews to the task list.",
        discussion: "Safe to stop and run again: each batch is one transaction, and a second run finishes the job.")

    @Option(help: ArgumentHelp("The day to run as (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let day = asOf ?? .today
        let report = try await store.withVault { vault in
            let line = ProgressLine(total: nil, label: "retention")
            defer { line.finish() }
            return try await Retention(vault: vault).run(asOf: day) { done, _ in line.update(done) }
        }
        print(
            "erased \(report.subjectsErased) people, part of \(report.subjectsPartlyErased) more; \(report.recordsAnonymised) records anonymised; \(report.reviewsAdded) reviews added; \(report.held) held; sealed records of \(report.sealedRowsPurged) people erased purged"
        )
    }
}

/// `custos retention event (SUBJECT | --school URN | --subjects FILE) --event NAME`.
struct RetentionEventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Record an event a retention rule runs from (e.g. left_post).",
        discussion: """
            For one person (SUBJECT), everyone of a school (--school URN: a subscription that ended for the whole \
            school), or the people a file lists (--subjects FILE, one id a line); a group is recorded in one step, \
            audited as one act, for those who hold records a rule running from the event keeps.
            """)

    @Argument(help: ArgumentHelp("The person.", valueName: "SUBJECT")) var subject: String?
    @Option(help: ArgumentHelp("Everyone of the school with this URN.", valueName: "URN")) var school: String?
    @Option(help: ArgumentHelp("A file of subject ids, one a line.", valueName: "FILE")) var subjects: String?
    @Option(help: "The event's name, as the policy's rules use it.") var event: String
    @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "YYYY-MM-DD")) var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard [subject != nil, school != nil, subjects != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("name one of SUBJECT, --school or --subjects")
        }
    }

    func run() async throws {
        let day = on ?? .today
        if let subject {
            guard let id = UUID(uuidString: subject) else { throw ValidationError("'\(subject)' is not a subject id") }
            try await store.withVault { vault in
                try await Retention(vault: vault).record(
                    event: event, subject: id, on: day, actor: CommandActor.current)
            }
            print("recorded \(event) for \(id.uuidString) on \(day.iso)")
            return
        }
        let listed = try subjects.map(Self.ids)
        let count = try await store.withInstallation { installation in
            let workspace = try await installation.resolveWorkspace(store.workspace)
            let vault = try await installation.vault(workspace)
            if let listed {
                return try await Retention(vault: vault).record(
                    event: event, subjects: listed, on: day, actor: CommandActor.current)
            }
            guard let schoolID = try await installation.schoolID(forURN: school, in: workspace) else { return 0 }
            return try await Retention(vault: vault).record(
                event: event, school: schoolID, on: day, actor: CommandActor.current)
        }
        print("recorded \(event) on \(day.iso) for \(count) people")
    }

    /// The subject ids in `path`, one a line; a usage error names the first line that is not one.
    static func ids(_ path: String) throws -> [UUID] {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw ValidationError("--subjects: cannot read '\(path)'")
        }
        var ids: [UUID] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let id = UUID(uuidString: trimmed) else {
                throw ValidationError("--subjects: line \(number + 1) is not a subject id")
            }
            ids.append(id)
        }
        return ids
    }
}

/// `custos retention schedule`.
struct RetentionScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Write the retention schedule as CSV (the privacy centre serves it too).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let csv = try await store.withVault { vault in try RetentionSchedule(policy: vault.policy).csv() }
        print(csv, terminator: "")
    }
}

/// `custos retention anonymised --type T`.
struct RetentionAnonymisedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymised",
        abstract: "Write what anonymisation kept of a record type's records as CSV (statistics, linked to no one).")

    @Option(help: ArgumentHelp("The record type.", valueName: "RECORD_TYPE")) var type: String
    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "OUT.csv"))
    var output: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let csv = try await store.withVault { vault in try await Retention(vault: vault).anonymisedCSV(ofType: type) }
        try Console.write(csv, to: output)
    }
}
