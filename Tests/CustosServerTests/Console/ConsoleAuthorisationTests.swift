import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("Console authorisation: every route for every role, and no data across schools or workspaces")
struct ConsoleAuthorisationTests {
    /// Who may open what, written out here rather than read from the code under test.
    static let allowed: [ConsoleRoute: Set<StaffRole>] = [
        .dashboard: Set(StaffRole.allCases),
        .people: Set(StaffRole.allCases),
        .searchPeople: Set(StaffRole.allCases),
        .person: [.dpo, .admin, .staff, .auditor, .schoolLeader, .trainer],
        .duplicates: [.dpo, .admin],
        .mergeForm: [.dpo, .admin],
        .merge: [.dpo, .admin],
        .newRecord: [.dpo, .admin, .staff],
        .addRecord: [.dpo, .admin, .staff],
        .imports: [.dpo, .admin, .staff],
        .startImport: [.dpo, .admin, .staff],
        .importJob: [.dpo, .admin, .staff],
        .importProblems: [.dpo, .admin, .staff],
        .requests: [.dpo, .admin, .staff, .auditor],
        .newRequest: [.dpo, .admin, .staff],
        .logRequest: [.dpo, .admin, .staff],
        .request: [.dpo, .admin, .staff, .auditor],
        .requestLink: [.dpo, .admin, .staff],
        .requestStep: [.dpo, .admin, .staff],
        .requestPackage: [.dpo, .admin, .staff],
        .requestCarryOut: [.dpo, .admin, .staff],
        .registers: [.dpo, .admin, .auditor],
        .breach: [.dpo, .admin, .auditor],
        .complaint: [.dpo, .admin, .auditor],
        .newBreach: [.dpo, .admin],
        .logBreach: [.dpo, .admin],
        .breachStepForm: [.dpo, .admin],
        .breachStep: [.dpo, .admin],
        .newComplaint: [.dpo, .admin],
        .takeComplaint: [.dpo, .admin],
        .complaintStepForm: [.dpo, .admin],
        .complaintStep: [.dpo, .admin],
        .newHold: [.dpo, .admin],
        .placeHold: [.dpo, .admin],
        .releaseHold: [.dpo, .admin],
        .newDisclosure: [.dpo, .admin],
        .logDisclosure: [.dpo, .admin],
        .taskList: [.dpo, .admin, .staff, .auditor],
        .taskForm: [.dpo, .admin, .staff],
        .taskDone: [.dpo, .admin, .staff],
        .policy: [.dpo, .admin, .staff, .auditor],
        .policyROPA: [.dpo, .admin, .staff, .auditor],
        .policyFideslang: [.dpo, .admin, .staff, .auditor],
        .audit: [.dpo, .admin, .auditor],
        .auditCSV: [.dpo, .admin, .auditor],
        .tokens: [.dpo, .admin],
        .makeToken: [.dpo, .admin],
        .revokeToken: [.dpo, .admin],
        .school: [.schoolLeader],
        .authorise: [.schoolLeader],
        .events: [.trainer],
        .signOut: Set(StaffRole.allCases),
    ]

