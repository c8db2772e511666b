import CustosCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The retention schedule, for anyone who asks (Hutton's notice offers it on request).
@Suite("The privacy centre: the retention schedule")
struct RetentionSchedulePageTests {
    @Test("served as a page and as CSV from the policy in force, and linked from the notice")
    func schedule() async throws {
        try await ApiFixture.with(["hutton"]) { fixture in
            try await fixture.app.test(.router) { client in
                try await client.execute(uri: "/privacy/hutton", method: .get) { response in
                    #expect(String(buffer: response.body).contains("<a href=\"/privacy/hutton/retention\">"))
                }
                try await client.execute(uri: "/privacy/hutton/retention", method: .get) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<caption>Retention schedule</caption>"))
                    #expect(page.contains("Reviewed 25 years after the pupil&#39;s date of birth."))
                    #expect(page.contains("IRMS Information Management Toolkit for Schools (pupil record)"))
                }
                try await client.execute(uri: "/privacy/hutton/retention.csv", method: .get) { response in
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    let lines = String(buffer: response.body).split(separator: "\r\n")
                    #expect(lines.first?.hasPrefix("Record type,Record,Rule,How long") == true)
                    #expect(lines.contains { $0.hasPrefix("pupil_record,") && $0.contains("pupil_record_review") })
                }
                try await client.execute(uri: "/privacy/nowhere/retention", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }
}
