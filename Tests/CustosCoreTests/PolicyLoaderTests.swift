import CustosCore
import CustosTestSupport
import Foundation
import Testing

@Suite("Loading a policy")
struct PolicyLoaderTests {
    private func loadError(_ yaml: String) throws -> PolicyLoadError { try PolicyFixture.loadError(yaml) }

    /// The line of the first line containing `text`, counted from 1.
    private func line(of text: String, in yaml: String) -> Int {
        (yaml.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    @Test("the fixture loads and has no findings")
    func cleanFixture() throws {
        let loaded = try PolicyFixture().load()
        #expect(loaded.policy.purposes.map(\.id) == ["education"])
        #expect(try PolicyFixture().findings() == [])
    }

    @Test("keys left out take their documented defaults")
    func defaults() throws {
        let policy = try PolicyFixture().load().policy
        let field = try #require(policy.recordType("pupil_record")?.field(named: "attainment"))
        #expect(field.level == .optional)
        #expect(field.identifier == false)
        #expect(field.pseudonymise == false)
        #expect(field.aliases.isEmpty)
        #expect(policy.rights.deadline == .oneMonth)
        #expect(policy.rights.fees.isEmpty)
        #expect(policy.cookies.isEmpty)
        #expect(policy.recipients.isEmpty)
        #expect(policy.purposes[0].consent == nil)
    }

    @Test("bad YAML names the line and column")
    func badYAML() throws {
        var fixture = PolicyFixture()
        fixture.purposes = """
            - id: education
              name: [Educating pupils
              lawful_basis: public_task
            """
        let yaml = fixture.yaml
        let error = try loadError(yaml)
        let problem = try #require(error.problems.first)
        #expect(problem.message.hasPrefix("not valid YAML"))
        let location = try #require(problem.location)
        #expect(location.line >= line(of: "name: [Educating", in: yaml))
        #expect(error.description.hasPrefix("bad.yaml:\(location.line):\(location.column): error: "))
    }

    @Test("an unknown key is refused with its line and a suggestion")
    func unknownKey() throws {
        var fixture = PolicyFixture()
        fixture.purposes = """
            - id: education
              name: Educating pupils
              lawfull_basis: public_task
            """
        let yaml = fixture.yaml
        let error = try loadError(yaml)
        #expect(error.problems.count == 1)
        let problem = try #require(error.problems.first)
        #expect(problem.message == "unknown key 'lawfull_basis' (did you mean 'lawful_basis'?)")
        #expect(problem.path?.description == "purposes[0].lawfull_basis")
        #expect(problem.location == SourceLocation(line: line(of: "lawfull_basis", in: yaml), column: 5))
    }

    @Test("every unknown key is reported, not only the first")
    func severalUnknownKeys() throws {
        var fixture = PolicyFixture()
        fixture.controller += "\ncolour: blue\nflavour: mint"
        let error = try loadError(fixture.yaml)
        #expect(error.problems.map(\.path?.description) == ["controller.colour", "controller.flavour"])
    }

    @Test("a value of the wrong type says what was expected")
    func wrongType() throws {
        var fixture = PolicyFixture()
        fixture.controller = fixture.controller.replacingOccurrences(
            of: "public_authority: true", with: "public_authority: maybe")
        let yaml = fixture.yaml
        let problem = try #require(try loadError(yaml).problems.first)
        #expect(problem.message == "expected true or false, found 'maybe'")
        #expect(problem.path?.description == "controller.public_authority")
        #expect(problem.location?.line == line(of: "public_authority: maybe", in: yaml))
    }

    @Test("a mapping where a list belongs is refused")
    func mappingForList() throws {
        var fixture = PolicyFixture()
        fixture.subjects = "id: pupil\nname: Pupils"
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(problem.message == "expected a list (lines starting with '- '), found a mapping")
        #expect(problem.path?.description == "subjects")
    }

    @Test("a number that is not a number is refused")
    func wrongNumber() throws {
        var fixture = PolicyFixture()
        fixture.subjects = fixture.subjects.replacingOccurrences(of: "youngest_age: 11", with: "youngest_age: eleven")
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(problem.message == "expected a whole number, found 'eleven'")
        #expect(problem.path?.description == "subjects[0].youngest_age")
    }

    @Test("a word outside a keyword's list names the allowed words")
    func badKeyword() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences(
            of: "lawful_basis: public_task", with: "lawful_basis: consnt")
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(
            problem.message.hasPrefix(
                "'consnt' is not allowed here; expected one of: consent, contract, legal_obligation"))
        #expect(problem.message.hasSuffix("(did you mean 'consent'?)"))
        #expect(problem.path?.description == "purposes[0].lawful_basis")
    }

    @Test("a missing required key is named")
    func missingKey() throws {
        var fixture = PolicyFixture()
        fixture.purposes = """
            - id: education
              lawful_basis: public_task
            """
        let yaml = fixture.yaml
        let problem = try #require(try loadError(yaml).problems.first)
        #expect(problem.message == "missing required key 'name'")
        #expect(problem.path?.description == "purposes[0]")
        #expect(problem.location?.line == line(of: "- id: education", in: yaml))
    }

    @Test("a misspelt required key is pointed out")
    func misspeltRequiredKey() throws {
        var fixture = PolicyFixture()
        fixture.purposes = """
            - id: education
              nmae: Educating pupils
              lawful_basis: public_task
            """
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(problem.message == "missing required key 'name' (is 'nmae' a misspelling of it?)")
    }

    @Test("a dangling reference to a purpose is refused with a suggestion")
    func danglingPurpose() throws {
        var fixture = PolicyFixture()
        fixture.recordTypes = fixture.recordTypes.replacingOccurrences(
            of: "purposes: [education]", with: "purposes: [educaton]")
        let yaml = fixture.yaml
        let problem = try #require(try loadError(yaml).problems.first)
        #expect(problem.message == "no purpose 'educaton' (did you mean 'education'?)")
        #expect(problem.path?.description == "record_types[0].purposes[0]")
        #expect(problem.location?.line == line(of: "purposes: [educaton]", in: yaml))
    }

    @Test("a dangling reference to a category is refused")
    func danglingCategory() throws {
        var fixture = PolicyFixture()
        fixture.recordTypes = fixture.recordTypes.replacingOccurrences(
            of: "category: user.contact.email", with: "category: user.contact.emial")
        let yaml = fixture.yaml
        let problem = try #require(try loadError(yaml).problems.first)
        #expect(
            problem.message.hasPrefix("'user.contact.emial' is neither a fideslang category nor declared in categories")
        )
        #expect(problem.message.hasSuffix("(did you mean 'user.contact.email'?)"))
        #expect(problem.location?.line == line(of: "user.contact.emial", in: yaml))
    }

