import CustosCore
import CustosServices
import CustosStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The dashboard lists the most urgent tasks and links the rest, a page at a time.
@Suite("Tasks in the console, a page at a time")
struct ConsoleTaskListTests {
    @Test("60 open tasks: the dashboard lists 25 and links all 60; the task list pages them 50 at a time")
    func paged() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.tasks.opened = (0..<60).map { index in
                StoredTask(
                    workspaceID: vault.workspace.id, kind: .retentionReview, requestID: nil, subjectID: nil,
                    summary: "Review record \(index)", recipients: [], dueOn: CalendarDay.today.adding(days: index),
                    createdAt: Date(), createdBy: "test")
            }
            try await fixture.store.apply(changes)
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@ashe.example")
                let (_, dashboard) = try await dpo.get(client, "/console")
                #expect(dashboard.components(separatedBy: "Mark done<span").count - 1 == 25)
                #expect(dashboard.contains(#"<a href="/console/tasks">All 60 open tasks</a>"#))
                #expect(dashboard.contains("Review record 0") && !dashboard.contains("Review record 25<"))
                let (status, first) = try await dpo.get(client, "/console/tasks")
                #expect(status == .ok)
                #expect(first.contains("60 open, 60 of them retention reviews"))
                #expect(first.contains("<p>Showing 1 to 50 of 60</p>"))
                #expect(first.components(separatedBy: "Mark done<span").count - 1 == 50)
                let (_, second) = try await dpo.get(client, "/console/tasks?page=1")
                #expect(second.contains("<p>Showing 51 to 60 of 60</p>"))
                #expect(second.contains("Review record 59"))
            }
        }
    }
}