    @Test("every console route × every role: allowed, or refused with 403; signed out, sent to sign in")
    func routeByRole() async throws {
        #expect(Set(Self.allowed.keys) == Set(ConsoleRoute.allCases), "a route without an expectation")
        try await ApiFixture.with(["bep"]) { fixture in
            let school = try await fixture.school("Basildon Academy", urn: "100001")
            let subject = try await fixture.bepUser(urn: "100001")
            let request = try await Requests(vault: fixture.vault("bep")).open(
                RequestIntake(
                    kind: .access, subjectID: subject, channel: .email, receivedOn: .today, identityShown: true),
                actor: "test")
            for role in StaffRole.allCases {
                try await fixture.user(
                    "\(role.rawValue)@bep.example", role: role, school: role == .schoolLeader ? school : nil)
            }
            try await fixture.consoleApp.test(.router) { client in
                // One sign-in per role; signing out comes last, as it ends the session.
                let routes = ConsoleRoute.allCases.filter { $0 != .signOut } + [.signOut]
                for role in StaffRole.allCases {
                    let browser = try await ConsoleBrowser.signIn(client, "\(role.rawValue)@bep.example")
                    for route in routes {
                        let path = Self.path(route, subject, request.id)
                        let status =
                            route.method == .get
                            ? try await browser.get(client, path).0
                            : try await browser.post(client, path, token: browser.formToken(client)).0
                        if Self.allowed[route]?.contains(role) ?? false {
                            // Allowed: answered, or the content refused (a step without an action), never the role.
                            #expect(status != .forbidden, "\(role.rawValue) \(route.method) \(path): \(status)")
                            #expect(
                                status.code < 400 || [.badRequest, .notFound].contains(status),
                                "\(role.rawValue) \(path): \(status)")
                        } else {
                            #expect(status == .forbidden, "\(role.rawValue) \(route.method) \(path): \(status)")
                        }
                    }
                }
                for route in routes {
                    let path = Self.path(route, subject, request.id)
                    let signedOut =
                        route.method == .get
                        ? try await ConsoleBrowser().get(client, path).0
                        : try await ConsoleBrowser().post(client, path, token: nil).0
                    #expect(signedOut == .seeOther, "signed out \(path): \(signedOut)")
                }
            }
        }
    }

    /// A route's path with the person's and the request's ids in it.
    static func path(_ route: ConsoleRoute, _ subject: UUID, _ request: UUID) -> String {
        "/console/"
            + route.path.replacingOccurrences(of: ":subject", with: subject.uuidString)
            .replacingOccurrences(of: ":request", with: request.uuidString)
            .replacingOccurrences(of: ":record", with: UUID().uuidString)
            .replacingOccurrences(of: ":job", with: UUID().uuidString)
            .replacingOccurrences(of: ":breach", with: UUID().uuidString)
            .replacingOccurrences(of: ":complaint", with: UUID().uuidString)
            .replacingOccurrences(of: ":hold", with: UUID().uuidString)
            .replacingOccurrences(of: ":task", with: UUID().uuidString)
            .replacingOccurrences(of: ":step", with: "close")
    }

    @Test("a school leader sees their own school's people with BEP's three fields; another school's read as unknown")
    func schoolScope() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let own = try await fixture.school("Basildon Academy", urn: "100001")
            _ = try await fixture.school("Laindon Primary", urn: "100002")
            let colleague = try await fixture.bepUser(urn: "100001")
            let stranger = try await fixture.bepUser(urn: "100002")
            try await fixture.user("head@basildon.example", role: .schoolLeader, school: own)
            try await fixture.consoleApp.test(.router) { client in
                let head = try await ConsoleBrowser.signIn(client, "head@basildon.example")
                let (status, page) = try await head.get(client, "/console/people/\(colleague.uuidString)")
                #expect(status == .ok)
                for label in ["First name", "Surname", "Job title"] { #expect(page.contains("<dt>\(label)</dt>")) }
                #expect(page.contains("<dd>Teacher</dd>"))
                #expect(!page.contains("user100001@example.sch.uk"))
                #expect(!page.contains("01268"))

                let (strangerStatus, strangerPage) = try await head.get(
                    client, "/console/people/\(stranger.uuidString)")
                let (unknownStatus, unknownPage) = try await head.get(client, "/console/people/\(UUID().uuidString)")
                #expect(strangerStatus == .notFound)
                #expect(unknownStatus == .notFound)
                #expect(strangerPage == unknownPage)

                let (_, found) = try await head.search(client, kind: "email", value: "user100002@example.sch.uk")
                #expect(found.contains("No one within your reach has that email address."))
                let (_, ownFound) = try await head.search(client, kind: "email", value: "user100001@example.sch.uk")
                #expect(ownFound.contains("/console/people/\(colleague.uuidString.lowercased())"))
            }
        }
    }

    @Test("a user of one workspace cannot open another workspace's people, whatever the URL")
    func workspaceScope() async throws {
        try await ApiFixture.with(["bep", "ashe"]) { fixture in
            let head = try await fixture.asheHead()
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let (status, page) = try await dpo.get(client, "/console/people/\(head.uuidString)")
                #expect(status == .notFound)
                #expect(!page.contains("Ann Smith"))
                let (_, search) = try await dpo.search(client, kind: "email", value: "ann.smith@example.sch.uk")
                #expect(search.contains("No one within your reach"))
            }
            let actions = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event)
            #expect(!actions.contains { $0.action == "subject.read" && $0.subjectID == head })
        }
    }

    @Test("opening a person's page is audited with the user as actor")
    func personViewAudited() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            _ = try await fixture.school("Basildon Academy", urn: "100001")
            let subject = try await fixture.bepUser(urn: "100001")
            try await fixture.user("staff@bep.example", role: .staff)
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "staff@bep.example")
                let (status, page) = try await staff.get(client, "/console/people/\(subject.uuidString)")
                #expect(status == .ok)
                #expect(page.contains("user100001@example.sch.uk"))
            }
            let reads = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event)
                .filter { $0.action == "subject.read" && $0.subjectID == subject }
            #expect(reads.map(\.actor) == ["user:staff@bep.example"])

            // The DPO sees the person's audit trail, the staff member's view in it; staff do not.
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let page = try await dpo.get(client, "/console/people/\(subject.uuidString)").1
                #expect(page.contains("<h2>Audit trail</h2>"))
                #expect(page.contains("<td>user:staff@bep.example</td><td>subject.read</td>"))
                #expect(page.contains("<h2>Consents</h2>"))
                let staff = try await ConsoleBrowser.signIn(client, "staff@bep.example")
                #expect(
                    !(try await staff.get(client, "/console/people/\(subject.uuidString)").1.contains("Audit trail")))
            }
        }
    }

    @Test(
        "a school leader lists their school's people with BEP's three fields and authorises a colleague's CPD request; another school's reads as unknown"
    )
    func schoolPageAndAuthorisation() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let own = try await fixture.school("Basildon Academy", urn: "100001")
            _ = try await fixture.school("Laindon Primary", urn: "100002")
            let colleague = try await fixture.bepUser(urn: "100001")
            _ = try await fixture.bepUser(urn: "100002")
            let request = try await fixture.cpdRequest(by: "user100001@example.sch.uk", course: "Phonics refresher")
            let strangers = try await fixture.cpdRequest(by: "user100002@example.sch.uk", course: "Leading maths")
            try await fixture.user("head@basildon.example", role: .schoolLeader, school: own)
            try await fixture.consoleApp.test(.router) { client in
                let head = try await ConsoleBrowser.signIn(client, "head@basildon.example")
                // An authorisation joins the leader's own record; with none held, none is made.
                let headless = try await head.post(
                    client, "/console/school/records/\(request.uuidString)/authorise",
                    token: try await head.formToken(client))
                #expect(headless.0 == .conflict)
                #expect(try await fixture.vault("bep").read(record: request, actor: "test").count == 1)
                _ = try await fixture.bepUser(urn: "100001", email: "head@basildon.example")
                let (status, page) = try await head.get(client, "/console/school")
                #expect(status == .ok)
                #expect(page.contains("<h1>Your school: Basildon Academy</h1>"))
                #expect(
                    page.contains(
                        "<th scope=\"col\">First name</th><th scope=\"col\">Surname</th><th scope=\"col\">Job title</th>"
                    ))
                #expect(page.contains("<td>A</td><td>B</td><td>Teacher</td>"))
                #expect(page.contains("/console/people/\(colleague.uuidString.lowercased())"))
                #expect(page.contains("Your CPD requests: The course requested: Phonics refresher"))
                #expect(!page.contains("Leading maths"), "another school's request is not listed")
                #expect(!page.contains("user100001@") && !page.contains("01268"), "nothing beyond the three fields")

                let token = try await head.formToken(client)
                let (strangerStatus, _) = try await head.post(
                    client, "/console/school/records/\(strangers.uuidString)/authorise", token: token)
                let (unknownStatus, _) = try await head.post(
                    client, "/console/school/records/\(UUID().uuidString)/authorise", token: token)
                #expect(strangerStatus == .notFound && unknownStatus == .notFound)

                let (done, headers) = try await head.post(
                    client, "/console/school/records/\(request.uuidString)/authorise", token: token)
                #expect(done == .seeOther && headers[.location] == "/console/school?authorised")
                let (_, after) = try await head.get(client, "/console/school?authorised")
                #expect(after.contains("Authorised. The request"))
                #expect(after.contains("Nothing is waiting for you."))
                let (again, _) = try await head.post(
                    client, "/console/school/records/\(request.uuidString)/authorise", token: token)
                #expect(again == .conflict)
            }
            let vault = try await fixture.vault("bep")
            let parts = try await vault.read(record: request, actor: "test")
            #expect(parts.first { $0.role == "authoriser" }?.values["authorised_by"] == "Test school_leader")
            let leader = try await vault.subjectIDs(identifierKind: "email", value: "head@basildon.example").first
            #expect(
                parts.first { $0.role == "authoriser" }?.subjectID == leader, "the leader's own record, no new person")
            #expect(try await vault.read(record: strangers, actor: "test").count == 1, "not authorised")
            let events = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            #expect(
                events.contains {
                    $0.action == "record.update" && $0.recordID == request && $0.actor.contains("head@basildon.example")
                        && $0.purpose == "service_delivery"
                })
            // The school's page is one entry naming each person shown, found in each one's own trail.
            let views = events.filter {
                $0.action == "subject.read" && $0.purpose == "colleague_visibility" && $0.actor.contains("basildon")
            }
            let pageViews = views.filter { !$0.shown.isEmpty }
            #expect(pageViews.allSatisfy { $0.shown.contains(colleague) && $0.subjectID == nil })
            #expect(!pageViews.isEmpty)
            let trail = try await AuditLog(store: fixture.store).entries(ofSubject: colleague, in: vault.workspace.id)
            #expect(trail.contains { $0.event.action == "subject.read" && $0.event.purpose == "colleague_visibility" })
        }
    }

    @Test(
        "an ASSET consultant sees the people booked on their own course, with the five shared fields; anyone else reads as unknown"
    )
    func trainerScope() async throws {
        try await ApiFixture.with(["asset"]) { fixture in
            let vault = try await fixture.vault("asset")
            let contact = try #require(vault.policy.recordType("contact"))
            let booking = try #require(vault.policy.recordType("course_booking"))
            var people: [String: UUID] = [:]
            for (email, course) in [("ann@school.example", "Leading maths in KS2"), ("bob@school.example", "Phonics")] {
                let outcome = try await vault.write(
                    RecordInput(
                        type: contact,
                        values: [
                            "name": email.hasPrefix("ann") ? "Ann Smith" : "Bob Jones", "school_name": "A School",
                            "job_title": "Maths lead",
                            "phone": email.hasPrefix("ann") ? "01632 960001" : "01632 960002",
                            "email": email,
                            "heard_about_us": "A colleague",
                        ], source: .person), actor: "test")
                guard case .created(_, let subjects, _) = outcome else { throw ApiFixture.FixtureFailure() }
                guard let contact = subjects["contact"] else { throw ApiFixture.FixtureFailure() }
                people[email] = contact
                try await vault.write(
                    RecordInput(type: booking, values: ["email": email, "course": course], source: .person),
                    actor: "test")
            }
            let ann = try #require(people["ann@school.example"])
            let bob = try #require(people["bob@school.example"])
            _ = try await fixture.users.add(
                email: "consultant@asset.example", name: "Cam Consultant", role: .trainer,
                events: ["leading  maths in ks2"], password: ApiFixture.password, in: vault.workspace, by: "test")
            try await fixture.consoleApp.test(.router) { client in
                let trainer = try await ConsoleBrowser.signIn(client, "consultant@asset.example")
                let (status, page) = try await trainer.get(client, "/console/events")
                #expect(status == .ok)
                #expect(page.contains("<h2>leading  maths in ks2 <span class=\"muted\">(1 booked)</span></h2>"))
                #expect(page.contains("<td>Ann Smith</td>"))
                #expect(page.contains("<td>ann@school.example</td>") && page.contains("<td>+441632960001</td>"))
                #expect(!page.contains("Bob Jones"), "another course's attendee is not listed")
                #expect(!page.contains("A colleague"), "a field not shared with trainers")
                #expect(try await trainer.get(client, "/console/people/\(ann.uuidString)").0 == .ok)
                let (strangerStatus, strangerPage) = try await trainer.get(client, "/console/people/\(bob.uuidString)")
                let (_, unknownPage) = try await trainer.get(client, "/console/people/\(UUID().uuidString)")
                #expect(strangerStatus == .notFound && strangerPage == unknownPage)
            }
            let events = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            let courseViews = events.filter {
                $0.action == "subject.read" && $0.purpose == "training_delivery"
                    && $0.actor == "user:consultant@asset.example" && !$0.shown.isEmpty
            }
            #expect(courseViews.count == 1, "the course page is one entry")
            #expect(courseViews.first?.shown.contains(ann) == true)
            #expect(
                !events.contains {
                    ($0.subjectID == bob || $0.shown.contains(bob)) && $0.actor == "user:consultant@asset.example"
                })
            let trail = try await AuditLog(store: fixture.store).entries(ofSubject: ann, in: vault.workspace.id)
            #expect(trail.contains { $0.event.actor == "user:consultant@asset.example" }, "in Ann's own trail")
        }
    }
}

