import CustosCore
import CustosStorage
import Foundation
import Testing

@testable import CustosServices

/// Open tasks a page at a time, counted in the database, on each backend.
@Suite("Tasks, a page at a time")
struct TaskPageContractTests {
    @Test(
        "open tasks come soonest due first, a page at a time, counted with the retention reviews",
        arguments: TestBackend.available)
    func paged(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let start = try #require(CalendarDay(iso: "2026-10-01"))
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.tasks.opened = (0..<30).map { index in
                StoredTask(
                    workspaceID: vault.workspace.id, kind: index % 3 == 0 ? .retentionReview : .notifyRecipients,
                    requestID: nil, subjectID: nil, summary: "task \(index)", recipients: [],
                    dueOn: index == 29 ? nil : start.adding(days: 29 - index), createdAt: Date(), createdBy: "t")
            }
            try await vault.store.apply(changes)
            var done = ChangeSet(workspaceID: vault.workspace.id)
            done.tasks.completions = [
                TaskCompletion(taskID: changes.tasks.opened[0].id, on: start, by: "t", note: "done")
            ]
            try await vault.store.apply(done)
            let tasks = Tasks(vault: vault)
            let first = try await tasks.page(limit: 10, offset: 0)
            #expect(first.open == 29, "the one done is not counted")
            #expect(first.retentionReviews == 9)
            #expect(first.tasks.map(\.summary) == (19...28).reversed().map { "task \($0)" })
            let last = try await tasks.page(limit: 10, offset: 20)
            #expect(last.tasks.count == 9)
            #expect(last.tasks.last?.summary == "task 29", "no due date comes last")
            #expect(Set(first.tasks.map(\.id)).isDisjoint(with: last.tasks.map(\.id)))
        }
    }
}
