import Hummingbird

/// A list of subjects: a search's matches, or a school's people.
struct SubjectList: ResponseCodable {
    var subjects: [SubjectSummary]
}
