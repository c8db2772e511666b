import CustosCore
import Testing

/// One way to break a rule: a change to the clean fixture, and the finding it must cause.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var path: String
    var change: @Sendable (inout PolicyFixture) -> Void

    var testDescription: String { "\(rule) at \(path)" }
}

/// Changes the fixture in ways many cases share.
extension PolicyFixture {
    mutating func replace(_ old: String, with new: String, in keyPath: WritableKeyPath<PolicyFixture, String>) {
        self[keyPath: keyPath] = self[keyPath: keyPath].replacingOccurrences(of: old, with: new)
    }

    /// Adds a purpose used by the pupil record.
    mutating func addPurpose(_ yaml: String, id: String) {
        purposes += "\n" + yaml
        replace("purposes: [education]", with: "purposes: [education, \(id)]", in: \.recordTypes)
    }

    /// Adds a field to the pupil record.
    mutating func addField(_ yaml: String) {
        recordTypes += "\n" + yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }

    /// Makes the controller a charity that is not a public authority.
    mutating func makePrivate() {
        replace("public_authority: true", with: "public_authority: false", in: \.controller)
    }
}

@Suite("The policy linter")
struct PolicyLinterTests {
    static let cases: [RuleCase] = [
        RuleCase(rule: "controller-identity", path: "controller.name") {
            $0.replace("name: Example Academy Trust\n", with: "", in: \.controller)
        },
        RuleCase(rule: "controller-contact", path: "controller") {
            $0.replace("email: office@example.org.uk\n", with: "", in: \.controller)
        },
        RuleCase(rule: "public-authority-unstated", path: "controller.public_authority") {
            $0.replace("public_authority: true\n", with: "", in: \.controller)
        },
        RuleCase(rule: "ico-registration", path: "controller.ico_registration") {
            $0.replace("ico_registration: ZA123456\n", with: "", in: \.controller)
        },
        RuleCase(rule: "dpo-required", path: "dpo") { $0.dpo = nil },
        RuleCase(rule: "dpo-contact", path: "dpo") { $0.dpo = "name: Sam Taylor" },
        RuleCase(rule: "lawful-basis", path: "purposes[0].lawful_basis") {
            $0.replace("  lawful_basis: public_task\n", with: "\n", in: \.purposes)
        },
        RuleCase(rule: "public-authority-legitimate-interests", path: "purposes[0].lawful_basis") {
            $0.replace(
                "lawful_basis: public_task",
                with:
                    "lawful_basis: legitimate_interests\n  legitimate_interest: Running the trust well.\n  legitimate_interest_assessment: LIA-1",
                in: \.purposes)
        },
        RuleCase(rule: "legitimate-interest-undescribed", path: "purposes[0].legitimate_interest") {
            $0.makePrivate()
            $0.replace(
                "lawful_basis: public_task",
                with: "lawful_basis: legitimate_interests\n  legitimate_interest_assessment: LIA-1", in: \.purposes)
        },
        RuleCase(rule: "legitimate-interest-assessment", path: "purposes[0].legitimate_interest_assessment") {
            $0.makePrivate()
            $0.replace(
                "lawful_basis: public_task",
                with: "lawful_basis: legitimate_interests\n  legitimate_interest: Running the school.", in: \.purposes)
        },
        RuleCase(rule: "recognised-interest-condition", path: "purposes[0].recognised_interest") {
            $0.makePrivate()
            $0.replace(
                "lawful_basis: public_task", with: "lawful_basis: recognised_legitimate_interest", in: \.purposes)
        },
        RuleCase(rule: "special-category-condition", path: "purposes[0].special_category") {
            $0.addField("- name: allergies\n  category: user.health_and_medical")
        },
        RuleCase(rule: "schedule1-condition", path: "purposes[0].special_category.schedule1") {
            $0.addField("- name: allergies\n  category: user.health_and_medical")
            $0.purposes += "\n  special_category:\n    condition: substantial_public_interest"
        },
        RuleCase(rule: "schedule1-para16-body", path: "purposes[0].special_category.schedule1") {
            $0.addField("- name: allergies\n  category: user.health_and_medical")
            $0.purposes +=
                "\n  special_category:\n    condition: substantial_public_interest\n    schedule1: disability_support"
        },
        RuleCase(rule: "appropriate-policy-document", path: "purposes[0].special_category.schedule1") {
            $0.replace(
                "appropriate_policy_document: https://example.org.uk/appropriate-policy-document", with: "",
                in: \.controller)
            $0.addField("- name: allergies\n  category: user.health_and_medical")
            $0.purposes +=
                "\n  special_category:\n    condition: substantial_public_interest\n    schedule1: statutory_purposes"
        },
        RuleCase(rule: "requirement-consequence", path: "purposes[0].consequence") {
            $0.purposes += "\n  requirement: statutory"
        },
        RuleCase(rule: "consent-withdrawal", path: "purposes[1].consent.withdraw") {
            $0.addPurpose("- id: photos\n  name: Photos on the website\n  lawful_basis: consent", id: "photos")
        },
        RuleCase(rule: "consent-not-freely-given", path: "purposes[1].consent.mechanism") {
            $0.addPurpose(
                "- id: photos\n  name: Photos\n  lawful_basis: consent\n  consent:\n    mechanism: bundled\n    withdraw: Tell the office.",
                id: "photos")
        },
        RuleCase(rule: "child-online-consent", path: "purposes[1].consent.parental") {
            $0.addPurpose(
                "- id: app\n  name: Homework app\n  lawful_basis: consent\n  online_service_to_children: true\n  consent:\n    withdraw: Tell the office.",
                id: "app")
        },
        RuleCase(rule: "biometric-children-consent", path: "purposes[0].consent") {
            $0.addField("- name: fingerprint\n  category: user.biometric.fingerprint")
            $0.purposes +=
                "\n  special_category:\n    condition: substantial_public_interest\n    schedule1: statutory_purposes"
        },
        RuleCase(rule: "electronic-marketing-consent", path: "purposes[1].marketing") {
            $0.makePrivate()
            $0.addPurpose(
                "- id: news\n  name: News\n  lawful_basis: legitimate_interests\n  legitimate_interest: Telling parents about events.\n  legitimate_interest_assessment: LIA-2\n  marketing:\n    channels: [email]",
                id: "news")
        },
        RuleCase(rule: "automated-decision-information", path: "purposes[0].automated_decision") {
            $0.purposes += "\n  automated_decision:\n    logic: Sets are chosen from test scores."
        },
        RuleCase(rule: "automated-decision-special-category", path: "purposes[0].automated_decision") {
            $0.addField("- name: allergies\n  category: user.health_and_medical")
            $0.purposes +=
                "\n  special_category:\n    condition: health_or_social_care\n    schedule1: health_or_social_care\n  automated_decision:\n    logic: a\n    significance: b\n    consequences: c"
        },
        RuleCase(rule: "record-type-retention", path: "record_types[0].retention") {
            $0.replace("retention: [pupil_review]", with: "retention: []", in: \.recordTypes)
            $0.retention += "\n  assumed: kept so the fixture has a rule"
            $0.recordTypes +=
                "\n- id: spare\n  name: Spare\n  roles: [{name: pupil, subject: pupil}]\n  purposes: [education]\n  retention: [pupil_review]\n  fields: []"
        },
        RuleCase(rule: "retention-authority", path: "retention[0].authority") {
            $0.replace("  authority: IRMS toolkit", with: "", in: \.retention)
        },
        RuleCase(rule: "processor-agreement", path: "recipients[0].agreement") {
            $0.recipients = "- id: mis\n  name: MIS supplier\n  kind: processor\n  dpia: DPIA-3"
            $0.purposes += "\n  recipients: [mis]"
        },
        RuleCase(rule: "international-transfer", path: "recipients[0].transfer") {
            $0.recipients =
                "- id: cloud\n  name: Cloud host\n  kind: processor\n  agreement: DPA\n  country: US\n  dpia: DPIA-4"
            $0.purposes += "\n  recipients: [cloud]"
        },
        RuleCase(rule: "transfer-safeguard-copy", path: "recipients[0].transfer.copy") {
            $0.recipients =
                "- id: cloud\n  name: Cloud host\n  kind: processor\n  agreement: DPA\n  country: IN\n  dpia: DPIA-4\n  transfer:\n    mechanism: idta"
            $0.purposes += "\n  recipients: [cloud]"
        },
        RuleCase(rule: "transfer-adequacy", path: "recipients[0].transfer.mechanism") {
            $0.recipients =
                "- id: cloud\n  name: Cloud host\n  kind: processor\n  agreement: DPA\n  country: IN\n  dpia: DPIA-4\n  transfer:\n    mechanism: adequacy"
            $0.purposes += "\n  recipients: [cloud]"
        },
        RuleCase(rule: "dpia-sensitive-sharing", path: "recipients[0].dpia") {
            $0.recipients = "- id: la\n  name: Local authority\n  kind: public_body"
            $0.purposes += "\n  recipients: [la]"
        },
        RuleCase(rule: "cookie-consent", path: "cookies[0].set_before_consent") {
            $0.cookies =
                "- name: _ga\n  provider: Google Analytics\n  party: third\n  purpose: Statistics\n  category: statistics\n  expiry: 2 years\n  set_before_consent: true"
        },
        RuleCase(rule: "sar-fee", path: "rights.fees[0]") { $0.rights = "fees: [every_request]" },
        RuleCase(rule: "sending-address", path: "rights.request_channels[1]") {
            $0.replace("email: office@example.org.uk\n", with: "website: https://example.org.uk\n", in: \.controller)
            $0.dpo = "name: Sam Taylor\nphone: 01234 567890"
            $0.rights = "request_channels: [letter, web]"
        },
        RuleCase(rule: "consent-basis-unavailable", path: "purposes[1].lawful_basis") {
            // An academy trust asking consent for what it does as a public authority.
            $0.addPurpose(
                "- id: attendance\n  name: Following up absence\n  lawful_basis: consent\n  consent:\n    withdraw: Tell the office.",
                id: "attendance")
        },
        RuleCase(rule: "retention-statutory-minimum", path: "record_types[0].retention") {
            // The attendance register kept a year: the 2024 Regulations keep every entry 6 years.
            $0.replace(
                "  retention: [pupil_review]",
                with: "  kind: attendance_register\n  retention: [pupil_review, register_year]",
                in: \.recordTypes)
            $0.retention +=
                "\n- id: register_year\n  trigger: created\n  offset: 1 year\n  action: erase\n  authority: The trust"
        },
        RuleCase(rule: "retention-guidance-minimum", path: "record_types[0].retention") {
            // A secondary pupil record erased a year after leaving: guidance keeps it to date of birth + 25.
            $0.replace(
                "  retention: [pupil_review]",
                with: "  kind: pupil_record_secondary\n  retention: [pupil_review, leavers]",
                in: \.recordTypes)
            $0.retention +=
                "\n- id: leavers\n  trigger: leaving_date\n  offset: 1 year\n  action: erase\n  authority: The trust"
        },
        RuleCase(rule: "retention-period-stated", path: "retention[0].offset") {
            // "As long as the law says", written as a review on day 0.
            $0.replace("offset: 25 years", with: "offset: 0 days", in: \.retention)
        },
        RuleCase(rule: "unused-definition", path: "purposes[1]") {
            $0.purposes += "\n- id: orphan\n  name: Orphan\n  lawful_basis: public_task"
        },
        RuleCase(rule: "unconfirmed-assumption", path: "retention[0].assumed") {
            $0.retention += "\n  assumed: The schedule was not given."
        },
    ]

