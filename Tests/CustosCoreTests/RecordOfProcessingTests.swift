import CustosCore
import Testing

@Suite("The record of processing activities")
struct RecordOfProcessingTests {
    @Test("the columns are the ICO template's A to AD")
    func columns() {
        #expect(RecordOfProcessing.columns.count == 30)
        #expect(RecordOfProcessing.columns.first == "Business function")
        #expect(RecordOfProcessing.columns[11] == "Article 6 lawful basis for processing personal data")
        #expect(RecordOfProcessing.columns[25] == "Data Protection Act 2018 Schedule 1 condition for processing")
        #expect(
            RecordOfProcessing.columns.last
                == "Reasons for not adhering to retention and erasure policy document (if applicable)")
    }

    @Test("a purpose's row carries its bases, conditions, recipients, transfers and retention")
    func row() throws {
        var fixture = PolicyFixture()
        fixture.addField("- name: allergies\n  category: user.health_and_medical")
        fixture.purposes +=
            "\n  business_function: Education\n  special_category:\n    condition: substantial_public_interest\n    schedule1: statutory_purposes\n  recipients: [cloud]"
        fixture.recipients =
            "- id: cloud\n  name: Cloud host\n  kind: processor\n  agreement: DPA-2024\n  country: IN\n  dpia: DPIA-1\n  transfer:\n    mechanism: idta\n    copy: Ask."
        let row = try #require(RecordOfProcessing(policy: fixture.load().policy).rows.first)
        let column = Dictionary(uniqueKeysWithValues: zip(RecordOfProcessing.columns, row))
        #expect(column["Business function"] == "Education")
        #expect(column["Categories of individuals"] == "Pupils; Parents and carers")
        #expect(column["Link to contract with processor"] == "Cloud host: DPA-2024")
        #expect(
            column[
                "Names of third countries or international organisations that personal data are transferred to (if applicable)"
            ] == "IN")
        #expect(column["Article 6 lawful basis for processing personal data"] == "UK GDPR Art 6(1)(e) public task")
        #expect(
            column["Article 9 basis for processing special category data"]?.hasPrefix("UK GDPR Art 9(2)(g)") == true)
        #expect(
            column["Data Protection Act 2018 Schedule 1 condition for processing"]
                == "DPA 2018 Sch 1 Pt 2 para 6 (Statutory and government purposes)")
        #expect(
            column["Rights available to individuals"] == "be informed, access, rectification, restriction, objection")
        #expect(column["Is a DPIA required?"] == "Yes")
        #expect(column["Retention schedule (if possible)"] == "Pupil record: Reviewed 25 years after date of birth")
    }

    @Test("both layouts write valid CSV, quoting commas, quotes and line breaks")
    func layouts() throws {
        var fixture = PolicyFixture()
        fixture.purposes += "\n  description: \"Teaching, \\\"learning\\\"\\nand care\""
        let record = RecordOfProcessing(policy: try fixture.load().policy)
        let table = try CSVRows.parse(ROPACSVWriter(layout: .table).csv(record))
        #expect(table[0] == RecordOfProcessing.columns)
        #expect(table[1][1] == "Educating pupils: Teaching, \"learning\"\nand care")
        let ico = try CSVRows.parse(ROPACSVWriter(layout: .ico).csv(record))
        #expect(ico[8] == RecordOfProcessing.columns)
        #expect(ico[1][2] == "Sam Taylor")
        #expect(ico[5] == ["ICO registration number", "ZA123456", "", ""])
    }
}
