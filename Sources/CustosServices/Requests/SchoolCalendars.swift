public import CustosCore
import CustosStorage
public import Foundation

/// The workspace's school calendar: its terms and closure days, on which parents' requests for
/// the educational record are counted (15 school days). Kept by the office term by term; every
/// change is audited.
public struct SchoolCalendars: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// The calendar kept, or an empty one.
    public func current() async throws -> SchoolCalendar {
        try await vault.store.schoolCalendar(in: vault.workspace.id) ?? SchoolCalendar(terms: [])
    }

    /// Adds a term, first day to last. Throws a ``VaultError`` when it ends before it starts or
    /// overlaps a term already kept.
    @discardableResult
    public func addTerm(
        from first: CalendarDay, to last: CalendarDay, actor: String, at time: Date = Date()
    )
        async throws -> SchoolCalendar
    {
        guard first <= last else { throw VaultError("to: the term ends before it starts", kind: .invalid) }
        var calendar = try await current()
        if let clash = calendar.terms.first(where: { $0.overlaps(first...last) }) {
            throw VaultError(
                "from: the term overlaps the one from \(clash.lowerBound.iso) to \(clash.upperBound.iso)",
                kind: .conflict)
        }
        calendar = SchoolCalendar(terms: calendar.terms + [first...last], closures: calendar.closures)
        try await save(calendar, "calendar.term", "term \(first.iso) to \(last.iso)", actor: actor, at: time)
        return calendar
    }

    /// Adds a day in a term when the school is closed to pupils. Throws a ``VaultError`` when the
    /// day is in no term kept.
    @discardableResult
    public func addClosure(_ day: CalendarDay, actor: String, at time: Date = Date()) async throws -> SchoolCalendar {
        var calendar = try await current()
        guard calendar.terms.contains(where: { $0.contains(day) }) else {
            throw VaultError("day: \(day.iso) is in no term; add the term first", kind: .invalid)
        }
        calendar.closures.insert(day)
        try await save(calendar, "calendar.closure", "closure \(day.iso)", actor: actor, at: time)
        return calendar
    }

    private func save(
        _ calendar: SchoolCalendar, _ action: String, _ detail: String, actor: String, at time: Date
    ) async throws {
        // The calendar and the due dates it changes, in one transaction.
        var (_, changes) = try await Requests(vault: vault).redating(
            of: .educationalRecord, because: "the school calendar changed", actor: actor, at: time,
            calendar: calendar)
        changes.requests.schoolCalendar = calendar
        changes.audit.insert(vault.event(action, actor: actor, at: time, detail: detail), at: 0)
        try await vault.store.apply(changes)
    }
}