    @Test("each rule finds what breaks it, and only there", arguments: cases)
    func ruleFires(_ ruleCase: RuleCase) throws {
        var fixture = PolicyFixture()
        ruleCase.change(&fixture)
        let findings = try fixture.findings()
        let ofRule = findings.filter { $0.rule == ruleCase.rule }
        #expect(ofRule.map(\.path) == [ruleCase.path])
        let finding = try #require(ofRule.first)
        #expect(!finding.message.isEmpty)
        #expect(finding.line != nil)
        let rule = try #require(PolicyLinter.standardRules.first { $0.id == ruleCase.rule })
        #expect(finding.severity == rule.severity)
        #expect(finding.reference == rule.reference)
    }

    @Test("every standard rule is exercised, and ids are unique")
    func everyRuleHasACase() {
        let ids = PolicyLinter.standardRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(Self.cases.map(\.rule)) == Set(ids))
        for rule in PolicyLinter.standardRules {
            #expect(!rule.reference.isEmpty && !rule.summary.isEmpty, "\(rule.id)")
        }
    }

    @Test("legitimate interests outside a public authority's tasks are allowed")
    func publicAuthorityOutsideTasks() throws {
        var fixture = PolicyFixture()
        fixture.replace(
            "lawful_basis: public_task",
            with:
                "lawful_basis: legitimate_interests\n  outside_public_tasks: true\n  legitimate_interest: Fundraising.\n  legitimate_interest_assessment: LIA-1",
            in: \.purposes)
        #expect(try fixture.findings().isEmpty)
    }

    @Test("a not-for-profit disability support body may rely on para 16")
    func para16SupportBody() throws {
        var fixture = PolicyFixture()
        fixture.controller += "\nnot_for_profit: true\ndisability_support_body: true"
        fixture.addField("- name: allergies\n  category: user.health_and_medical")
        fixture.purposes +=
            "\n  special_category:\n    condition: substantial_public_interest\n    schedule1: disability_support"
        #expect(!(try fixture.findingKeys()).contains { $0.hasPrefix("schedule1-para16-body") })
    }

    @Test("a Schedule 1 condition that does not go with the Article 9 condition is named")
    func schedule1Mismatch() throws {
        var fixture = PolicyFixture()
        fixture.addField("- name: allergies\n  category: user.health_and_medical")
        fixture.purposes += "\n  special_category:\n    condition: employment\n    schedule1: safeguarding"
        let finding = try #require(try fixture.findings().first { $0.rule == "schedule1-condition" })
        #expect(finding.message.contains("does not go with it"))
    }

    @Test("email marketing is lawful with opt-in consent, a complete soft opt-in, or to corporate subscribers")
    func lawfulMarketing() throws {
        let variants = [
            "  lawful_basis: consent\n  consent:\n    withdraw: Unsubscribe link.\n  marketing:\n    channels: [email]",
            "  lawful_basis: legitimate_interests\n  legitimate_interest: Parents' events.\n  legitimate_interest_assessment: LIA\n  marketing:\n    channels: [email]\n    soft_opt_in: {details_from_sale: true, similar_products: true, opt_out_at_collection: true, opt_out_in_every_message: true}",
            "  lawful_basis: legitimate_interests\n  legitimate_interest: Schools' news.\n  legitimate_interest_assessment: LIA\n  marketing:\n    channels: [email]\n    subscriber: corporate",
            "  lawful_basis: legitimate_interests\n  legitimate_interest: Letters home.\n  legitimate_interest_assessment: LIA\n  marketing:\n    channels: [post]",
        ]
        for variant in variants {
            var fixture = PolicyFixture()
            fixture.makePrivate()
            fixture.addPurpose("- id: news\n  name: News\n" + variant, id: "news")
            #expect(try fixture.findings().isEmpty, "\(variant)")
        }
    }

    @Test("an incomplete soft opt-in says which conditions fail")
    func softOptInDetail() throws {
        var fixture = PolicyFixture()
        fixture.makePrivate()
        fixture.addPurpose(
            "- id: news\n  name: News\n  lawful_basis: legitimate_interests\n  legitimate_interest: x\n  legitimate_interest_assessment: y\n  marketing:\n    channels: [sms]\n    soft_opt_in: {details_from_sale: true, similar_products: false, opt_out_at_collection: true, opt_out_in_every_message: false}",
            id: "news")
        let finding = try #require(try fixture.findings().first { $0.rule == "electronic-marketing-consent" })
        #expect(finding.message.contains("it is not only for similar products and services"))
        #expect(finding.message.contains("no opt-out in every message"))
        #expect(!finding.message.contains("sale or negotiation"))
    }

    @Test("cookies exempt from consent may be set without it")
    func exemptCookies() throws {
        var fixture = PolicyFixture()
        fixture.cookies = """
            - name: session
              party: first
              purpose: Keeps you signed in.
              category: strictly_necessary
              expiry: session
              set_before_consent: true
            - name: stats
              party: first
              purpose: Counts visits.
              category: statistics
              expiry: 1 year
              set_before_consent: true
              objection_offered: true
            - name: theme
              party: first
              purpose: Remembers your colours.
              category: preferences
              expiry: 1 year
              set_before_consent: true
              objection_offered: true
            """
        #expect(try fixture.findings().isEmpty)
    }

    @Test("Art 8 applies only to consent from children who may be under 13 without a parent's consent")
    func childConsentBoundaries() throws {
        let purpose =
            "- id: app\n  name: Homework app\n  lawful_basis: consent\n  online_service_to_children: true\n  consent:\n    withdraw: Tell the office."
        var parental = PolicyFixture()
        parental.makePrivate()
        parental.addPurpose(purpose + "\n    parental: true", id: "app")
        #expect(try parental.findings().isEmpty)
        var older = PolicyFixture()
        older.makePrivate()
        older.replace("youngest_age: 11", with: "youngest_age: 14", in: \.subjects)
        older.addPurpose(purpose, id: "app")
        #expect(try older.findings().isEmpty)
    }

    @Test("retention floors pass rules as long or longer, from the same day or a later one; reviews never destroy")
    func retentionFloorsMet() throws {
        let kept = [
            // From leaving, 25 years: never before date of birth + 25.
            ("pupil_record_secondary", "trigger: leaving_date\n  offset: 25 years\n  action: erase"),
            ("attendance_register", "trigger: created\n  offset: 6 years\n  action: erase"),
            ("attendance_register", "trigger: created\n  offset: 72 months\n  action: anonymise"),
            ("staff_personnel", "trigger: leaving_date\n  offset: 6 years\n  action: erase"),
            // A review destroys nothing: the floor is for the reviewer.
            ("sen_file", "trigger: created\n  offset: 1 year\n  action: review"),
            ("pupil_record_primary", "trigger: leaving_date\n  offset: 0 days\n  action: erase"),
        ]
        for (kind, rule) in kept {
            var fixture = PolicyFixture()
            fixture.replace(
                "  retention: [pupil_review]", with: "  kind: \(kind)\n  retention: [pupil_review, kept]",
                in: \.recordTypes)
            fixture.retention += "\n- id: kept\n  " + rule + "\n  authority: The trust"
            let keys = try fixture.findingKeys()
            #expect(!keys.contains { $0.hasPrefix("retention-") }, "\(kind): \(rule): \(keys)")
        }
        // An adult's accident record erased after 4 years: past RIDDOR's 3, short of guidance's 6.
        var accident = PolicyFixture()
        accident.replace(
            "  retention: [pupil_review]", with: "  kind: accident_adult\n  retention: [pupil_review, short]",
            in: \.recordTypes)
        accident.retention += "\n- id: short\n  trigger: created\n  offset: 4 years\n  action: erase\n  authority: x"
        let rules = try accident.findings().map(\.rule)
        #expect(rules.contains("retention-guidance-minimum"))
        #expect(!rules.contains("retention-statutory-minimum"))
    }

    @Test("consent stays lawful where it can be refused; statutory sharing and refused bases raise no noise")
    func noFalseAlarms() throws {
        // A public authority's optional photographs, outside its tasks.
        var photos = PolicyFixture()
        photos.addPurpose(
            "- id: photos\n  name: Photographs on the website\n  lawful_basis: consent\n  outside_public_tasks: true\n  consent:\n    withdraw: Tell the office.",
            id: "photos")
        #expect(try photos.findings().isEmpty)
        // A census the law requires, shared with the DfE: no DPIA warning.
        var census = PolicyFixture()
        census.addField("- name: ethnicity\n  category: user.demographic.race_ethnicity")
        census.addPurpose(
            "- id: census\n  name: The school census\n  lawful_basis: legal_obligation\n  special_category:\n    condition: substantial_public_interest\n    schedule1: statutory_purposes\n  recipients: [dfe]",
            id: "census")
        census.recipients = "- id: dfe\n  name: Department for Education\n  kind: public_body"
        #expect(!(try census.findingKeys()).contains { $0.hasPrefix("dpia-sensitive-sharing") })
        // Legitimate interests for a public task: refused once, with no assessment asked for on top.
        var refused = PolicyFixture()
        refused.replace(
            "lawful_basis: public_task",
            with: "lawful_basis: legitimate_interests\n  legitimate_interest: Running the trust.", in: \.purposes)
        let keys = try refused.findingKeys()
        #expect(keys.contains { $0.hasPrefix("public-authority-legitimate-interests") })
        #expect(!keys.contains { $0.hasPrefix("legitimate-interest-assessment") })
        // Online requests with the DPO's address to send from.
        var online = PolicyFixture()
        online.rights = "request_channels: [web]"
        #expect(!(try online.findingKeys()).contains { $0.hasPrefix("sending-address") })
    }

    @Test("findings come in file order and name their line")
    func ordering() throws {
        var fixture = PolicyFixture()
        fixture.replace("ico_registration: ZA123456\n", with: "", in: \.controller)
        fixture.rights = "fees: [every_request]"
        let findings = try fixture.findings()
        #expect(findings.map(\.rule) == ["ico-registration", "sar-fee"])
        #expect(findings[0].line! < findings[1].line!)
    }
}
