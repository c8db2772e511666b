import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("Console forms made from the policy")
struct ConsoleRecordFormTests {
    @Test(
        "Hutton's pupil record form marks each field, says what follows from leaving a required one out and why sensitive ones are asked; errors are summarised and linked"
    )
    func pupilRecordForm() async throws {
        try await ApiFixture.with(["hutton"]) { fixture in
            try await fixture.user("office@hutton.example", role: .staff, in: "hutton")
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@hutton.example")
                let (listStatus, list) = try await office.get(client, "/console/records/new")
                #expect(listStatus == .ok)
                #expect(list.contains(#"<a href="/console/records/new?type=pupil_record">"#))
                #expect(
                    !list.contains("type=child_protection_file"), "staff may not add what the policy keeps from them")
                #expect(try await office.get(client, "/console/records/new?type=child_protection_file").0 == .forbidden)

                let (status, form) = try await office.get(client, "/console/records/new?type=pupil_record")
                #expect(status == .ok)
                #expect(form.contains(#"<label for="f-name">"#))
                #expect(form.contains("<span class=\"muted\">(required)</span>"))
                #expect(form.contains("<span class=\"muted\">(optional)</span>"))
                #expect(form.contains("If it is not given: We cannot reach you in an emergency."))
                #expect(
                    form.contains(
                        "Why it is asked: The Department for Education asks for it in the school census; you may decline to give it."
                    ))
                #expect(form.contains("Why it is asked: So that we can keep your child safe and well in school."))
                #expect(form.contains(#"type="date" id="f-date_of_birth""#))
                #expect(form.contains(#"type="tel" id="f-parent_phone""#))

                let token = try await office.formToken(client)
                let (refused, _) = try await office.post(
                    client, "/console/records/new",
                    form: "type=pupil_record&name=&date_of_birth=2018-04-01&parent_name=Sam+Jones&parent_phone=12",
                    token: token)
                #expect(refused == .badRequest)
                let page = try await client.execute(
                    uri: "/console/records/new", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: try #require(office.cookie)],
                    body: ByteBuffer(
                        string:
                            "csrf=\(token)&type=pupil_record&name=&date_of_birth=2018-04-01&parent_name=Sam+Jones&parent_phone=12"
                    )
                ) { String(buffer: $0.body) }
                #expect(page.contains("<title>Error: Add: The pupil&#39;s school record – Custos</title>"))
                #expect(page.contains(##"<a href="#f-name">Enter "##))
                #expect(page.contains(##"<a href="#f-parent_phone">"##))
                #expect(page.contains("not a UK telephone number"))
                #expect(page.contains(#"value="Sam Jones""#), "what was typed is kept")
                #expect(try await Requests(vault: fixture.vault("hutton")).list().isEmpty)

                let (added, headers) = try await office.post(
                    client, "/console/records/new",
                    form:
                        "type=pupil_record&name=Alex+Jones&date_of_birth=2018-04-01&parent_name=Sam+Jones&parent_phone=01632+960123",
                    token: token)
                #expect(added == .seeOther)
                let person = try #require(headers[.location])
                #expect(person.hasPrefix("/console/people/"))
                #expect(try await office.get(client, person).1.contains("<dd>Alex Jones</dd>"))
            }
        }
    }
}
