import Foundation

/// Checks a field's value against its ``FieldFormat`` and puts it in the one form Custos keeps, so
/// that the same email, phone number or UPN written two ways is one value.
public enum FieldValueNormaliser {
    /// The value in its kept form, or the rule it breaks.
    public static func normalise(_ text: String, as format: FieldFormat?) -> Result<String, Rejection> {
        let trimmed = text.trimmed
        switch format {
        case nil, .text:
            return .success(trimmed)
        case .email:
            return EmailAddress.normalised(trimmed).map(Result.success) ?? .failure("not an email address")
        case .ukPhone:
            return UKPhoneNumber.normalised(trimmed).map(Result.success) ?? .failure("not a UK telephone number")
        case .ukPostcode:
            return UKPostcode.normalised(trimmed).map(Result.success) ?? .failure("not a UK postcode")
        case .upn:
            if let problem = UniquePupilNumber.problem(with: trimmed) { return .failure(Rejection(problem)) }
            return .success(UniquePupilNumber.normalised(trimmed))
        case .uln:
            if let problem = UniqueLearnerNumber.problem(with: trimmed) { return .failure(Rejection(problem)) }
            return .success(trimmed.filter { !$0.isWhitespace })
        case .urn:
            if let problem = SchoolURN.problem(with: trimmed) { return .failure(Rejection(problem)) }
            return .success(trimmed)
        case .date:
            return CalendarDate(parsing: trimmed).map { .success($0.description) }
                ?? .failure("not a date (use YYYY-MM-DD or DD/MM/YYYY)")
        case .number:
            guard Double(trimmed) != nil, !trimmed.contains(where: { $0.isLetter }) else {
                return .failure("not a number")
            }
            return .success(trimmed)
        case .yesNo:
            switch trimmed.lowercased() {
            case "yes", "y", "true", "1": return .success("yes")
            case "no", "n", "false", "0": return .success("no")
            default: return .failure("not yes or no")
            }
        case .url:
            guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host != nil
            else { return .failure("not a web address (http or https)") }
            return .success(trimmed)
        }
    }

    /// The rule a value breaks.
    public struct Rejection: Error, Sendable, Hashable, ExpressibleByStringLiteral {
        public var message: String
        public init(_ message: String) { self.message = message }
        public init(stringLiteral value: String) { message = value }
    }
}