    @Test("dangling references to recipients, retention rules, roles and subject kinds are refused")
    func otherDanglingReferences() throws {
        var fixture = PolicyFixture()
        fixture.purposes += "\n  recipients: [dfe]"
        fixture.recordTypes = fixture.recordTypes
            .replacingOccurrences(of: "retention: [pupil_review]", with: "retention: [pupil_reveiw]")
            .replacingOccurrences(of: "describes: parent", with: "describes: carer")
            .replacingOccurrences(of: "subject: parent", with: "subject: guardian")
        let messages = try loadError(fixture.yaml).problems.map(\.message)
        #expect(messages.contains("no recipient 'dfe'"))
        #expect(messages.contains("no retention rule 'pupil_reveiw' (did you mean 'pupil_review'?)"))
        #expect(messages.contains("the record type 'pupil_record' has no role 'carer'"))
        #expect(messages.contains { $0.hasPrefix("no subject kind 'guardian'") })
    }

    @Test("an anonymising rule may keep statistical fields only, never a name, contact detail or identifier")
    func anonymiseKeepsNoIdentifier() throws {
        var fixture = PolicyFixture()
        fixture.retention = """
            - id: pupil_review
              trigger: date_of_birth
              offset: 25 years
              action: anonymise
              keep_fields: [attainment, name, parent_email]
            """
        let messages = try loadError(fixture.yaml).problems.map(\.message)
        #expect(messages.contains { $0.hasPrefix("'name' identifies the person (user.name)") })
        #expect(messages.contains { $0.hasPrefix("'parent_email' identifies the person (an identifier)") })
        #expect(!messages.contains { $0.contains("'attainment'") })
        fixture.retention = fixture.retention.replacingOccurrences(of: ", name, parent_email", with: "")
        #expect(try fixture.load().policy.retention.first?.keepFields == ["attainment"])
    }

