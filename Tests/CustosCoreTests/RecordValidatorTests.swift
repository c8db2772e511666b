import CustosCore
import CustosTestSupport
import Foundation
import Testing

@Suite("Records checked against their record type")
struct RecordValidatorTests {
    let pupil: RecordType

    init() throws {
        let asset = try PolicyLoader.load(contentsOf: Repository.example("asset"))
        pupil = try #require(asset.policy.recordType("pupil_assessment"))
    }

    var goodPupil: [String: String] {
        [
            "pupil_name": "Ann Smith", "upn": "b801200005001", "gender": "F", "fsm": "Y", "disadvantaged": "no",
            "sen": "k", "ks2_reading_mark": "100", "ks2_maths_mark": "105", "ks2_reading_ta": "EXS",
            "ks2_maths_ta": "EXS", "ks2_aps": "102.5", "subjects": "Maths", "grades": "5",
        ]
    }

    @Test("a good row is valid and comes back normalised")
    func good() {
        let outcome = RecordValidator(recordType: pupil).validate(goodPupil)
        #expect(outcome.isValid)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.values["upn"] == "B801200005001")
        #expect(outcome.values["fsm"] == "yes")
        #expect(outcome.values["sen"] == "K")
    }

    @Test("each error names its field and never echoes the value")
    func errors() {
        var values = goodPupil
        values["upn"] = "A801200005001"
        values["ks2_aps"] = "lots"
        values["grades"] = " "
        values["sen"] = "S"
        values["favourite_colour"] = "green"
        values["subjects"] = "Maths, card 4111-1111-1111-1111"
        let outcome = RecordValidator(recordType: pupil).validate(values)
        #expect(!outcome.isValid)
        let byField = Dictionary(grouping: outcome.problems, by: \.field)
        #expect(byField["upn"]?.first?.message == "the check letter does not match")
        #expect(byField["ks2_aps"]?.first?.message == "not a number")
        #expect(byField["grades"]?.first?.message == "is required")
        #expect(byField["sen"]?.first?.message == "must be one of E, K, N")
        #expect(byField["favourite_colour"]?.first?.message == "is not a field of pupil_assessment")
        #expect(byField["subjects"]?.first?.message.contains("payment card") == true)
        for problem in outcome.problems {
            #expect(!problem.message.contains("4111"))
            #expect(!problem.message.contains("A801200005001"))
        }
    }

    @Test("a pupil needs one of UPN, the school's code or name, and any one of them is enough")
    func identifiedByAny() {
        var values = goodPupil
        values["upn"] = nil
        #expect(RecordValidator(recordType: pupil).validate(values).isValid, "a name is enough")
        values["pupil_name"] = nil
        let outcome = RecordValidator(recordType: pupil).validate(values)
        #expect(!outcome.isValid)
        let problem = outcome.problems.first { !$0.isWarning }
        #expect(problem?.field == "upn")
        #expect(
            problem?.message.contains("give at least one of Pupil UPN, The school's own pupil code, Pupil name") == true
        )
        values["pupil_code"] = "P1042"
        #expect(RecordValidator(recordType: pupil).validate(values).isValid, "the school's own code is enough")
    }

    @Test("a missing recommended field is a warning, and the record may still be written")
    func recommended() {
        var values = goodPupil
        values["gender"] = nil
        let outcome = RecordValidator(recordType: pupil).validate(values)
        #expect(outcome.isValid)
        #expect(outcome.problems == [FieldProblem(field: "gender", message: "is recommended", isWarning: true)])
    }

    @Test("import headings match by name, label or alias, whatever the case and spacing")
    func columns() {
        let columns = ImportColumns(
            headers: ["\u{FEFF}Pupil Name", "Pupil URN", "ks2 reading mark", "Notes", "UPN"], recordType: pupil)
        #expect(columns.fields[0] == "pupil_name")
        #expect(columns.fields[1] == "upn")
        #expect(columns.fields[2] == "ks2_reading_mark")
        #expect(columns.unknown == [3: "Notes"])
        #expect(columns.problems.map(\.field) == ["upn"])
    }

    @Test("record contents survive encoding, including empty and non-ASCII values")
    func contentCoding() {
        let values = ["name": "Zoë O’Brien", "empty": "", "long": String(repeating: "x", count: 300)]
        #expect(RecordContentCoding.decode(RecordContentCoding.encode(values)) == values)
        #expect(RecordContentCoding.decode([0x05, 0x61]) == nil)
    }
}
