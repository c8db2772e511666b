/// The format a field's value must have; the store checks it on every write.
public enum FieldFormat: String, PolicyKeyword {
    case text
    case email
    case ukPhone = "uk_phone"
    case ukPostcode = "uk_postcode"
    /// Unique Pupil Number: 13 characters with a check letter and an LA code.
    case upn
    /// Unique Learner Number: 10 digits with a check digit.
    case uln
    /// Unique Reference Number of a school (GIAS): 6 digits.
    case urn
    case date
    case number
    case yesNo = "yes_no"
    case url
}