    @Test("an identifier defined twice is refused")
    func duplicateIdentifier() throws {
        var fixture = PolicyFixture()
        fixture.purposes += "\n- id: education\n  name: Again\n  lawful_basis: public_task"
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(problem.message == "the purpose 'education' is defined twice")
        #expect(problem.path?.description == "purposes[1].id")
    }

    @Test("a key written twice in one mapping is refused")
    func duplicateKey() throws {
        var fixture = PolicyFixture()
        fixture.controller += "\nname: Another name"
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(problem.message == "a key appears twice in the same mapping: name")
        #expect(problem.location != nil)
    }

    @Test("a field's purposes must be its record type's")
    func fieldPurposesSubset() throws {
        var fixture = PolicyFixture()
        fixture.recordTypes = fixture.recordTypes.replacingOccurrences(
            of: "      category: user.education", with: "      category: user.education\n      purposes: [marketing]")
        let problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(
            problem.message
                == "the field's purposes must be among its record type's; 'marketing' is not one of education")
    }

    @Test("branding's colour must read on white at AA, and its logo be a PNG data address")
    func branding() throws {
        let fixture = PolicyFixture()
        let problems = try loadError(
            fixture.yaml + "notice:\n  branding:\n    colour: \"#f0c000\"\n    logo: https://example.org/logo.png\n"
        ).problems
        let colour = try #require(problems.first { $0.path?.description == "notice.branding.colour" })
        #expect(colour.message.hasPrefix("#f0c000 on white has a contrast of 1.7 to 1"))
        let logo = try #require(problems.first { $0.path?.description == "notice.branding.logo" })
        #expect(logo.message.hasPrefix("give the logo as a PNG data address"))

        let good = try PolicyLoader.load(
            yaml: fixture.yaml + "notice:\n  branding:\n    colour: \"#1d4f91\"\n", fileName: "good.yaml")
        let branding = try #require(good.policy.notice.branding)
        #expect((branding.contrastWithWhite ?? 0) > 8)
    }

