import CustosTestSupport
import Foundation
import Testing

@testable import CustosCore

/// How people are named (`display_name`), and the words of a name a search by name matches.
@Suite("Display names")
struct DisplayNameTests {
    private func loadError(_ yaml: String) throws -> PolicyLoadError { try PolicyFixture.loadError(yaml) }

    @Test("a name's words fold case, accents and apostrophes, split hyphens and leave titles out")
    func words() {
        #expect(DisplayName.words("Mrs Zoë O'Brien-Jones") == ["zoe", "obrien", "jones"])
        #expect(DisplayName.words("  SMITH,  Ann  ann ") == ["smith", "ann"])
        #expect(DisplayName.words("Dr") == [])
        #expect(DisplayName.whole(["smith", "ann"]) == DisplayName.whole(["ann", "smith"]))
        #expect(DisplayName.whole(["cher"]) == nil)
    }

    @Test("a type names each role by its display_name fields, else by its name fields other than a title")
    func fields() throws {
        let asset = try PolicyLoader.load(contentsOf: Repository.example("asset")).policy
        let contact = try #require(asset.recordType("contact"))
        #expect(contact.displayNameFields(of: "contact").map(\.name) == ["name"])
        #expect(DisplayName.of(["title": "Mr", "name": "Sam Patel"], type: contact, role: "contact") == "Sam Patel")
        // Never "Dear Mr,": a title alone names no one.
        #expect(DisplayName.of(["title": "Mr"], type: contact, role: "contact") == nil)

        let bep = try PolicyLoader.load(contentsOf: Repository.example("bep")).policy
        let account = try #require(bep.recordTypes.first { $0.displayName == ["first_name", "surname"] })
        let owner = account.roles.first?.name
        #expect(DisplayName.of(["first_name": "Ann", "surname": "Smith"], type: account, role: owner) == "Ann Smith")

        // Without display_name, a role is named by its own name fields: ASHE's PA by the PA's name.
        let ashe = try PolicyLoader.load(contentsOf: Repository.example("ashe")).policy
        let member = try #require(ashe.recordType("member_contact"))
        let values = ["name": "Ann Smith", "pa_name": "Pat Assistant"]
        #expect(DisplayName.of(values, type: member, role: "head") == "Ann Smith")
        #expect(DisplayName.of(values, type: member, role: "pa") == "Pat Assistant")
    }

    @Test("display_name must name the type's fields, and not a title alone")
    func checked() throws {
        var fixture = PolicyFixture()
        fixture.recordTypes = fixture.recordTypes.replacingOccurrences(
            of: "  retention: [pupil_review]\n", with: "  retention: [pupil_review]\n  display_name: [nmae]\n")
        let problem = try #require(
            try loadError(fixture.yaml).problems.first { $0.path?.description.contains("display_name") == true })
        #expect(problem.path?.description == "record_types[0].display_name[0]")
        #expect(problem.message.hasPrefix("the record type 'pupil_record' has no field 'nmae'"))

        var titled = PolicyFixture()
        titled.recordTypes = titled.recordTypes.replacingOccurrences(
            of: "  retention: [pupil_review]\n", with: "  retention: [pupil_review]\n  display_name: [title]\n"
        ).replacingOccurrences(
            of: "  fields:\n", with: "  fields:\n    - name: title\n      label: Title\n      category: user.name\n")
        let message = try #require(
            try loadError(titled.yaml).problems.first { $0.path?.description == "record_types[0].display_name" }
        ).message
        #expect(message.hasPrefix("a display name of a title alone tells no one apart"))
    }
}
