import CustosCore
import CustosTestSupport
import Foundation
import Testing
import Yams

@Suite("The fideslang export")
struct FideslangExportTests {
    private func manifest(_ export: FideslangExport, _ name: String) throws -> [String: Any] {
        let text = try #require(try export.manifests().first { $0.fileName == name }?.yaml)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test("keys the default taxonomy lacks are defined: categories, subjects, uses")
    func customTaxonomy() throws {
        var fixture = PolicyFixture()
        fixture.replace("  data_use: essential.service", with: "", in: \.purposes)
        let export = FideslangExport(policy: try fixture.load().policy)
        let taxonomy = try manifest(export, "taxonomy.yml")
        let categories = try #require(taxonomy["data_category"] as? [[String: Any]])
        #expect(categories.map { $0["fides_key"] as? String } == ["user.education"])
        #expect(categories.first?["parent_key"] as? String == "user")
        let subjects = try #require(taxonomy["data_subject"] as? [[String: Any]])
        #expect(subjects.compactMap { $0["fides_key"] as? String } == ["pupil", "parent"])
        let uses = try #require(taxonomy["data_use"] as? [[String: Any]])
        #expect(uses.compactMap { $0["fides_key"] as? String } == ["custos_education"])
        let system = try #require((try manifest(export, "system.yml")["system"] as? [[String: Any]])?.first)
        let declaration = try #require((system["privacy_declarations"] as? [[String: Any]])?.first)
        #expect(declaration["data_use"] as? String == "custos_education")
        #expect(declaration["data_subjects"] as? [String] == ["pupil", "parent"])
        #expect(declaration["legal_basis_for_processing"] as? String == "Public interest")
    }

    @Test("strings that look like other things stay strings for a YAML 1.1 reader")
    func stringsStayStrings() throws {
        var fixture = PolicyFixture()
        fixture.replace("name: Example Academy Trust", with: "name: \"yes\"", in: \.controller)
        fixture.controller += "\naddress: \"2018-05-21\"\nphone: \"01277213945\""
        let organization = try #require(
            (try manifest(
                FideslangExport(policy: fixture.load().policy, organizationKey: "example"), "organization.yml")[
                    "organization"] as? [[String: Any]])?.first)
        #expect(organization["name"] as? String == "yes")
        let controller = try #require(organization["controller"] as? [String: Any])
        #expect(controller["address"] as? String == "2018-05-21")
        #expect(controller["phone"] as? String == "01277213945")
        #expect((organization["data_protection_officer"] as? [String: Any])?["address"] as? String == "")
    }

    @Test("the validator rejects a manifest with an undefined category", .enabled(if: ExternalTools.pythonTestsEnabled))
    func validatorCatchesUndefinedKeys() throws {
        let export = FideslangExport(policy: try PolicyFixture().load().policy)
        let folder = try FideslangValidation.write(export)
        let dataset = folder.appendingPathComponent("dataset.yml")
        let text = try String(contentsOf: dataset, encoding: .utf8).replacingOccurrences(
            of: "user.education", with: "user.no_such_category")
        try text.write(to: dataset, atomically: true, encoding: .utf8)
        let report = try FideslangValidation.validate(folder: folder)
        #expect(report.status == 1)
        #expect(report.output.contains("data category user.no_such_category not defined"))
    }
}