    @Test("identified_by names identifier fields of the first role, and only an identifier has a scope")
    func identifiedBy() throws {
        var fixture = PolicyFixture()
        fixture.recordTypes = fixture.recordTypes.replacingOccurrences(
            of: "  retention: [pupil_review]\n",
            with: "  retention: [pupil_review]\n  identified_by: [name, parent_email]\n"
        ).replacingOccurrences(
            of: "      level: required\n", with: "      level: required\n      identifier_scope: school\n")
        let problems = try loadError(fixture.yaml).problems.map(\.message)
        #expect(problems.contains("'name' is not an identifier field of the record's first role"))
        #expect(
            problems.contains { $0.hasPrefix("'parent_email' is not an identifier field of the record's first role") })
        #expect(
            problems.contains("only an identifier has a scope; add 'identifier: true' or leave 'identifier_scope' out"))

        var good = PolicyFixture()
        good.recordTypes = good.recordTypes.replacingOccurrences(
            of: "  retention: [pupil_review]\n", with: "  retention: [pupil_review]\n  identified_by: [name]\n"
        ).replacingOccurrences(
            of: "      level: required\n",
            with: "      level: required\n      identifier: true\n      identifier_scope: school\n")
        let type = try #require(try good.load().policy.recordType("pupil_record"))
        #expect(type.identifiedBy == ["name"])
        #expect(type.field(named: "name")?.identifierScope == .school)
        #expect(type.field(named: "parent_email")?.identifierScope == .workspace)
    }

    @Test("periods and dates are parsed, and bad ones named")
    func textValues() throws {
        var fixture = PolicyFixture()
        fixture.retention = fixture.retention.replacingOccurrences(
            of: "offset: 25 years", with: "offset: twenty-five years")
        var problem = try #require(try loadError(fixture.yaml).problems.first)
        #expect(
            problem.message
                == "expected a period such as '5 years', '6 months', '1 year 6 months' or '30 days', found 'twenty-five years'"
        )
        #expect(problem.path?.description == "retention[0].offset")

        fixture = PolicyFixture()
        let yaml = fixture.yaml + "notice:\n  last_updated: 21/05/2018\n"
        problem = try #require(try loadError(yaml).problems.first)
        #expect(problem.message == "expected a date written YYYY-MM-DD, found '21/05/2018'")
        #expect(try RetentionPeriod(policyText: "1 year 6 months") == RetentionPeriod(years: 1, months: 6))
        #expect(try RetentionPeriod(policyText: "2 weeks").days == 14)
        #expect(try CalendarDate(policyText: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(throws: PolicyTextError.self) { try CalendarDate(policyText: "2023-02-29") }
    }

    @Test("an empty file, a list at the top and an unknown format are refused")
    func wrongDocuments() throws {
        #expect(try loadError("").problems.first?.message == "the file is empty")
        #expect(
            try loadError("- a\n- b\n").problems.first?.message == "expected a mapping of keys to values, found a list")
        let future = PolicyFixture().yaml.replacingOccurrences(of: "format: 1", with: "format: 2")
        #expect(try loadError(future).problems.first?.message == "format 2 is not one this Custos reads; use format 1")
    }

    @Test("no mutilation of a policy crashes the loader: it loads or names a problem")
    func mutationsNeverCrash() throws {
        let text = try String(contentsOf: Repository.example("asset"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var refused = 0
        var variants: [String] = []
        for cut in stride(from: 0, to: text.utf8.count, by: 211) {
            variants.append(String(decoding: Array(text.utf8.prefix(cut)), as: UTF8.self))
        }
        for index in stride(from: 0, to: lines.count, by: 5) {
            var copy = lines
            copy.remove(at: index)
            variants.append(copy.joined(separator: "\n"))
            copy = lines
            copy[index] = "  " + copy[index] + ": ["
            variants.append(copy.joined(separator: "\n"))
        }
        for variant in variants {
            do {
                _ = try PolicyLoader.load(yaml: variant, fileName: "mutant.yaml")
            } catch {
                refused += 1
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { !$0.message.isEmpty })
            }
        }
        #expect(refused > variants.count / 2)
    }

    @Test("the content hash names the text, ignoring line endings")
    func contentHash() throws {
        let yaml = PolicyFixture().yaml
        let loaded = try PolicyLoader.load(yaml: yaml, fileName: "a.yaml")
        let windows = try PolicyLoader.load(yaml: yaml.replacingOccurrences(of: "\n", with: "\r\n"), fileName: "b.yaml")
        let edited = try PolicyLoader.load(yaml: yaml + "# a comment\n", fileName: "a.yaml")
        #expect(loaded.contentHash.count == 64)
        #expect(loaded.contentHash == windows.contentHash)
        #expect(loaded.contentHash != edited.contentHash)
    }

    @Test("values keep their place in the file")
    func sourceMap() throws {
        let yaml = PolicyFixture().yaml
        let loaded = try PolicyLoader.load(yaml: yaml, fileName: "a.yaml")
        let basis = try #require(loaded.location(of: PolicyPath(parsing: "purposes[0].lawful_basis")!))
        #expect(basis.line == line(of: "lawful_basis: public_task", in: yaml))
        // An absent value is placed where its parent is.
        let absent = try #require(loaded.location(of: PolicyPath(parsing: "purposes[0].consent.withdraw")!))
        #expect(absent.line == line(of: "- id: education", in: yaml))
        #expect(
            PolicyPath(parsing: "record_types[0].fields[2].describes")?.description
                == "record_types[0].fields[2].describes")
    }
}
