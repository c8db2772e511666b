import CustosCore
import CustosMail
import CustosServices
import CustosTestSupport
import Foundation
import Testing

/// Registration in the privacy centre, as BEP's CPD Online takes it, on each backend: held sealed
/// until the link emailed to the address is followed (sent over real SMTP), then kept as the
/// person's record, and the lead users at their school told, with no more than a school leader
/// may see.
@Suite("Privacy-centre registrations")
struct RegistrationContractTests {
    static let publicURL = "https://privacy.example.org"
    static let hashing = PasswordHashing(cost: 4)

    /// A BEP vault with Crays Hill on file (one registered user already), and its head as a
    /// school leader; another school's leader too.
    func bep(_ fixture: VaultFixture) async throws -> (Vault, School, lead: StoredStaffUser) {
        let vault = try await fixture.vault(example: "bep")
        let type = try #require(vault.policy.recordType("registered_user"))
        for (email, urn) in [("first@crays.example", "115001"), ("first@other.example", "115002")] {
            try await vault.write(
                RecordInput(
                    type: type,
                    values: [
                        "first_name": "First", "surname": "User", "role": "Teacher", "email": email,
                        "school_urn": urn,
                    ], source: RecordSource(kind: .staff)), actor: "test")
        }
        let schools = try await fixture.store.schools(in: vault.workspace.id)
        let crays = try #require(schools.first { $0.urn == "115001" })
        let other = try #require(schools.first { $0.urn == "115002" })
        let users = StaffUsers(store: fixture.store, hashing: Self.hashing)
        let lead = try await users.add(
            email: "head@crays.example", name: "Pat Head", role: .schoolLeader, schoolID: crays.id,
            password: "a long enough passphrase", in: vault.workspace, by: "test")
        _ = try await users.add(
            email: "head@other.example", name: "Other Head", role: .schoolLeader, schoolID: other.id,
            password: "a long enough passphrase", in: vault.workspace, by: "test")
        return (vault, crays, lead)
    }

    static let sam = [
        "first_name": "Sam", "surname": "Teacher", "role": "Year 3 teacher", "email": " Sam.Teacher@Crays.example ",
        "phone": "01632 960123", "work_address": "London Road, Crays Hill", "school_urn": "115001",
    ]

