import CustosCore
import Testing

/// A small, lawful policy that tests change one section at a time. As written it has no findings.
struct PolicyFixture {
    var controller = """
        name: Example Academy Trust
        short_name: Example
        kind: academy_trust
        public_authority: true
        email: office@example.org.uk
        ico_registration: ZA123456
        appropriate_policy_document: https://example.org.uk/appropriate-policy-document
        """
    var dpo: String? = """
        name: Sam Taylor
        email: dpo@example.org.uk
        """
    var subjects = """
        - id: pupil
          name: Pupils
          children: true
          youngest_age: 11
        - id: parent
          name: Parents and carers
        """
    var categories = """
        - key: user.education
          name: Education records
        """
    var recordTypes = """
        - id: pupil_record
          name: Pupil record
          roles:
            - name: pupil
              subject: pupil
            - name: parent
              subject: parent
          purposes: [education]
          retention: [pupil_review]
          fields:
            - name: name
              label: Name
              category: user.name
              level: required
              consequence: We cannot admit your child.
            - name: attainment
              label: Attainment
              category: user.education
            - name: parent_email
              label: Parent's email
              category: user.contact.email
              format: email
              identifier: true
              describes: parent
        """
    var purposes = """
        - id: education
          name: Educating pupils
          lawful_basis: public_task
          data_use: essential.service
        """
    var recipients = ""
    var retention = """
        - id: pupil_review
          trigger: date_of_birth
          offset: 25 years
          action: review
          authority: IRMS toolkit
        """
    var cookies = ""
    var rights = ""

    var yaml: String {
        var text = "format: 1\ncontroller:\n\(indent(controller))\n"
        if let dpo { text += "dpo:\n\(indent(dpo))\n" }
        text += "subjects:\n\(indent(subjects))\n"
        if !categories.isEmpty { text += "categories:\n\(indent(categories))\n" }
        text += "record_types:\n\(indent(recordTypes))\n"
        text += "purposes:\n\(indent(purposes))\n"
        if !recipients.isEmpty { text += "recipients:\n\(indent(recipients))\n" }
        text += "retention:\n\(indent(retention))\n"
        if !cookies.isEmpty { text += "cookies:\n\(indent(cookies))\n" }
        if !rights.isEmpty { text += "rights:\n\(indent(rights))\n" }
        return text
    }

    func load() throws -> LoadedPolicy {
        try PolicyLoader.load(yaml: yaml, fileName: "fixture.yaml")
    }

    /// Loads `yaml` and returns the load error it must raise.
    static func loadError(_ yaml: String) throws -> PolicyLoadError {
        do {
            _ = try PolicyLoader.load(yaml: yaml, fileName: "bad.yaml")
        } catch {
            return error
        }
        Issue.record("the policy loaded, but it should not have")
        throw PolicyLoadError(file: "", problems: [])
    }

    func findings() throws -> [PolicyFinding] {
        PolicyLinter().findings(for: try load())
    }

    /// The findings as `rule@path` keys.
    func findingKeys() throws -> Set<String> {
        Set(try findings().map(\.key))
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}