extension ApiFixture {
    /// A BEP CPD request by the registered user whose address is `email`; its record id.
    func cpdRequest(by email: String, course: String) async throws -> UUID {
        let vault = try await vault("bep")
        let type = try #require(vault.policy.recordType("cpd_request"))
        let outcome = try await vault.write(
            RecordInput(type: type, values: ["requester_email": email, "course": course], source: .person),
            actor: "test")
        return try #require(outcome.recordID)
    }

    /// Adds a school to BEP's workspace; its id.
    func school(_ name: String, urn: String) async throws -> UUID {
        try await vault("bep").addSchool(name: name, urn: urn, laCode: nil, actor: "test").id
    }

    /// A BEP registered user at the school with URN `urn`; their subject id.
    func bepUser(urn: String, email: String? = nil, first: String = "A", surname: String = "B") async throws -> UUID {
        let vault = try await vault("bep")
        let type = try #require(vault.policy.recordType("registered_user"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: [
                    "first_name": first, "surname": surname, "role": "Teacher",
                    "email": email ?? "user\(urn)@example.sch.uk",
                    "phone": "01268 000000", "school_urn": urn,
                ],
                source: .person),
            actor: "test")
        guard case .created(_, let subjects, _) = outcome else { throw FixtureFailure() }
        return try #require(subjects["user"])
    }
}