    @Test(
        "a registration is held sealed until its link is followed; then it is the person's record, and only their school's lead is told, with first name, surname and role",
        arguments: TestBackend.available)
    func confirmedRegistration(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let (vault, crays, _) = try await bep(fixture)
            let registrations = try #require(PrivacyCentreRegistrations(vault: vault))
            let id = try await registrations.submit(Self.sam)
            // Nothing is on file until the address is proved.
            let index = vault.index(kind: "email", value: "sam.teacher@crays.example")
            #expect(try await fixture.store.subjectIDs(forIndexes: [index], in: vault.workspace.id).isEmpty)
            let held = try #require(try await fixture.store.registration(id, in: vault.workspace.id))
            #expect(!String(decoding: held.sealed, as: UTF8.self).contains("Teacher"))

            let sender = try #require(MailAddress("cpd@bep.example", name: "BEP"))
            #expect(try await registrations.sendLinks(using: transport, from: sender, publicURL: Self.publicURL) == 1)
            #expect(try await registrations.sendLinks(using: transport, from: sender, publicURL: Self.publicURL) == 0)
            let message = try #require(try smtp.received().first)
            #expect(message.rcptTos == ["sam.teacher@crays.example"])
            let url = try #require(MailText.link(in: message.data, containing: "/register/confirm"))
            #expect(url.absoluteString.hasPrefix("\(Self.publicURL)/privacy/bep/register/confirm?token="))
            let token = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
            #expect(throws: LinkTokenError.self) { try vault.links.claims(of: token, kind: .requestConfirmation) }
            let claims = try vault.links.claims(of: token, kind: .registrationConfirmation)

            guard case .registered(let person) = try await registrations.confirm(claims) else {
                Issue.record("expected the registration to be confirmed")
                return
            }
            #expect(try await registrations.confirm(claims) == .alreadyConfirmed)
            let subject = try #require(try await fixture.store.subjects([person], in: vault.workspace.id).first)
            #expect(subject.schoolID == crays.id)
            let record = try #require(try await vault.read(subject: person, actor: "test").records.first)
            #expect(record.values["surname"] == "Teacher" && record.values["email"] == "sam.teacher@crays.example")
            #expect(record.source.kind == .form)

            #expect(
                try await registrations.tellSchoolLeads(using: transport, from: sender, publicURL: Self.publicURL) == 1)
            #expect(
                try await registrations.tellSchoolLeads(using: transport, from: sender, publicURL: Self.publicURL) == 0)
            let toLeads = try smtp.received().filter { $0.rcptTos != ["sam.teacher@crays.example"] }
            #expect(toLeads.map(\.rcptTos) == [["head@crays.example"]], "the other school's leader is not told")
            let text = MailText.readable(try #require(toLeads.first).data)
            #expect(text.contains("First name: Sam") && text.contains("Surname: Teacher"))
            #expect(text.contains("Job title: Year 3 teacher"))
            #expect(text.contains("\(Self.publicURL)/console"))
            for unseen in ["sam.teacher", "01632", "London Road", "115001"] {
                #expect(!text.contains(unseen), "a school leader may not see \(unseen)")
            }
            // Done with: what was held is destroyed, and the link finds nothing.
            #expect(try await fixture.store.registration(id, in: vault.workspace.id) == nil)
            await #expect(throws: VaultError.self) { try await registrations.confirm(claims) }

            let events = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            let actions = events.map(\.action)
            for action in [
                "registration.received", "registration.link_sent", "registration.confirmed",
                "registration.school_leads_told",
            ] {
                #expect(actions.contains(action), "\(action)")
            }
            #expect(
                events.contains { $0.action == "registration.school_leads_told" && $0.purpose == "eligibility_checks" })
            #expect(
                events.allSatisfy { !($0.detail ?? "").contains("sam.teacher") && !($0.detail ?? "").contains("Sam") })
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    @Test(
        "a bad registration names the field and holds nothing; one never confirmed is destroyed after 48 hours; with no lead to tell, a task asks staff to check",
        arguments: TestBackend.available)
    func unhappyPaths(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let (vault, _, _) = try await bep(fixture)
            let registrations = try #require(PrivacyCentreRegistrations(vault: vault))
            var bad = Self.sam
            bad["surname"] = ""
            bad["email"] = "not an address"
            let error = await #expect(throws: VaultError.self) { try await registrations.submit(bad) }
            #expect(Set(error?.problems.filter { !$0.isWarning }.map(\.field) ?? []) == ["surname", "email"])
            #expect(try await fixture.store.registrationsAwaitingLink(in: vault.workspace.id).isEmpty)

            let start = Date(timeIntervalSince1970: 1_790_000_000)
            let stale = try await registrations.submit(Self.sam, at: start)
            try await registrations.removeExpired(at: start.addingTimeInterval(47 * 3600))
            #expect(try await fixture.store.registration(stale, in: vault.workspace.id) != nil)
            try await registrations.removeExpired(at: start.addingTimeInterval(49 * 3600))
            #expect(try await fixture.store.registration(stale, in: vault.workspace.id) == nil)

            // A school with no leader in Custos: nobody can be told, so staff are asked to check.
            var elsewhere = Self.sam
            elsewhere["email"] = "new@nolead.example"
            elsewhere["school_urn"] = "115003"
            let id = try await registrations.submit(elsewhere)
            let claims = LinkClaims(kind: .registrationConfirmation, subjectID: nil, registrationID: id)
            guard case .registered(let person) = try await registrations.confirm(claims) else {
                Issue.record("expected the registration to be confirmed")
                return
            }
            let sender = try #require(MailAddress("cpd@bep.example", name: "BEP"))
            #expect(try await registrations.tellSchoolLeads(using: transport, from: sender, publicURL: nil) == 1)
            #expect(try smtp.received().isEmpty)
            let tasks = try await fixture.store.tasks(in: vault.workspace.id, includingDone: false)
            let task = try #require(tasks.first { $0.kind == .checkEligibility })
            #expect(task.subjectID == person)
            #expect(task.summary.contains("115003") && !task.summary.contains("nolead"))
            #expect(try await fixture.store.registration(id, in: vault.workspace.id) == nil)

            // Someone who objects to the telling before it happens: their school's lead is not told.
            var objecting = Self.sam
            objecting["email"] = "objects@crays.example"
            let objectingID = try await registrations.submit(objecting)
            guard
                case .registered(let objector) = try await registrations.confirm(
                    LinkClaims(kind: .registrationConfirmation, subjectID: nil, registrationID: objectingID))
            else {
                Issue.record("expected the registration to be confirmed")
                return
            }
            try await Contacts(vault: vault).setProcessingState(
                .objected, subject: objector, purpose: "eligibility_checks", reason: "asked", actor: "office")
            #expect(try await registrations.tellSchoolLeads(using: transport, from: sender, publicURL: nil) == 1)
            #expect(try smtp.received().isEmpty, "the lead of Crays Hill is not told")
            let actions = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event.action)
            #expect(actions.contains("registration.expired") && actions.contains("registration.no_school_lead"))
            #expect(actions.contains("registration.school_leads_not_told"))
        }
    }

    @Test("a workspace whose policy offers no registration has none", arguments: TestBackend.available)
    func notOffered(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let ashe = try await fixture.vault(example: "ashe")
            #expect(PrivacyCentreRegistrations(vault: ashe) == nil)
        }
    }
}
