import CustosCore
import Testing

@Suite("The privacy notice")
struct PrivacyNoticeTests {
    private func html(_ fixture: PolicyFixture) throws -> String {
        PrivacyNoticeRenderer().render(try PrivacyNoticeBuilder().notice(for: fixture.load()), as: .html)
    }

    private func markdown(_ fixture: PolicyFixture) throws -> String {
        PrivacyNoticeRenderer().render(try PrivacyNoticeBuilder().notice(for: fixture.load()), as: .md)
    }

    @Test("it refuses, listing every missing item, when Articles 13 and 14 cannot be met")
    func refusesWhenIncomplete() throws {
        var fixture = PolicyFixture()
        fixture.dpo = nil
        fixture.replace("  lawful_basis: public_task\n", with: "\n", in: \.purposes)
        fixture.addPurpose("- id: photos\n  name: Photos\n  lawful_basis: consent", id: "photos")
        fixture.recordTypes +=
            "\n- id: visits\n  name: Visits\n  roles: [{name: visitor, subject: parent}]\n  purposes: [education]\n  fields: []"
        let error = try #require(throws: NoticeIncompleteError.self) {
            try PrivacyNoticeBuilder().notice(for: fixture.load())
        }
        #expect(
            Set(error.missing.map(\.rule)) == [
                "dpo-required", "lawful-basis", "consent-withdrawal", "record-type-retention",
            ])
        #expect(error.description.hasPrefix("The privacy notice cannot be produced; these items are missing:"))
        #expect(error.description.contains("(UK GDPR Art 6(1), 13(1)(c))"))
    }

    @Test("legal findings that are not missing items do not stop the notice")
    func rendersDespiteOtherFindings() throws {
        var fixture = PolicyFixture()
        fixture.rights = "fees: [every_request]\nfee: £10"
        let text = try html(fixture)
        #expect(text.contains("We charge a fee for requests: £10."))
    }

    @Test("each kind of person reads only what concerns them")
    func groupedBySubjectKind() throws {
        let text = try markdown(PolicyFixture())
        let parents = try #require(text.components(separatedBy: "## Parents and carers").last)
        let pupils = try #require(
            text.components(separatedBy: "## Pupils").last?.components(separatedBy: "## Parents and carers").first)
        #expect(parents.contains("Parent's email"))
        #expect(!parents.contains("- Attainment"))
        #expect(pupils.contains("- Attainment"))
        #expect(!pupils.contains("Parent's email"))
    }

    @Test("policy text is escaped in HTML and in Markdown")
    func escaping() throws {
        var fixture = PolicyFixture()
        fixture.replace(
            "name: Example Academy Trust", with: "name: \"Smith & Jones <Academy> | *Trust*\"", in: \.controller)
        let page = try html(fixture)
        #expect(page.contains("Smith &amp; Jones &lt;Academy&gt; | *Trust*"))
        #expect(!page.contains("<Academy>"))
        let text = try markdown(fixture)
        #expect(text.contains("Smith & Jones \\<Academy\\> \\| \\*Trust\\*"))
    }

    @Test("an empty optional value never shows its enclosing section's value")
    func noLeakFromEnclosingSections() throws {
        var fixture = PolicyFixture()
        fixture.replace("name: Pupils\n", with: "name: Pupils\n  description: SUBJECT-DESCRIPTION\n", in: \.subjects)
        fixture.purposes += "\n  description: PURPOSE-DESCRIPTION"
        let page = try html(fixture)
        #expect(page.components(separatedBy: "SUBJECT-DESCRIPTION").count == 2)
        #expect(
            page.components(separatedBy: "PURPOSE-DESCRIPTION").count == 3, "once per section that explains the purpose"
        )
    }

    @Test("rights follow the lawful bases: objection for public task, portability and withdrawal for consent")
    func rightsFollowBases() throws {
        let publicTask = try markdown(PolicyFixture())
        #expect(
            publicTask.contains("**Objection:** You can object to our use of your information for educating pupils."))
        #expect(!publicTask.contains("Data portability"))
        #expect(!publicTask.contains("Withdrawing consent"))

        var consent = PolicyFixture()
        consent.replace(
            "lawful_basis: public_task", with: "lawful_basis: consent\n  consent:\n    withdraw: Email the office.",
            in: \.purposes)
        let text = try markdown(consent)
        #expect(text.contains("**Data portability:**"))
        #expect(text.contains("Educating pupils: email the office."))
        #expect(!text.contains("**Objection:**"))
    }

    @Test("the notice opens with a summary per kind of person, then the detail; citations stand apart")
    func layered() throws {
        let fixture = PolicyFixture()
        let page = try html(fixture)
        let brief = try #require(page.range(of: #"<h2 id="in-brief">In brief</h2>"#))
        let detail = try #require(page.range(of: #"<h2 id="pupil">Pupils</h2>"#))
        #expect(brief.lowerBound < detail.lowerBound, "the summary comes first")
        #expect(page.contains(#"<details class="summary"><summary>Pupils</summary>"#))
        #expect(page.contains("<dt>What we hold</dt><dd>Pupil record.</dd>"))
        #expect(
            page.contains("<dt>How long we keep it</dt><dd>Pupil record: reviewed 25 years after date of birth.</dd>"))
        #expect(page.contains(##"<a href="#pupil">The detail for Pupils</a>"##))
        #expect(page.contains(#"Public task. We use it because"#))
        #expect(page.contains(#"<span class="cite">UK GDPR Art 6(1)(e)</span>"#))
        let text = try markdown(fixture)
        #expect(text.contains("## In brief\n\n**Pupils**\n\n- **What we hold:** Pupil record."))
    }

    @Test("Article 14 items appear: sources, special categories and why they are asked, transfers")
    func article14Items() throws {
        var fixture = PolicyFixture()
        fixture.recordTypes = fixture.recordTypes.replacingOccurrences(
            of: "  retention: [pupil_review]\n",
            with:
                "  retention: [pupil_review]\n  sources:\n    - kind: previous_school\n      name: The previous school\n"
        )
        fixture.addField(
            "- name: allergies\n  label: Allergies\n  category: user.health_and_medical\n  reason: To keep your child safe."
        )
        fixture.purposes +=
            "\n  special_category:\n    condition: substantial_public_interest\n    schedule1: statutory_purposes\n  recipients: [cloud]"
        fixture.recipients =
            "- id: cloud\n  name: Cloud host\n  kind: processor\n  agreement: DPA\n  country: IN\n  dpia: DPIA-1\n  transfer:\n    mechanism: idta\n    copy: Ask our DPO for a copy."
        let page = try html(fixture)
        #expect(page.contains("Pupil record: from The previous school"))
        #expect(
            page.contains(
                "Allergies <span class=\"tag\">special category: health</span><br><span class=\"muted\">Why we ask: To keep your child safe.</span>"
            ))
        #expect(page.contains("UK GDPR Art 9(2)(g); DPA 2018 Sch 1 Pt 2 para 6 (Statutory and government purposes)"))
        #expect(page.contains("<h2 id=\"transfers\">Transfers outside the UK</h2>"))
        #expect(
            page.contains(
                #"<td data-label="Recipient">Cloud host</td><td data-label="Country">IN</td><td data-label="Protection">International Data Transfer Agreement</td><td data-label="Getting a copy">Ask our DPO for a copy.</td>"#
            ))
    }

    @Test("a required field says what happens if it is not given")
    func requiredFieldConsequence() throws {
        let page = try html(PolicyFixture())
        #expect(
            page.contains(
                "Name <span class=\"tag\">required</span><br><span class=\"muted\">If you do not give it: We cannot admit your child.</span>"
            ))
    }

    @Test("the HTML links a stylesheet when a server serves one, and inlines it otherwise")
    func stylesheet() throws {
        let notice = try PrivacyNoticeBuilder().notice(for: PolicyFixture().load())
        let linked = PrivacyNoticeRenderer().render(notice, as: .html, stylesheetURL: "/assets/notice.css")
        #expect(linked.contains("<link rel=\"stylesheet\" href=\"/assets/notice.css\">"))
        #expect(!linked.contains("<style>"))
        let standalone = PrivacyNoticeRenderer().render(notice, as: .html)
        #expect(standalone.contains("<style>\nbody{"))
    }
}
